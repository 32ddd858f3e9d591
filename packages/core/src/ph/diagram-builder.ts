import type { Cocycle, DiagramOfDimension } from "../types.js";

/** Collects the pairs of one dimension in the order they are found. */
export class DiagramBuilder {
  private readonly births: number[] = [];
  private readonly deaths: number[] = [];
  private readonly cocycles: Cocycle[] = [];

  constructor(
    readonly dim: number,
    /** Whether each pair comes with a cocycle (then `add` is given one). */
    readonly withCocycles: boolean,
  ) {}

  add(birth: number, death: number, cocycle?: Cocycle): void {
    this.births.push(birth);
    this.deaths.push(death);
    if (cocycle !== undefined) this.cocycles.push(cocycle);
  }

  build(): DiagramOfDimension {
    const diagram = {
      dim: this.dim,
      births: Float64Array.from(this.births),
      deaths: Float64Array.from(this.deaths),
    };
    return this.withCocycles ? { ...diagram, cocycles: this.cocycles } : diagram;
  }
}
