import { describe } from "../metric/validate.js";
import { componentLabels } from "./component-labels.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";
import { radiusPairs } from "./radius-pairs.js";

/** Options of {@link dbscan}. */
export interface DbscanOptions {
  /** The neighbourhood radius eps > 0 (Euclidean, closed: distance <= eps); default 0.5 (scikit-learn's). */
  readonly eps?: number;
  /** Points within eps, the point itself included, that make a core point; an integer >= 1; default 5 (scikit-learn's). */
  readonly minSamples?: number;
  /** Cluster only these points (indices into `points`, any order); default all. Labels follow this order. */
  readonly indices?: Int32Array;
}

/**
 * DBSCAN (Ester, Kriegel, Sander & Xu, KDD 1996) with scikit-learn's
 * conventions, so that labels equal `sklearn.cluster.DBSCAN(eps,
 * min_samples).fit(X).labels_` on the same points in the same order: a core
 * point has at least `minSamples` points, itself included, at distance
 * <= eps; clusters are the connected components of core points joined when
 * within eps, numbered in order of their first core point; a non-core point
 * within eps of core points joins the cluster with the smallest number among
 * them (the first that scikit-learn's expansion reaches); the other points
 * are noise, labelled -1.
 *
 * Neighbours are found exactly by a k-d tree over a 1-Lipschitz embedding
 * and a WebAssembly SIMD kernel (see the README's Mapper section); memory is
 * 8 bytes per pair within eps, and the index about 12 bytes per coordinate
 * of the points clustered.
 *
 * @param points - The points (see {@link MapperPoints}).
 * @param options - `eps` (default 0.5), `minSamples` (default 5), `indices` (default all).
 * @returns One label per point (per entry of `indices`): a cluster number >= 0 or -1 for noise.
 * @throws RangeError for eps <= 0 (or not finite), minSamples < 1, an index out of range, or a non-finite coordinate.
 * @example
 * ```ts
 * const points = { count: 4, dimension: 1, coordinates: Float64Array.of(0, 0.1, 0.2, 5) };
 * dbscan(points, { eps: 0.15, minSamples: 2 }); // Int32Array [0, 0, 0, -1]
 * ```
 */
export function dbscan(points: MapperPoints, options: DbscanOptions = {}): Int32Array {
  const { count, dimension, coordinates } = requireMapperPoints("dbscan", points);
  const { eps, minSamples } = requireDbscanOptions("dbscan", options);
  let indices = options.indices;
  if (indices === undefined) {
    indices = new Int32Array(count);
    for (let i = 0; i < count; i++) indices[i] = i;
  } else {
    if (!(indices instanceof Int32Array)) {
      throw new TypeError(
        `dbscan: options.indices must be an Int32Array; got ${describe(indices)}`,
      );
    }
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      if (i < 0 || i >= count) {
        throw new RangeError(
          `dbscan: options.indices[${k}] is ${i}; expected an index in [0, ${count})`,
        );
      }
    }
  }
  return dbscanLabels(coordinates, dimension, indices, eps, minSamples);
}

/** Checks eps and minSamples (internal; shared with Mapper). */
export function requireDbscanOptions(
  caller: string,
  options: { readonly eps?: number; readonly minSamples?: number },
): { eps: number; minSamples: number } {
  const eps = options.eps ?? 0.5;
  const minSamples = options.minSamples ?? 5;
  if (typeof eps !== "number" || !(eps > 0) || !Number.isFinite(eps)) {
    throw new RangeError(`${caller}: eps must be a finite number > 0; got ${describe(eps)}`);
  }
  if (!Number.isSafeInteger(minSamples) || minSamples < 1) {
    throw new RangeError(
      `${caller}: minSamples must be an integer >= 1; got ${describe(minSamples)}`,
    );
  }
  return { eps, minSamples };
}

/** DBSCAN labels of the points `indices`, trusted inputs (internal). */
export function dbscanLabels(
  coordinates: MapperPoints["coordinates"],
  dimension: number,
  indices: Int32Array,
  eps: number,
  minSamples: number,
): Int32Array {
  const n = indices.length;
  const pairs = radiusPairs(coordinates, dimension, indices, eps);
  const { first, second } = pairs;
  const neighbors = new Int32Array(n).fill(1);
  for (let k = 0; k < pairs.count; k++) {
    neighbors[first[k]!]!++;
    neighbors[second[k]!]!++;
  }
  const core = new Uint8Array(n);
  for (let v = 0; v < n; v++) core[v] = neighbors[v]! >= minSamples ? 1 : 0;
  const labels = componentLabels(
    n,
    first,
    second,
    pairs.count,
    (k) => core[first[k]!] === 1 && core[second[k]!] === 1,
    core,
  );
  // Border points: the smallest cluster number among their core neighbours.
  for (let k = 0; k < pairs.count; k++) {
    const a = first[k]!;
    const b = second[k]!;
    if (core[a] === core[b]) continue;
    const border = core[a] === 1 ? b : a;
    const cluster = labels[core[a] === 1 ? a : b]!;
    if (labels[border] === -1 || cluster < labels[border]!) labels[border] = cluster;
  }
  return labels;
}
