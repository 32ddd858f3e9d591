/**
 * Where on an ascending sample grid the tent
 * `max(0, min(x - birth, death - x))` of a pair can be non-zero: the
 * samples in `[birth, death]` and one more on each side, because the tent is
 * evaluated as `half - |x - mid|` and rounding in `mid = (birth + death) / 2`
 * and `half = (death - birth) / 2` may leave a tiny positive value just
 * outside the pair. Landscapes and silhouettes walk exactly these samples,
 * so both see the same values. Internal.
 */

import { lowerBound, upperBound } from "./sample-grid.js";

/** The first sample of the support of the tent of a pair born at `birth`. */
export function tentSupportStart(grid: Float64Array, birth: number): number {
  return Math.max(0, lowerBound(grid, birth) - 1);
}

/** One past the last sample of the support of the tent of a pair dying at `death`. */
export function tentSupportEnd(grid: Float64Array, death: number): number {
  return Math.min(grid.length, upperBound(grid, death) + 1);
}
