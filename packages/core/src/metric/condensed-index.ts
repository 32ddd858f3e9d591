import { describe, requireInteger } from "./validate.js";

/**
 * The position of the distance between points `i` and `j` in a condensed
 * (strict lower triangle, row by row) array of `count` points: with
 * `a = max(i, j)` and `b = min(i, j)`, it is `a*(a-1)/2 + b`. The order of `i`
 * and `j` does not matter. This is Ripser's `compressed_lower_distance_matrix`
 * layout; note that SciPy's `squareform` uses the upper triangle instead, a
 * different order.
 *
 * Inner loops should inline the formula; this function checks its arguments.
 *
 * @param count - Number of points (an integer >= 2).
 * @param i - A point, an integer in `[0, count)`.
 * @param j - Another point, an integer in `[0, count)` with `j !== i` (the
 *   diagonal is not stored: it is 0).
 * @returns The index into `values`, in `[0, count*(count-1)/2)`.
 * @throws TypeError / RangeError for non-integers, out-of-range points or `i === j`.
 * @example
 * ```ts
 * condensedIndex(4, 1, 0); // 0
 * condensedIndex(4, 0, 3); // 3: the pair (3, 0)
 * condensedIndex(4, 3, 2); // 5, the last of 6
 * ```
 * @see Bauer, "Ripser: efficient computation of Vietoris–Rips persistence
 *   barcodes", J. Appl. Comput. Topol. 5 (2021), the lower-triangular layout.
 */
export function condensedIndex(count: number, i: number, j: number): number {
  requireInteger("condensedIndex: count", count, 2);
  requireInteger("condensedIndex: i", i, 0);
  requireInteger("condensedIndex: j", j, 0);
  if (i >= count || j >= count) {
    throw new RangeError(
      `condensedIndex: points must be < count ${count}; got i = ${describe(i)}, j = ${describe(j)}`,
    );
  }
  if (i === j) {
    throw new RangeError(
      `condensedIndex: i and j must differ (the diagonal is not stored, it is 0); got ${i} twice`,
    );
  }
  const a = Math.max(i, j);
  const b = Math.min(i, j);
  return (a * (a - 1)) / 2 + b;
}

/**
 * The pair `[i, j]` (i > j) stored at condensed position `r` (internal inverse
 * of {@link condensedIndex}; unchecked).
 */
export function condensedPair(r: number): [number, number] {
  let i = Math.floor((1 + Math.sqrt(1 + 8 * r)) / 2);
  while ((i * (i - 1)) / 2 > r) i -= 1;
  while ((i * (i + 1)) / 2 <= r) i += 1;
  return [i, r - (i * (i - 1)) / 2];
}
