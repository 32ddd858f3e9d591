import type { Precision, RealArray } from "../types.js";
import { describe, requireInteger, requirePrecision } from "./validate.js";

/**
 * The largest number of entries nettopo stores in one condensed distance
 * array: 2^31 - 1 = 2 147 483 647, reached at 65 536 points
 * (65 536 * 65 535 / 2 = 2 147 450 880).
 *
 * V8 in Node 20 allows typed arrays of up to 2^32 elements, but older engines
 * and browsers stop at 2^31 - 1, and indices below 2^31 keep index arithmetic
 * in 32-bit integers; one clear, portable limit is better than an engine-
 * dependent crash. At this size a `Float32Array` takes 8 GiB, so memory
 * usually runs out first: see {@link estimateCondensedBytes}.
 *
 * @example
 * ```ts
 * MAX_CONDENSED_LENGTH; // 2147483647
 * ```
 */
export const MAX_CONDENSED_LENGTH = 2 ** 31 - 1;

/**
 * The number of bytes a condensed distance matrix of `count` points takes:
 * `count*(count-1)/2` entries of 4 bytes (`"float32"`) or 8 bytes
 * (`"float64"`). Use it to decide, before computing, whether a dense matrix
 * fits or a threshold / sparse input is needed.
 *
 * @param count - Number of points (an integer >= 0).
 * @param precision - `"float32"` or `"float64"`.
 * @returns Bytes of the `values` array (a safe integer up to 2^53).
 * @throws TypeError / RangeError for a count that is not a non-negative
 *   integer or an unknown precision.
 * @example
 * ```ts
 * estimateCondensedBytes(1000, "float64"); // 3996000 (499500 entries * 8 bytes)
 * estimateCondensedBytes(50000, "float32") / 2 ** 30; // about 4.66 GiB
 * ```
 */
export function estimateCondensedBytes(count: number, precision: Precision): number {
  requireInteger("estimateCondensedBytes: count", count, 0);
  if (precision === undefined) {
    throw new TypeError(
      'estimateCondensedBytes: precision must be "float32" or "float64"; got undefined',
    );
  }
  const resolved = requirePrecision("estimateCondensedBytes: precision", precision, "float64");
  return condensedLength(count) * (resolved === "float32" ? 4 : 8);
}

/**
 * Refuses, with a RangeError that says what to do instead, a point count whose
 * condensed distance matrix would exceed {@link MAX_CONDENSED_LENGTH} entries
 * (more than 65 536 points). Every function of `metric/` that builds a dense
 * matrix calls it before allocating.
 *
 * @param count - Number of points (an integer >= 0).
 * @param caller - Name prefixed to the message; default `"condensed distances"`.
 * @throws RangeError when `count*(count-1)/2 > MAX_CONDENSED_LENGTH`.
 * @example
 * ```ts
 * assertCondensedSize(65536); // fine
 * assertCondensedSize(70000); // RangeError: ... use a threshold or sparseDistances ...
 * ```
 */
export function assertCondensedSize(count: number, caller = "condensed distances"): void {
  requireInteger(`${caller}: count`, count, 0);
  const length = condensedLength(count);
  if (length > MAX_CONDENSED_LENGTH) {
    throw new RangeError(
      `${caller}: ${count} points need ${length} pairwise distances, above the limit of ` +
        `${MAX_CONDENSED_LENGTH} (2^31-1, at most 65536 points) for a dense condensed array; ` +
        "use a threshold with sparse input (sparseDistances) or fewer points (subsample)",
    );
  }
}

/** `count*(count-1)/2`, exact for every count a safe integer can hold the square of. */
export function condensedLength(count: number): number {
  return count < 2 ? 0 : (count * (count - 1)) / 2;
}

/**
 * Allocates the values of a condensed matrix (internal): checks the size limit,
 * and turns an engine's allocation failure into a RangeError that states the
 * bytes asked for and the way out.
 */
export function allocateCondensed(count: number, precision: Precision, caller: string): RealArray {
  assertCondensedSize(count, caller);
  const length = condensedLength(count);
  try {
    return precision === "float32" ? new Float32Array(length) : new Float64Array(length);
  } catch (error) {
    const bytes = length * (precision === "float32" ? 4 : 8);
    throw new RangeError(
      `${caller}: could not allocate ${bytes} bytes for ${length} ${precision} distances of ` +
        `${count} points (${describe((error as Error)?.message ?? error)}); use precision ` +
        '"float32", a threshold with sparse input (sparseDistances) or fewer points',
    );
  }
}
