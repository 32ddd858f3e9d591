import type { CondensedDistances, Precision } from "../types.js";
import { allocateCondensed, condensedLength } from "./condensed-size.js";
import {
  notFinite,
  precisionOf,
  requireArrayLike,
  requireInteger,
  requireOptions,
  requirePrecision,
  requireTolerance,
} from "./validate.js";

/** Options of {@link condensedFromLower}. */
export interface CondensedFromLowerOptions {
  /**
   * Number of points; default: inferred from the length `L` as
   * `(1 + sqrt(1 + 8L)) / 2` (so an empty input is 1 point, as in Ripser;
   * pass `count: 0` for none). When given, the length must match it.
   */
  readonly count?: number;
  /**
   * A negative entry of magnitude at most `tolerance * max(1, largest |entry|)`
   * (a rounding artefact) is stored as 0; a more negative one is a RangeError.
   * Default `1e-4`; `0` demands non-negative entries.
   */
  readonly tolerance?: number;
  /**
   * Precision of the result; default: that of the input (`"float32"` for a
   * Float32Array, `"float64"` for anything else).
   */
  readonly precision?: Precision;
}

/**
 * Reads a strict lower triangle, row by row, as condensed distances: entry
 * `i*(i-1)/2 + j` is the distance of points i > j. This is Ripser's
 * `lower-distance` input format and nettopo's own layout, so the values are
 * only checked (finite, non-negative) and copied.
 *
 * @param lower - `count*(count-1)/2` distances (array or typed array); e.g.
 *   for 4 points `d10, d20, d21, d30, d31, d32`.
 * @param options - `count` (default: inferred from the length), `tolerance`
 *   (default `1e-4`, for tiny negatives), `precision` (default: the input's).
 * @returns New condensed distances; the input is not mutated.
 * @throws TypeError for a wrong kind of argument; RangeError for a length that
 *   is not triangular (or not `count*(count-1)/2`), a NaN / infinite entry or
 *   a negative one beyond the tolerance (message names the pair), or more than
 *   65 536 points.
 * @example
 * ```ts
 * const d = condensedFromLower([1, 2, 3]); // 3 points
 * d.count; // 3
 * ```
 * @see Ripser's README, "lower-distance" input format.
 */
export function condensedFromLower(
  lower: ArrayLike<number>,
  options?: CondensedFromLowerOptions,
): CondensedDistances {
  const input = requireArrayLike("condensedFromLower: lower", lower);
  const opts = requireOptions("condensedFromLower: options", options);
  const tolerance = requireTolerance("condensedFromLower", opts.tolerance);
  const precision = requirePrecision(
    "condensedFromLower: options.precision",
    opts.precision,
    precisionOf(input),
  );
  let count: number;
  if (opts.count === undefined) {
    count = Math.round((1 + Math.sqrt(1 + 8 * input.length)) / 2);
    if (condensedLength(count) !== input.length) {
      throw new RangeError(
        `condensedFromLower: lower.length must be count*(count-1)/2 for some count (0, 1, 3, 6, 10, ...); got ${input.length}`,
      );
    }
  } else {
    count = requireInteger("condensedFromLower: options.count", opts.count, 0);
    if (condensedLength(count) !== input.length) {
      throw new RangeError(
        `condensedFromLower: lower.length must be count*(count-1)/2 = ${condensedLength(count)} for count ${count}; got ${input.length}`,
      );
    }
  }
  let largest = 0;
  for (let k = 0, i = 1, j = 0; k < input.length; k++) {
    const v = input[k];
    if (!Number.isFinite(v)) {
      throw notFinite(
        `condensedFromLower: lower[${k}] (pair ${i}, ${j})`,
        v,
        "; a dense matrix must be finite: leave absent edges out with sparseDistances instead",
      );
    }
    const a = Math.abs(v as number);
    if (a > largest) largest = a;
    j += 1;
    if (j === i) {
      i += 1;
      j = 0;
    }
  }
  const slack = tolerance * Math.max(1, largest);
  const values = allocateCondensed(count, precision, "condensedFromLower");
  for (let k = 0, i = 1, j = 0; k < input.length; k++) {
    const v = input[k] as number;
    if (v < -slack) {
      throw new RangeError(
        `condensedFromLower: distances must be >= 0 (within tolerance ${tolerance}); got ${v} at lower[${k}] (pair ${i}, ${j})`,
      );
    }
    values[k] = Math.max(v, 0);
    j += 1;
    if (j === i) {
      i += 1;
      j = 0;
    }
  }
  return { kind: "condensed", count, values };
}
