import type { CondensedDistances, LongRunningOptions, PointCloud, Precision } from "../types.js";
import { condensedPair } from "./condensed-index.js";
import { allocateCondensed } from "./condensed-size.js";
import {
  describe,
  notFinite,
  requireChoice,
  requireOptions,
  requirePrecision,
  requireProgress,
  requireSignal,
  throwIfAborted,
} from "./validate.js";

/**
 * The point-cloud metrics of {@link pairwiseDistances}:
 * - `"euclidean"`: `sqrt(sum (x_k - y_k)^2)`;
 * - `"manhattan"`: `sum |x_k - y_k|`;
 * - `"chebyshev"`: `max |x_k - y_k|`;
 * - `"cosine"`: `1 - x.y / (|x| |y|)`, in `[0, 2]`.
 */
export type PointMetric = "euclidean" | "manhattan" | "cosine" | "chebyshev";

/** Options of {@link pairwiseDistances}. */
export interface PairwiseDistancesOptions extends LongRunningOptions {
  /** The metric; default `"euclidean"`. */
  readonly metric?: PointMetric;
  /**
   * The precision of the result; default `"float32"` for `"euclidean"` and
   * `"float64"` for the other metrics.
   *
   * `"float32"` with `"euclidean"` imitates Ripser's float arithmetic exactly
   * (coordinates rounded to float, then every difference, square, running sum
   * and the square root rounded to float, in coordinate order, no fused
   * multiply-add), so the distances, and hence the diagrams, match Ripser's
   * point-cloud input bit for bit (checked per distance against Debian's
   * x86-64 `ripser` 1.2.1 by `scripts/fixtures/metric.py`). With any other
   * metric, `"float32"` computes in float64 and rounds each distance once on
   * store. `"float64"` computes and stores in float64.
   */
  readonly precision?: Precision;
}

/** Every {@link PointMetric}, for validation. */
export const POINT_METRICS: readonly PointMetric[] = [
  "euclidean",
  "manhattan",
  "cosine",
  "chebyshev",
];
/** Rows between two progress reports / abort checks, scaled by the work per row. */
const PROGRESS_PAIRS = 1 << 20;

/**
 * All pairwise distances of a point cloud, as a condensed lower-triangular
 * matrix (`values[i*(i-1)/2 + j]` is the distance of points i > j).
 *
 * Cosine and the zero vector: a point whose coordinates are all 0 has no
 * direction; nettopo gives it cosine similarity 0 with every other point, so
 * its cosine distance to every other point is exactly 1 (the convention of
 * scikit-learn's `cosine_distances`; SciPy returns NaN). Each point is scaled by
 * its largest |coordinate| before normalising, so huge or tiny coordinates
 * neither overflow nor underflow. Cosine distances are clamped to `[0, 2]`.
 *
 * @param cloud - The points (see {@link pointCloud}).
 * @param options - `metric` (default `"euclidean"`), `precision` (default
 *   `"float32"` for euclidean, `"float64"` otherwise), `onProgress` (reports
 *   stage `"pairwise distances"` in rows; default none) and `signal` (checked
 *   with each progress report; default none).
 * @returns New condensed distances of `cloud.count` points.
 * @throws TypeError for a wrong kind of argument; RangeError for an unknown
 *   metric or precision, more than 65 536 points (see
 *   {@link assertCondensedSize}), or a distance that overflows to Infinity
 *   (coordinates near 1e19 in float32, 1e154 in float64: scale them).
 * @example
 * ```ts
 * const cloud = pointCloud([[0, 0], [3, 4], [6, 8]]);
 * pairwiseDistances(cloud).values; // Float32Array [5, 10, 5]
 * pairwiseDistances(cloud, { metric: "manhattan" }).values; // Float64Array [7, 14, 7]
 * ```
 * @see Bauer, "Ripser" (2021) and its source `ripser.cpp`, `euclidean_distance_matrix`,
 *   for the float arithmetic imitated by the euclidean float32 default.
 */
export function pairwiseDistances(
  cloud: PointCloud,
  options?: PairwiseDistancesOptions,
): CondensedDistances {
  requirePointCloud(cloud);
  const opts = requireOptions("pairwiseDistances: options", options);
  const metric = requireChoice(
    "pairwiseDistances: options.metric",
    opts.metric,
    POINT_METRICS,
    "euclidean",
  );
  const precision = requirePrecision(
    "pairwiseDistances: options.precision",
    opts.precision,
    metric === "euclidean" ? "float32" : "float64",
  );
  const onProgress = requireProgress("pairwiseDistances: options.onProgress", opts.onProgress);
  const signal = requireSignal("pairwiseDistances: options.signal", opts.signal);
  const { count, dimension } = cloud;
  const values = allocateCondensed(count, precision, "pairwiseDistances");
  throwIfAborted(signal);

  const rowKernel = distanceRows(cloud, metric, precision);
  const rowsPerReport = Math.max(1, Math.floor(PROGRESS_PAIRS / Math.max(1, count * dimension)));
  for (let i = 1; i < count; i++) {
    rowKernel(i, values, (i * (i - 1)) / 2);
    if (i % rowsPerReport === 0 || i === count - 1) {
      onProgress?.({ stage: "pairwise distances", done: i + 1, total: count });
      throwIfAborted(signal);
    }
  }
  checkAllFinite(values, precision, metric);
  return { kind: "condensed", count, values };
}

/**
 * The distance kernel of a metric: `(i, out, offset)` writes the distances
 * from point i to points 0..i-1 into `out[offset .. offset + i)`, with the
 * arithmetic {@link pairwiseDistances} documents for the precision. Shared by
 * the condensed matrix and the threshold graph, which keeps one row at a time.
 * The cloud is trusted (validated by the caller).
 */
export function distanceRows(
  cloud: PointCloud,
  metric: PointMetric,
  precision: Precision,
): (i: number, out: Float32Array | Float64Array, offset: number) => void {
  const { dimension } = cloud;
  if (metric === "euclidean" && precision === "float32") {
    const xf = new Float32Array(cloud.coordinates);
    return (i, out, offset) => euclideanRowRipser(xf, dimension, i, out, offset);
  }
  const x = cloud.coordinates;
  if (metric === "euclidean") return (i, out, offset) => euclideanRow(x, dimension, i, out, offset);
  if (metric === "manhattan") return (i, out, offset) => manhattanRow(x, dimension, i, out, offset);
  if (metric === "chebyshev") return (i, out, offset) => chebyshevRow(x, dimension, i, out, offset);
  const unit = unitRows(x, cloud.count, dimension);
  return (i, out, offset) => cosineRow(unit, dimension, i, out, offset);
}

/**
 * The distance of points i > j with exactly the arithmetic of
 * {@link distanceRows} (same operations in the same order), for callers that
 * visit only some pairs (a spatial grid under a threshold). Euclidean,
 * manhattan and chebyshev only: each bounds every coordinate difference,
 * which is what lets a grid skip far pairs.
 */
export function distancePair(
  cloud: PointCloud,
  metric: "euclidean" | "manhattan" | "chebyshev",
  precision: Precision,
): (i: number, j: number) => number {
  const d = cloud.dimension;
  if (metric === "euclidean" && precision === "float32") {
    const x = new Float32Array(cloud.coordinates);
    const fround = Math.fround;
    return (i, j) => {
      let sum = 0;
      for (let k = 0; k < d; k++) {
        const diff = fround(x[i * d + k] - x[j * d + k]);
        sum = fround(sum + fround(diff * diff));
      }
      return fround(Math.sqrt(sum));
    };
  }
  const x = cloud.coordinates;
  const round = precision === "float32" ? Math.fround : (v: number) => v;
  if (metric === "euclidean") {
    return (i, j) => {
      let sum = 0;
      for (let k = 0; k < d; k++) {
        const diff = x[i * d + k] - x[j * d + k];
        sum += diff * diff;
      }
      return round(Math.sqrt(sum));
    };
  }
  if (metric === "manhattan") {
    return (i, j) => {
      let sum = 0;
      for (let k = 0; k < d; k++) sum += Math.abs(x[i * d + k] - x[j * d + k]);
      return round(sum);
    };
  }
  return (i, j) => {
    let max = 0;
    for (let k = 0; k < d; k++) {
      const diff = Math.abs(x[i * d + k] - x[j * d + k]);
      if (diff > max) max = diff;
    }
    return round(max);
  };
}

/** Validates a point cloud (exported for the other consumers of point clouds in core). */
export function requirePointCloud(cloud: unknown): asserts cloud is PointCloud {
  const c = cloud as Partial<PointCloud> | null;
  if (
    typeof c !== "object" ||
    c === null ||
    c.kind !== "point-cloud" ||
    !(c.coordinates instanceof Float64Array) ||
    !Number.isSafeInteger(c.count) ||
    !Number.isSafeInteger(c.dimension)
  ) {
    throw new TypeError(
      `pairwiseDistances: cloud must be a PointCloud (make one with pointCloud()); got ${describe(cloud)}`,
    );
  }
  if (
    (c.count as number) * (c.dimension as number) !== c.coordinates.length ||
    (c.dimension as number) < 1
  ) {
    throw new RangeError(
      `pairwiseDistances: cloud.coordinates.length must be count*dimension = ${c.count}*${c.dimension}; got ${c.coordinates.length}`,
    );
  }
  const x = c.coordinates;
  for (let k = 0; k < x.length; k++) {
    if (!Number.isFinite(x[k])) {
      const point = Math.floor(k / (c.dimension as number));
      throw notFinite(
        `pairwiseDistances: cloud.coordinates[${k}] (point ${point}, coordinate ${k - point * (c.dimension as number)})`,
        x[k],
      );
    }
  }
}

// The row kernels below repeat one loop per metric on purpose: they are the
// innermost loops of every distance matrix, and a shared loop taking the
// per-coordinate step as a function would add a call per coordinate. Keep
// each in step with `distancePair`, which must give the same numbers.

/** Ripser's `euclidean_distance_matrix` in float: every operation rounded to float32. */
function euclideanRowRipser(
  x: Float32Array,
  d: number,
  i: number,
  out: Float32Array | Float64Array,
  offset: number,
): void {
  const fround = Math.fround;
  const a = i * d;
  let r = offset;
  for (let j = 0; j < i; j++, r++) {
    const b = j * d;
    let sum = 0;
    for (let k = 0; k < d; k++) {
      const diff = fround(x[a + k]! - x[b + k]!);
      sum = fround(sum + fround(diff * diff));
    }
    out[r] = fround(Math.sqrt(sum));
  }
}

function euclideanRow(
  x: Float64Array,
  d: number,
  i: number,
  out: Float32Array | Float64Array,
  offset: number,
): void {
  const a = i * d;
  let r = offset;
  for (let j = 0; j < i; j++, r++) {
    const b = j * d;
    let sum = 0;
    for (let k = 0; k < d; k++) {
      const diff = x[a + k]! - x[b + k]!;
      sum += diff * diff;
    }
    out[r] = Math.sqrt(sum);
  }
}

function manhattanRow(
  x: Float64Array,
  d: number,
  i: number,
  out: Float32Array | Float64Array,
  offset: number,
): void {
  const a = i * d;
  let r = offset;
  for (let j = 0; j < i; j++, r++) {
    const b = j * d;
    let sum = 0;
    for (let k = 0; k < d; k++) sum += Math.abs(x[a + k]! - x[b + k]!);
    out[r] = sum;
  }
}

function chebyshevRow(
  x: Float64Array,
  d: number,
  i: number,
  out: Float32Array | Float64Array,
  offset: number,
): void {
  const a = i * d;
  let r = offset;
  for (let j = 0; j < i; j++, r++) {
    const b = j * d;
    let max = 0;
    for (let k = 0; k < d; k++) {
      const diff = Math.abs(x[a + k]! - x[b + k]!);
      if (diff > max) max = diff;
    }
    out[r] = max;
  }
}

/** Rows scaled to unit length (zero rows stay zero), via a max-abs prescale against overflow. */
function unitRows(x: Float64Array, count: number, d: number): Float64Array {
  const u = new Float64Array(x.length);
  for (let i = 0; i < count; i++) {
    const a = i * d;
    let scale = 0;
    for (let k = 0; k < d; k++) scale = Math.max(scale, Math.abs(x[a + k]!));
    if (scale === 0) continue;
    let norm2 = 0;
    for (let k = 0; k < d; k++) {
      const v = x[a + k]! / scale;
      u[a + k] = v;
      norm2 += v * v;
    }
    const inv = 1 / Math.sqrt(norm2);
    for (let k = 0; k < d; k++) u[a + k]! *= inv;
  }
  return u;
}

function cosineRow(
  u: Float64Array,
  d: number,
  i: number,
  out: Float32Array | Float64Array,
  offset: number,
): void {
  const a = i * d;
  let r = offset;
  for (let j = 0; j < i; j++, r++) {
    const b = j * d;
    let dot = 0;
    for (let k = 0; k < d; k++) dot += u[a + k]! * u[b + k]!;
    const dist = 1 - dot;
    out[r] = dist < 0 ? 0 : Math.min(dist, 2);
  }
}

function checkAllFinite(
  values: Float32Array | Float64Array,
  precision: Precision,
  metric: PointMetric,
): void {
  for (let r = 0; r < values.length; r++) {
    if (!(values[r]! < Number.POSITIVE_INFINITY)) {
      const [i, j] = condensedPair(r);
      overflow(i, j, precision, metric);
    }
  }
}

function overflow(i: number, j: number, precision: Precision, metric: PointMetric): never {
  throw new RangeError(
    `pairwiseDistances: the ${metric} distance of points ${i} and ${j} overflows ${precision} to Infinity; ` +
      `scale the coordinates down${precision === "float32" ? ' or use precision "float64"' : ""}`,
  );
}
