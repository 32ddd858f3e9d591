import { describe } from "../metric/validate.js";
import type { MapperLens } from "./mapper-lens.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";
import { squaredDistance } from "./squared-distance.js";

/** Options of {@link densityLens}. */
export interface DensityLensOptions {
  /**
   * The Gaussian kernel's bandwidth h > 0; default Scott's rule
   * `n^(-1/(dimension+4))` times the mean standard deviation of the columns.
   */
  readonly bandwidth?: number;
}

/**
 * The density lens: a Gaussian kernel density estimate at each point,
 * `f(x) = (1/n) sum_y exp(-||x - y||^2 / (2 h^2))` (the point itself
 * included; the normalising constant `(2 pi h^2)^(-dimension/2)` is left out:
 * it does not change the Mapper graph and under- or overflows in high
 * dimension). Exact, in `count^2 * dimension / 2` operations.
 *
 * @param points - The points (at least 1).
 * @param options - `bandwidth` (default Scott's rule, see {@link DensityLensOptions}).
 * @returns A 1-dimensional lens; `parameters.bandwidth` is the bandwidth used.
 * @see D. W. Scott, "Multivariate Density Estimation", Wiley 1992 (the rule of thumb).
 * @example
 * ```ts
 * densityLens({ count: 3, dimension: 1, coordinates: Float64Array.of(0, 0.1, 5) },
 *   { bandwidth: 1 }).values; // the isolated point 5 has the lowest density
 * ```
 */
export function densityLens(points: MapperPoints, options: DensityLensOptions = {}): MapperLens {
  const { count: n, dimension: d, coordinates } = requireMapperPoints("densityLens", points);
  if (n < 1) throw new RangeError("densityLens: needs at least 1 point; got 0");
  let h = options.bandwidth;
  if (h === undefined) {
    let spread = 0;
    for (let j = 0; j < d; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += coordinates[i * d + j]!;
      mean /= n;
      let variance = 0;
      for (let i = 0; i < n; i++) variance += (coordinates[i * d + j]! - mean) ** 2;
      spread += Math.sqrt(variance / Math.max(n - 1, 1));
    }
    h = (spread / d) * n ** (-1 / (d + 4));
    if (!(h > 0)) h = 1;
  } else if (typeof h !== "number" || !(h > 0) || !Number.isFinite(h)) {
    throw new RangeError(
      `densityLens: options.bandwidth must be a finite number > 0; got ${describe(h)}`,
    );
  }
  const scale = -1 / (2 * h * h);
  const sums = new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const k = Math.exp(scale * squaredDistance(coordinates, d, i, j));
      sums[i]! += k;
      sums[j]! += k;
    }
  }
  for (let i = 0; i < n; i++) sums[i]! /= n;
  return { kind: "density", count: n, dims: 1, values: sums, parameters: { bandwidth: h } };
}
