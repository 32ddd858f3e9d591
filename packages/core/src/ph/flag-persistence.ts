import { describe } from "../metric/validate.js";
import type { PersistenceDiagram } from "../types.js";
import { type RipsOptions, ripsPersistence } from "./rips-persistence.js";

/**
 * A graph with values on its vertices and edges: edge k joins `sources[k]`
 * and `targets[k]` (vertices 0..vertexCount-1).
 */
export interface WeightedGraph {
  readonly vertexCount: number;
  readonly sources: ArrayLike<number>;
  readonly targets: ArrayLike<number>;
  /** One value per edge. */
  readonly edgeValues: ArrayLike<number>;
  /** One value per vertex; default 0 for every vertex. */
  readonly vertexValues?: ArrayLike<number>;
}

/** Options of {@link flagPersistence}: those of {@link ripsPersistence} that apply to a graph. */
export type FlagOptions = Pick<
  RipsOptions,
  "maxDim" | "threshold" | "modulus" | "cocycles" | "onProgress" | "signal"
>;

/**
 * Persistent homology of the flag (clique) filtration of a weighted graph: a
 * simplex enters at the largest value of its vertices and edges, so an edge
 * never enters before its endpoints (its value is raised to theirs when
 * lower). Values may be negative. Equals GUDHI's `SimplexTree` with the same
 * vertex and edge filtration values followed by `expansion(maxDim + 1)`.
 *
 * @param graph - The weighted graph; repeated edges keep their smallest value.
 * @param options - maxDim (1), threshold (Infinity: simplices above it are left
 *   out), modulus (2), cocycles (false), onProgress, signal.
 * @returns The diagram; H0 bars are born at vertex values (elder rule).
 * @example
 * ```ts
 * // A square whose diagonal enters late: one H1 bar [1, 2).
 * flagPersistence({ vertexCount: 4, sources: [0, 1, 2, 3, 0], targets: [1, 2, 3, 0, 2],
 *   edgeValues: [1, 1, 1, 1, 2] }).dimensions[1]; // births [1], deaths [2]
 * ```
 * @see Zomorodian, "Fast construction of the Vietoris-Rips complex" (2010), for flag complexes.
 */
export function flagPersistence(graph: WeightedGraph, options?: FlagOptions): PersistenceDiagram {
  if (typeof graph !== "object" || graph === null) {
    throw new TypeError(`flagPersistence: graph must be an object; got ${describe(graph)}`);
  }
  const { vertexCount, sources, targets, edgeValues, vertexValues } = graph;
  if (!Number.isInteger(vertexCount) || vertexCount < 0) {
    throw new RangeError(
      `flagPersistence: vertexCount must be an integer >= 0; got ${describe(vertexCount)}`,
    );
  }
  if (sources.length !== targets.length || sources.length !== edgeValues.length) {
    throw new RangeError(
      `flagPersistence: sources, targets and edgeValues must have one length; got ${sources.length}, ${targets.length}, ${edgeValues.length}`,
    );
  }
  if (vertexValues !== undefined && vertexValues.length !== vertexCount) {
    throw new RangeError(
      `flagPersistence: vertexValues needs ${vertexCount} values; got ${vertexValues.length}`,
    );
  }
  const toInt32 = (name: string, values: ArrayLike<number>) => {
    const out = new Int32Array(values.length);
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (!Number.isInteger(v) || v < 0 || v >= vertexCount) {
        throw new RangeError(
          `flagPersistence: ${name}[${k}] is ${describe(v)}; expected a vertex in 0..${vertexCount - 1}`,
        );
      }
      out[k] = v;
    }
    return out;
  };
  const rows = toInt32("sources", sources);
  const cols = toInt32("targets", targets);
  const values = Float64Array.from(edgeValues);
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      throw new RangeError(
        `flagPersistence: edgeValues[${k}] is ${describe(values[k])}; expected a finite number`,
      );
    }
  }
  return ripsPersistence(
    {
      kind: "sparse",
      count: vertexCount,
      rows,
      cols,
      values,
      vertexValues:
        vertexValues === undefined
          ? new Float64Array(vertexCount)
          : Float64Array.from(vertexValues),
    },
    options,
  );
}
