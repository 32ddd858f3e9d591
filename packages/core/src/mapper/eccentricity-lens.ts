import { describe } from "../metric/validate.js";
import type { MapperLens } from "./mapper-lens.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";
import { squaredDistance } from "./squared-distance.js";

/** Options of {@link eccentricityLens}. */
export interface EccentricityLensOptions {
  /** The exponent p, a number >= 1 or `Infinity` (the largest distance); default 1. */
  readonly exponent?: number;
}

/**
 * The eccentricity lens: `e_p(x) = ((1/n) sum_y d(x, y)^p)^(1/p)`, large for
 * points far from the rest (Singh, Mémoli & Carlsson, "Topological Methods
 * for the Analysis of High Dimensional Data Sets and 3D Object Recognition",
 * SPBG 2007, section 4). Exact, in `count^2 * dimension / 2` operations.
 *
 * @param points - The points (at least 1).
 * @param options - `exponent` (default 1; `Infinity` for the largest distance).
 * @returns A 1-dimensional lens.
 * @example
 * ```ts
 * eccentricityLens({ count: 3, dimension: 1, coordinates: Float64Array.of(0, 1, 2) }).values;
 * // Float64Array [1, 0.666..., 1]
 * ```
 */
export function eccentricityLens(
  points: MapperPoints,
  options: EccentricityLensOptions = {},
): MapperLens {
  const { count: n, dimension, coordinates } = requireMapperPoints("eccentricityLens", points);
  const p = options.exponent ?? 1;
  if (typeof p !== "number" || !(p >= 1)) {
    throw new RangeError(
      `eccentricityLens: options.exponent must be a number >= 1 or Infinity; got ${describe(p)}`,
    );
  }
  if (n < 1) throw new RangeError("eccentricityLens: needs at least 1 point; got 0");
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const distance = Math.sqrt(squaredDistance(coordinates, dimension, i, j));
      if (p === Number.POSITIVE_INFINITY) {
        if (distance > sums[i]!) sums[i] = distance;
        if (distance > sums[j]!) sums[j] = distance;
      } else {
        const term = p === 1 ? distance : p === 2 ? distance * distance : distance ** p;
        sums[i]! += term;
        sums[j]! += term;
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    values[i] =
      p === Number.POSITIVE_INFINITY
        ? sums[i]!
        : p === 1
          ? sums[i]! / n
          : (sums[i]! / n) ** (1 / p);
  }
  return { kind: "eccentricity", count: n, dims: 1, values, parameters: { exponent: p } };
}
