import type { SparseDistances } from "../types.js";
import {
  describe,
  notFinite,
  requireArrayLike,
  requireInteger,
  requireOptions,
} from "./validate.js";

/** Options of {@link sparseDistances}. */
export interface SparseDistancesOptions {
  /**
   * Birth value of each vertex (`count` finite numbers) for a flag filtration
   * with vertex weights; default: none, every vertex is born at 0. Each edge
   * must have a value >= the births of both its ends.
   */
  readonly vertexValues?: ArrayLike<number>;
}

/**
 * Builds {@link SparseDistances}: a graph on `count` vertices whose edge k
 * joins `rows[k]` and `cols[k]` at distance `values[k]`; pairs that are not
 * listed are at infinite distance. Use it for thresholded neighbourhoods,
 * k-nearest-neighbour graphs, or point sets too large for a dense matrix
 * (Ripser's `sparse` input).
 *
 * An undirected edge may be listed once or in both orientations, or repeated,
 * as long as every listing carries the same value. The arrays are copied into
 * `Int32Array`/`Float64Array`, in the given order.
 *
 * @param count - Number of vertices, an integer in `[0, 2^31 - 1]`.
 * @param rows - One end of each edge: integers in `[0, count)`.
 * @param cols - The other end: integers in `[0, count)`, never equal to `rows[k]`
 *   (vertex births go in `options.vertexValues`).
 * @param values - Edge values: finite, and >= the births of both ends (so >= 0
 *   without `vertexValues`).
 * @param options - `vertexValues` (default: every vertex born at 0).
 * @returns New sparse distances; the inputs are not mutated.
 * @throws TypeError for a wrong kind of argument; RangeError for mismatched
 *   lengths, a vertex out of range, a self-loop, a NaN / infinite value (leave
 *   absent edges out instead), an edge below its vertices' births, or an edge
 *   listed twice with different values (messages name the edge).
 * @example
 * ```ts
 * // a path 0 - 1 - 2 with edges of length 1 and 2
 * const g = sparseDistances(3, [1, 2], [0, 1], [1, 2]);
 * g.rows; // Int32Array [1, 2]
 * ```
 * @see Ripser's README, "sparse" input format.
 */
export function sparseDistances(
  count: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values: ArrayLike<number>,
  options?: SparseDistancesOptions,
): SparseDistances {
  requireInteger("sparseDistances: count", count, 0);
  if (count > 2 ** 31 - 1) {
    throw new RangeError(
      `sparseDistances: count must be <= 2^31-1 (Int32 vertex indices); got ${count}`,
    );
  }
  const r = requireArrayLike("sparseDistances: rows", rows);
  const c = requireArrayLike("sparseDistances: cols", cols);
  const v = requireArrayLike("sparseDistances: values", values);
  const opts = requireOptions("sparseDistances: options", options);
  if (r.length !== v.length || c.length !== v.length) {
    throw new RangeError(
      `sparseDistances: rows, cols and values must have one entry per edge; got lengths ${r.length}, ${c.length}, ${v.length}`,
    );
  }
  let births: Float64Array | undefined;
  if (opts.vertexValues !== undefined) {
    const given = requireArrayLike("sparseDistances: options.vertexValues", opts.vertexValues);
    if (given.length !== count) {
      throw new RangeError(
        `sparseDistances: options.vertexValues must have count = ${count} entries; got ${given.length}`,
      );
    }
    births = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const b = given[i];
      if (!Number.isFinite(b)) throw notFinite(`sparseDistances: options.vertexValues[${i}]`, b);
      births[i] = b as number;
    }
  }

  const edges = v.length;
  const outRows = new Int32Array(edges);
  const outCols = new Int32Array(edges);
  const outValues = new Float64Array(edges);
  for (let k = 0; k < edges; k++) {
    const i = r[k];
    const j = c[k];
    const value = v[k];
    checkVertex("rows", k, i, count);
    checkVertex("cols", k, j, count);
    if (i === j) {
      throw new RangeError(
        `sparseDistances: edge ${k} is a self-loop at vertex ${i}; give vertex births in options.vertexValues`,
      );
    }
    if (!Number.isFinite(value)) {
      throw notFinite(
        `sparseDistances: values[${k}] (edge ${i} - ${j})`,
        value,
        "; leave absent edges out instead of giving them an infinite value",
      );
    }
    const floor = births === undefined ? 0 : Math.max(births[i as number]!, births[j as number]!);
    if ((value as number) < floor) {
      throw new RangeError(
        `sparseDistances: values[${k}] (edge ${i} - ${j}) must be >= ${births === undefined ? "0" : `the births of its vertices, ${floor}`}; got ${value}`,
      );
    }
    outRows[k] = i as number;
    outCols[k] = j as number;
    outValues[k] = value as number;
  }
  checkRepeatedEdges(count, outRows, outCols, outValues);
  const result: SparseDistances = {
    kind: "sparse",
    count,
    rows: outRows,
    cols: outCols,
    values: outValues,
  };
  return births === undefined ? result : { ...result, vertexValues: births };
}

function checkVertex(name: string, k: number, vertex: unknown, count: number): void {
  if (typeof vertex !== "number") {
    throw new TypeError(`sparseDistances: ${name}[${k}] must be a number; got ${describe(vertex)}`);
  }
  if (!Number.isInteger(vertex) || vertex < 0 || vertex >= count) {
    throw new RangeError(
      `sparseDistances: ${name}[${k}] must be an integer vertex in [0, ${count}); got ${describe(vertex)}`,
    );
  }
}

/**
 * Throws when an unordered pair is listed with two different values. Buckets
 * the edges by their smaller end (a counting sort) and stamps the larger ends
 * seen per bucket: O(edges + count) time and memory.
 */
function checkRepeatedEdges(
  count: number,
  rows: Int32Array,
  cols: Int32Array,
  values: Float64Array,
): void {
  const edges = values.length;
  if (edges < 2) return;
  if (count > 4 * edges + 1024) {
    checkRepeatedEdgesByMap(count, rows, cols, values);
    return;
  }
  const start = new Int32Array(count + 1);
  for (let k = 0; k < edges; k++) start[Math.min(rows[k]!, cols[k]!) + 1]! += 1;
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const order = new Int32Array(edges);
  const fill = start.slice(0, count);
  for (let k = 0; k < edges; k++) order[fill[Math.min(rows[k]!, cols[k]!)]!++] = k;
  const stamp = new Int32Array(count).fill(-1);
  const seen = new Int32Array(count);
  for (let low = 0; low < count; low++) {
    for (let p = start[low]!; p < start[low + 1]!; p++) {
      const k = order[p]!;
      const high = Math.max(rows[k]!, cols[k]!);
      if (stamp[high] === low) {
        const first = seen[high]!;
        if (values[first] !== values[k]) {
          throw repeated(high, low, values, first, k);
        }
      } else {
        stamp[high] = low;
        seen[high] = k;
      }
    }
  }
}

/** The same check for few edges among many vertices: a map keyed by the pair. */
function checkRepeatedEdgesByMap(
  count: number,
  rows: Int32Array,
  cols: Int32Array,
  values: Float64Array,
): void {
  const seen = new Map<number | string, number>();
  const exact = count < 2 ** 26;
  for (let k = 0; k < values.length; k++) {
    const low = Math.min(rows[k]!, cols[k]!);
    const high = Math.max(rows[k]!, cols[k]!);
    const key = exact ? high * count + low : `${high},${low}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, k);
    else if (values[first] !== values[k]) throw repeated(high, low, values, first, k);
  }
}

function repeated(
  high: number,
  low: number,
  values: Float64Array,
  first: number,
  k: number,
): RangeError {
  return new RangeError(
    `sparseDistances: the edge ${high} - ${low} is listed twice with different values: ` +
      `${values[first]} at edge ${first} and ${values[k]} at edge ${k}`,
  );
}
