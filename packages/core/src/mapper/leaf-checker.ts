/**
 * The candidate pairs of two k-d tree leaves of radius-pairs (internal): it
 * calls `emit(a, b)` (tree positions) for every pair of the points
 * [aStart, aEnd) x [bStart, bEnd) (only b > a when the ranges are the same
 * leaf) whose lower bounds on the distance do not rule it out. It may emit
 * pairs farther than the radius (the caller decides each on the raw
 * coordinates) but never drops one within it.
 */
export interface LeafChecker {
  pairs(
    aStart: number,
    aEnd: number,
    bStart: number,
    bEnd: number,
    emit: (a: number, b: number) => void,
  ): void;
}

/**
 * What a checker is built from (internal): the `n` points in tree order
 * (`order[s]` is the local index at position s), their embedded coordinates
 * (`m = K + 1` per local index: K projections, then the residual norm) and
 * residual vectors (`d` per local index), the radius and the data's scale
 * (the largest distance from the mean).
 */
export interface LeafCheckerInput {
  readonly n: number;
  readonly d: number;
  readonly K: number;
  readonly order: Int32Array;
  readonly embedded: Float64Array;
  readonly residuals: Float64Array;
  readonly radius: number;
  readonly scale: number;
  /** Most points in a leaf. */
  readonly leafSize: number;
}
