import type { Precision, RealArray } from "../types.js";

/**
 * A list of (diameter, index) pairs in typed arrays that double as they fill.
 * Diameters are stored in the precision of the input distances: every simplex
 * diameter is one of the edge values, so float32 input loses nothing in a
 * Float32Array and saves a quarter of the memory.
 */
export class SimplexBuffer {
  diameters: RealArray;
  indices: Float64Array;
  count = 0;
  readonly precision: Precision;

  constructor(precision: Precision, capacity = 1024) {
    this.precision = precision;
    this.diameters =
      precision === "float32" ? new Float32Array(capacity) : new Float64Array(capacity);
    this.indices = new Float64Array(capacity);
  }

  push(diameter: number, index: number): void {
    if (this.count === this.indices.length) this.resize(this.count * 2);
    this.diameters[this.count] = diameter;
    this.indices[this.count++] = index;
  }

  /** Gives back the unused capacity. */
  trim(): void {
    if (this.count < this.indices.length) this.resize(Math.max(this.count, 1));
  }

  private resize(capacity: number): void {
    const d =
      this.precision === "float32" ? new Float32Array(capacity) : new Float64Array(capacity);
    d.set(this.diameters.subarray(0, this.count));
    const x = new Float64Array(capacity);
    x.set(this.indices.subarray(0, this.count));
    this.diameters = d;
    this.indices = x;
  }
}
