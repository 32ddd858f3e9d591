/**
 * The upper empirical quantile shared by the resampling methods of stats/
 * (internal: not re-exported from the package index).
 */

/**
 * The rank (1-based, in increasing order) of the `confidence` quantile of
 * `count` values: `k = ceil(confidence * count)`, clamped to `[1, count]`. A
 * product within rounding error of an integer counts as that integer, so
 * `0.7 * 10` (which is `7.000000000000001` in binary floating point) gives
 * rank 7, not 8.
 */
export function quantileRank(confidence: number, count: number): number {
  const x = confidence * count;
  const nearest = Math.round(x);
  const k = Math.abs(x - nearest) <= 1e-9 * Math.max(1, x) ? nearest : Math.ceil(x);
  return Math.min(count, Math.max(1, k));
}

/**
 * The `confidence` quantile of `values` as Chazal et al. and Fasy et al.
 * define it for their resampling statistics: with `L(z)` the fraction of
 * values strictly above `z`, the quantile is `inf { z : L(z) <= 1 - confidence }`,
 * which is the `k`-th smallest value for `k = ceil(confidence * count)` (see
 * {@link quantileRank}). This is the inverse of the empirical distribution
 * function, numpy's `np.quantile(values, confidence, method="inverted_cdf")`;
 * no interpolation between values.
 *
 * @param values - At least one number (not mutated).
 * @param confidence - In (0, 1).
 */
export function empiricalQuantile(values: Float64Array, confidence: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[quantileRank(confidence, sorted.length) - 1] as number;
}
