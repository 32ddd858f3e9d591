import type { CondensedDistances, Precision } from "../types.js";
import { allocateCondensed } from "./condensed-size.js";
import {
  notFinite,
  precisionOf,
  requireArrayLike,
  requireInteger,
  requireOptions,
  requirePrecision,
  requireTolerance,
} from "./validate.js";

/** Options of {@link condensedFromFull}. */
export interface CondensedFromFullOptions {
  /**
   * How far from an exact distance matrix the input may be, relative to
   * `scale = max(1, largest |entry|)`; default `1e-4` (room for 5-decimal text and float32
   * rounding, far below any real asymmetry). Accepted within
   * `tolerance * scale`: an asymmetry `|a[i][j] - a[j][i]|` (the lower entry
   * `a[i][j]`, i > j, is kept, as Ripser does), a non-zero diagonal (ignored),
   * and a negative entry (stored as 0). Anything beyond is a RangeError.
   * Use `0` to demand an exact, symmetric, zero-diagonal, non-negative matrix.
   */
  readonly tolerance?: number;
  /**
   * Precision of the result; default: that of the input (`"float32"` for a
   * Float32Array, `"float64"` for anything else), so no value is rounded
   * unless asked.
   */
  readonly precision?: Precision;
}

/**
 * Condenses a full `count x count` distance matrix, row-major, into its strict
 * lower triangle (`values[i*(i-1)/2 + j] = matrix[i*count + j]` for i > j),
 * after checking that it is one: every entry finite, the matrix symmetric,
 * its diagonal zero and its entries non-negative, each up to `tolerance`.
 *
 * @param matrix - `count*count` entries, row-major (array or typed array).
 * @param count - Number of points, an integer >= 0.
 * @param options - `tolerance` (default `1e-4`, relative), `precision`
 *   (default: the input's).
 * @returns New condensed distances; the input is not mutated.
 * @throws TypeError for a wrong kind of argument; RangeError for a length other
 *   than `count*count`, a NaN / infinite entry (message names its row and
 *   column; absent edges belong in {@link sparseDistances}), an asymmetry,
 *   non-zero diagonal or negative entry beyond the tolerance, or more than
 *   65 536 points.
 * @example
 * ```ts
 * const d = condensedFromFull([0, 1, 2, 1, 0, 3, 2, 3, 0], 3);
 * d.values; // Float64Array [1, 2, 3]: pairs (1,0), (2,0), (2,1)
 * ```
 */
export function condensedFromFull(
  matrix: ArrayLike<number>,
  count: number,
  options?: CondensedFromFullOptions,
): CondensedDistances {
  const full = requireArrayLike("condensedFromFull: matrix", matrix);
  requireInteger("condensedFromFull: count", count, 0);
  const opts = requireOptions("condensedFromFull: options", options);
  const tolerance = requireTolerance("condensedFromFull", opts.tolerance);
  const precision = requirePrecision(
    "condensedFromFull: options.precision",
    opts.precision,
    precisionOf(full),
  );
  if (full.length !== count * count) {
    throw new RangeError(
      `condensedFromFull: matrix.length must be count*count = ${count * count}; got ${full.length}` +
        (Number.isInteger(Math.sqrt(full.length)) ? ` (count ${Math.sqrt(full.length)}?)` : ""),
    );
  }
  let largest = 0;
  for (let k = 0; k < full.length; k++) {
    const v = full[k];
    if (!Number.isFinite(v)) {
      const row = Math.floor(k / count);
      throw notFinite(
        `condensedFromFull: matrix[${k}] (row ${row}, column ${k - row * count})`,
        v,
        "; a dense matrix must be finite: leave absent edges out with sparseDistances instead",
      );
    }
    const a = Math.abs(v as number);
    if (a > largest) largest = a;
  }
  const slack = tolerance * Math.max(1, largest);
  const values = allocateCondensed(count, precision, "condensedFromFull");
  let r = 0;
  for (let i = 0; i < count; i++) {
    const diagonal = full[i * count + i] as number;
    if (Math.abs(diagonal) > slack) {
      throw new RangeError(
        `condensedFromFull: the diagonal must be 0 (within tolerance ${tolerance}); got ${diagonal} at (${i}, ${i})` +
          (diagonal === 1
            ? "; is this a similarity (e.g. correlation) matrix? use correlationDissimilarity"
            : ""),
      );
    }
    for (let j = 0; j < i; j++, r++) {
      const lower = full[i * count + j] as number;
      const upper = full[j * count + i] as number;
      if (Math.abs(lower - upper) > slack) {
        throw new RangeError(
          `condensedFromFull: the matrix must be symmetric (within tolerance ${tolerance}); ` +
            `got ${lower} at (${i}, ${j}) but ${upper} at (${j}, ${i})`,
        );
      }
      if (lower < 0 || upper < 0) {
        const worst = Math.min(lower, upper);
        if (-worst > slack) {
          throw new RangeError(
            `condensedFromFull: distances must be >= 0 (within tolerance ${tolerance}); got ${worst} at (${lower <= upper ? `${i}, ${j}` : `${j}, ${i}`})`,
          );
        }
      }
      values[r] = Math.max(lower, 0);
    }
  }
  return { kind: "condensed", count, values };
}
