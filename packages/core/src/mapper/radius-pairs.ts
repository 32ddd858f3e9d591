import type { RealArray } from "../types.js";
import { float64LeafChecker } from "./float64-leaf-checker.js";
import { buildKdTree, kdTreeCapacity, LEAF_SIZE } from "./kd-tree.js";
import { directionSampleSize, principalDirections } from "./principal-directions.js";
import { float64ProjectionKernels, simdProjectionKernels } from "./projection-kernels.js";
import { radiusKernel, releaseLargeRadiusKernel } from "./radius-kernel.js";
import { simdCheckerSizes, simdLeafChecker } from "./simd-leaf-checker.js";
import { squaredDistance } from "./squared-distance.js";
import { heapWorkspace, wasmWorkspace, workspaceBytes } from "./workspace.js";

/** The pairs of points within a distance, as local indices `first[k] < second[k]` (internal). */
export interface RadiusPairs {
  readonly count: number;
  readonly first: Int32Array;
  readonly second: Int32Array;
}

/** Largest number of projection directions of the index. */
const MAX_DIRECTIONS = 16;

/**
 * Every pair of the points `indices` (rows of `coordinates`) at Euclidean
 * distance <= `radius`, exactly (internal).
 *
 * The index: K <= 16 orthonormal directions u_1..u_K near the top principal
 * directions of the points (see {@link principalDirections}; any orthonormal
 * directions would be correct, good ones prune more). Writing
 * `x - mean = P x + r_x` (P x: the coordinates on the directions, r_x: the
 * residual vector), `||x - y||^2 = ||P x - P y||^2 + ||r_x - r_y||^2 >=
 * ||P x - P y||^2 + (||r_x|| - ||r_y||)^2`, so the embedding
 * `y(x) = (P x, ||r_x||)` in R^(K+1) never lengthens a distance. A k-d tree
 * over the embedded points is joined with itself: node pairs whose boxes are
 * farther apart than `radius` are skipped, then a point whose distance to the
 * other leaf's box exceeds it; then the embedded distances from the point to
 * the other leaf's points are computed together (coordinate by coordinate
 * over the leaf, which runs fast) and those above `radius` dropped. The
 * survivors' `||P x - P y||^2` (most of the distance: the directions carry
 * the largest variance) is completed with `||r_x - r_y||^2` block by block,
 * abandoned once above `radius^2` (partial sums of squares only grow). The
 * bounds carry a slack of 1e-6 of the data's scale, far above the rounding of
 * the projections, so rounding never drops a pair. A pair that passes them
 * all is decided on the raw coordinates: their squared differences summed in
 * float64 in coordinate order, `sum <= radius^2`, as `distance <= radius` in
 * scikit-learn; so the answer is that of the plain double loop, whatever the
 * index did. (The SIMD kernel skips that sum for the pairs whose distance it
 * proves far enough below the radius that the double loop must accept them:
 * most pairs found.)
 *
 * Where it runs: the projections and the leaf checks run in a WebAssembly
 * SIMD kernel on arrays in its memory ({@link simdProjectionKernels},
 * {@link simdLeafChecker}); where WebAssembly is unavailable, or with
 * `engine` "float64" (tests), in float64 JavaScript, with the same pairs.
 *
 * Local index k is the k-th entry of `indices`.
 */
export function radiusPairs(
  coordinates: RealArray,
  dimension: number,
  indices: Int32Array,
  radius: number,
  engine: "simd" | "float64" = "simd",
): RadiusPairs {
  const n = indices.length;
  const d = dimension;
  const pairs = new PairList(Math.max(16, n));
  if (n < 2) return pairs.result();
  const K = Math.min(MAX_DIRECTIONS, d);
  const m = K + 1;
  // Rows of an even width, zero-padded, for the f64x2 kernels.
  const width = 2 * Math.ceil(d / 2);
  const sample = directionSampleSize(n);
  const kernel = engine === "simd" ? radiusKernel() : null;
  const workspace =
    (kernel &&
      wasmWorkspace(
        kernel,
        workspaceBytes(
          [n * width, sample * width, 2 * K * width, sample * K, n * K, n],
          simdCheckerSizes(n, width, K, LEAF_SIZE, kdTreeCapacity(n)),
        ),
      )) ??
    heapWorkspace;
  const kernels = workspace.kernel
    ? simdProjectionKernels(workspace.kernel)
    : float64ProjectionKernels;
  // Centred rows in local order; they become the residual vectors below.
  const rows = workspace.f64(n * width);
  const mean = new Float64Array(d);
  for (let k = 0; k < n; k++) {
    const base = indices[k]! * d;
    for (let j = 0; j < d; j++) mean[j]! += coordinates[base + j]!;
  }
  for (let j = 0; j < d; j++) mean[j]! /= n;
  let scale = 0;
  for (let k = 0; k < n; k++) {
    const base = indices[k]! * d;
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const x = coordinates[base + j]! - mean[j]!;
      rows[k * width + j] = x;
      norm += x * x;
    }
    if (norm > scale) scale = norm;
  }
  scale = Math.sqrt(scale);
  const basis = workspace.f64(K * width);
  principalDirections(rows, n, d, width, K, kernels, {
    basis,
    sample: workspace.f64(sample * width),
    scores: workspace.f64(sample * K),
    next: workspace.f64(K * width),
  });
  // The embedding y(x) = (P x, ||r_x||), and r_x = (x - mean) - sum_c (P x)_c u_c in place of the row.
  const projections = workspace.f64(n * K);
  const norms = workspace.f64(n);
  kernels.project(rows, n, width, basis, K, projections);
  kernels.subtract(rows, n, width, basis, K, projections, norms);
  const embedded = new Float64Array(n * m);
  for (let k = 0; k < n; k++) {
    for (let c = 0; c < K; c++) embedded[k * m + c] = projections[k * K + c]!;
    embedded[k * m + K] = Math.sqrt(norms[k]!);
  }
  const tree = buildKdTree(embedded, n, m);
  const { order, start, end, left, right, low, high } = tree;
  let leafSize = 0;
  for (let node = 0; node < start.length; node++) {
    if (left[node]! < 0) leafSize = Math.max(leafSize, end[node]! - start[node]!);
  }
  const input = { n, d: width, K, tree, embedded, residuals: rows, radius, scale, leafSize };
  const checker = simdLeafChecker(input, workspace) ?? float64LeafChecker(input);
  const slack = 1e-6 * (radius + scale);
  const window = radius + slack;
  const bound2 = window * window;
  const radius2 = radius * radius;
  // The reference decision for every pair the bounds let through.
  const decide = (a: number, b: number, sure: boolean): void => {
    const i = order[a]!;
    const k = order[b]!;
    if (sure || squaredDistance(coordinates, d, indices[i]!, indices[k]!) <= radius2) {
      pairs.push(i, k);
    }
  };
  // Dual-tree self-join: node pairs whose boxes are farther than the radius are skipped.
  const stackA: number[] = [0];
  const stackB: number[] = [0];
  while (stackA.length > 0) {
    const A = stackA.pop()!;
    const B = stackB.pop()!;
    if (A !== B) {
      let gap = 0;
      for (let c = 0; c < m; c++) {
        const g = Math.max(low[A * m + c]! - high[B * m + c]!, low[B * m + c]! - high[A * m + c]!);
        if (g > 0) gap += g * g;
      }
      if (gap > bound2) continue;
    }
    const leafA = left[A]! < 0;
    const leafB = left[B]! < 0;
    if (leafA && leafB) {
      checker.pairs(A, B, decide);
    } else if (A === B) {
      stackA.push(left[A]!, left[A]!, right[A]!);
      stackB.push(left[A]!, right[A]!, right[A]!);
    } else if (leafB || (!leafA && end[A]! - start[A]! >= end[B]! - start[B]!)) {
      stackA.push(left[A]!, right[A]!);
      stackB.push(B, B);
    } else {
      stackA.push(A, A);
      stackB.push(left[B]!, right[B]!);
    }
  }
  releaseLargeRadiusKernel();
  return pairs.result();
}

/** A growing list of pairs stored smaller index first. */
class PairList {
  count = 0;
  first: Int32Array;
  second: Int32Array;

  constructor(capacity: number) {
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
  }

  push(x: number, y: number): void {
    if (this.count === this.first.length) {
      const first = new Int32Array(this.count * 2);
      first.set(this.first);
      this.first = first;
      const second = new Int32Array(this.count * 2);
      second.set(this.second);
      this.second = second;
    }
    this.first[this.count] = Math.min(x, y);
    this.second[this.count] = Math.max(x, y);
    this.count++;
  }

  result(): RadiusPairs {
    return { count: this.count, first: this.first, second: this.second };
  }
}
