import type { KdTree } from "./kd-tree.js";

/**
 * The candidate pairs of two k-d tree leaves of radius-pairs (internal): it
 * calls `emit(a, b, sure)` (tree positions) for every pair of a point a of leaf A
 * and a point b of leaf B (only b > a when A = B) whose lower bounds on the
 * distance do not rule it out. It may emit pairs farther than the radius
 * (the caller decides each on the raw coordinates) but never drops one
 * within it. `sure` says that the pair is certainly within the radius (the
 * caller's float64 test would pass): it need not be checked.
 */
export interface LeafChecker {
  pairs(A: number, B: number, emit: (a: number, b: number, sure: boolean) => void): void;
}

/**
 * What a checker is built from (internal): the `n` points in tree order
 * (`tree.order[s]` is the local index at position s), their embedded coordinates
 * (`m = K + 1` per local index: K projections, then the residual norm) and
 * residual vectors (`d` per local index), the radius and the data's scale
 * (the largest distance from the mean).
 */
export interface LeafCheckerInput {
  readonly n: number;
  readonly d: number;
  readonly K: number;
  /** The k-d tree over the embedded points. */
  readonly tree: KdTree;
  readonly embedded: Float64Array;
  readonly residuals: Float64Array;
  readonly radius: number;
  readonly scale: number;
  /** Most points in a leaf. */
  readonly leafSize: number;
}
