import { describe } from "../metric/validate.js";
import { componentLabels } from "./component-labels.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";

/** Options of {@link singleLinkageGap}. */
export interface SingleLinkageGapOptions {
  /** A gap counts when it exceeds this fraction of the largest merge distance; in (0, 1]; default 0.3. */
  readonly relativeGap?: number;
  /** Cluster only these points (indices into `points`); default all. Labels follow this order. */
  readonly indices?: Int32Array;
}

/**
 * Single-linkage clustering cut at the first gap, the heuristic of the
 * original Mapper paper (Singh, Mémoli & Carlsson 2007, section 3.2): the
 * merge distances `h_1 <= ... <= h_{n-1}` of the single-linkage dendrogram
 * (the edge lengths of a Euclidean minimum spanning tree) are scanned from
 * the bottom; at the first k with `h_{k+1} - h_k > relativeGap * h_{n-1}` the
 * dendrogram is cut at height `h_k` (points joined by merges at distance
 * <= h_k form a cluster); without such a gap all points form one cluster.
 * Clusters are numbered in order of their first point. Exact; the spanning
 * tree costs `n^2 * dimension` (Prim), so keep cover elements to a few
 * thousand points.
 *
 * @param points - The points.
 * @param options - `relativeGap` (default 0.3), `indices` (default all).
 * @returns One cluster number per point (per entry of `indices`); no point is noise.
 * @example
 * ```ts
 * const points = { count: 4, dimension: 1, coordinates: Float64Array.of(0, 1, 2, 10) };
 * singleLinkageGap(points); // Int32Array [0, 0, 0, 1]: merges 1, 1, 8; the gap 7 > 0.3 * 8
 * ```
 */
export function singleLinkageGap(
  points: MapperPoints,
  options: SingleLinkageGapOptions = {},
): Int32Array {
  const { count, dimension, coordinates } = requireMapperPoints("singleLinkageGap", points);
  const relativeGap = requireRelativeGap("singleLinkageGap", options.relativeGap);
  let indices = options.indices;
  if (indices === undefined) {
    indices = new Int32Array(count);
    for (let i = 0; i < count; i++) indices[i] = i;
  } else {
    for (let k = 0; k < indices.length; k++) {
      if (!(indices[k]! >= 0 && indices[k]! < count)) {
        throw new RangeError(
          `singleLinkageGap: options.indices[${k}] is ${indices[k]}; expected an index in [0, ${count})`,
        );
      }
    }
  }
  return singleLinkageGapLabels(coordinates, dimension, indices, relativeGap);
}

/** Checks relativeGap (internal; shared with Mapper). */
export function requireRelativeGap(caller: string, value: unknown): number {
  const gap = value ?? 0.3;
  if (typeof gap !== "number" || !(gap > 0 && gap <= 1)) {
    throw new RangeError(`${caller}: relativeGap must be a number in (0, 1]; got ${describe(gap)}`);
  }
  return gap;
}

/** Single-linkage first-gap labels of the points `indices`, trusted inputs (internal). */
export function singleLinkageGapLabels(
  coordinates: MapperPoints["coordinates"],
  dimension: number,
  indices: Int32Array,
  relativeGap: number,
): Int32Array {
  const n = indices.length;
  if (n <= 1) return new Int32Array(n);
  const d = dimension;
  const rows = new Float64Array(n * d);
  for (let k = 0; k < n; k++) {
    const base = indices[k]! * d;
    for (let j = 0; j < d; j++) rows[k * d + j] = coordinates[base + j]!;
  }
  // Prim's algorithm on the complete graph.
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n).fill(-1);
  const inTree = new Uint8Array(n);
  const first = new Int32Array(n - 1);
  const second = new Int32Array(n - 1);
  const length = new Float64Array(n - 1);
  let current = 0;
  inTree[0] = 1;
  for (let edge = 0; edge < n - 1; edge++) {
    let next = -1;
    for (let v = 0; v < n; v++) {
      if (inTree[v] === 1) continue;
      let sum = 0;
      for (let j = 0; j < d; j++) {
        const diff = rows[current * d + j]! - rows[v * d + j]!;
        sum += diff * diff;
      }
      if (sum < best[v]!) {
        best[v] = sum;
        from[v] = current;
      }
      if (next < 0 || best[v]! < best[next]!) next = v;
    }
    inTree[next] = 1;
    first[edge] = from[next]!;
    second[edge] = next;
    length[edge] = Math.sqrt(best[next]!);
    current = next;
  }
  const heights = Float64Array.from(length).sort();
  const largest = heights[n - 2]!;
  let cut = largest;
  for (let k = 0; k + 1 < n - 1; k++) {
    if (heights[k + 1]! - heights[k]! > relativeGap * largest) {
      cut = heights[k]!;
      break;
    }
  }
  return componentLabels(n, first, second, n - 1, (e) => length[e]! <= cut);
}
