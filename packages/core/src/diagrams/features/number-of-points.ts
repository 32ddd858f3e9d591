import { requireOptions } from "../../metric/validate.js";
import { type Barcode, requireBarcode } from "../barcode.js";
import { requireBooleanOption, requireNumberOption } from "./kept-pairs.js";

/** Options of {@link numberOfPoints}. */
export interface NumberOfPointsOptions {
  /** Count essential classes (death = Infinity) too; default false. */
  readonly includeEssential?: boolean;
  /**
   * Count only pairs whose lifetime `death - birth` is strictly greater than
   * this; default 0, which leaves out exactly the pairs on the diagonal. A
   * finite number >= 0.
   */
  readonly minLifetime?: number;
}

/**
 * The number of off-diagonal pairs of a barcode: pairs with lifetime
 * `death - birth > minLifetime` (default 0). With the defaults it is
 * giotto-tda's `NumberOfPoints()` (which counts points with non-zero
 * lifetime) on the finite pairs; `includeEssential: true` adds the essential
 * classes (their lifetime is infinite, so they pass any `minLifetime`).
 *
 * Diagonal pairs are never counted, so adding them changes nothing.
 *
 * @param bars - One dimension's pairs.
 * @param options - `includeEssential` (default false), `minLifetime` (default 0).
 * @returns The count.
 * @throws TypeError or RangeError for an invalid barcode or option.
 * @example
 * ```ts
 * const bars = barcode([[0, 0], [0, 1], [2, 3], [1, null]]);
 * numberOfPoints(bars); // 2
 * numberOfPoints(bars, { includeEssential: true }); // 3
 * numberOfPoints(bars, { minLifetime: 1 }); // 0
 * ```
 */
export function numberOfPoints(bars: Barcode, options?: NumberOfPointsOptions): number {
  const caller = "numberOfPoints";
  const opts = requireOptions(`${caller}: options`, options);
  const includeEssential = requireBooleanOption(
    caller,
    "includeEssential",
    opts.includeEssential,
    false,
  );
  const minLifetime = requireNumberOption(
    caller,
    "minLifetime",
    opts.minLifetime,
    0,
    (x) => x >= 0 && Number.isFinite(x),
    "a finite number >= 0",
  );
  const { births, deaths } = requireBarcode(`${caller}: bars`, bars);
  let count = 0;
  for (let k = 0; k < births.length; k += 1) {
    const d = deaths[k]!;
    if (d === Number.POSITIVE_INFINITY) {
      if (includeEssential) count += 1;
    } else if (d - births[k]! > minLifetime) {
      count += 1;
    }
  }
  return count;
}
