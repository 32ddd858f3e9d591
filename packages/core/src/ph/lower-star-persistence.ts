import { describe } from "../metric/validate.js";
import type { PersistenceDiagram } from "../types.js";
import { type FlagOptions, flagPersistence } from "./flag-persistence.js";

/** A graph by its edges: edge k joins `sources[k]` and `targets[k]`. */
export interface Graph {
  readonly vertexCount: number;
  readonly sources: ArrayLike<number>;
  readonly targets: ArrayLike<number>;
}

/**
 * Sublevel-set persistence of a function on the vertices of a graph, through
 * the lower-star filtration of its clique complex: a simplex enters at the
 * largest function value of its vertices. For superlevel sets, pass the
 * negated function and negate the result.
 *
 * @param graph - The graph (its clique complex is filtered).
 * @param values - The function, one finite value per vertex.
 * @param options - maxDim (1), threshold (Infinity), modulus (2), cocycles (false), onProgress, signal.
 * @example
 * ```ts
 * // A path 0-1-2 with values 0, 2, 1: two minima, the younger dies at the saddle.
 * lowerStarPersistence({ vertexCount: 3, sources: [0, 1], targets: [1, 2] }, [0, 2, 1]).dimensions[0];
 * // births [1, 0], deaths [2, Infinity]
 * ```
 * @see Edelsbrunner & Harer, "Computational Topology" (2010), VI.3 for lower stars.
 */
export function lowerStarPersistence(
  graph: Graph,
  values: ArrayLike<number>,
  options?: FlagOptions,
): PersistenceDiagram {
  if (typeof graph !== "object" || graph === null) {
    throw new TypeError(`lowerStarPersistence: graph must be an object; got ${describe(graph)}`);
  }
  if (values.length !== graph.vertexCount) {
    throw new RangeError(
      `lowerStarPersistence: values needs ${graph.vertexCount} entries (one per vertex); got ${values.length}`,
    );
  }
  const vertexValues = Float64Array.from(values);
  for (let v = 0; v < vertexValues.length; v++) {
    if (!Number.isFinite(vertexValues[v])) {
      throw new RangeError(
        `lowerStarPersistence: values[${v}] is ${describe(vertexValues[v])}; expected a finite number`,
      );
    }
  }
  const { sources, targets } = graph;
  const edgeValues = new Float64Array(sources.length);
  for (let k = 0; k < sources.length; k++) {
    edgeValues[k] = Math.max(
      vertexValues[sources[k]] ?? Number.NaN,
      vertexValues[targets[k]] ?? Number.NaN,
    );
  }
  return flagPersistence(
    { vertexCount: graph.vertexCount, sources, targets, edgeValues, vertexValues },
    options,
  );
}
