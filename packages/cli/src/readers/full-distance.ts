import { DISTANCE_TOLERANCE } from "./distance-tolerance.js";
import type { ParsedDistances } from "./parsed-input.js";
import { readTextMatrix } from "./text-matrix.js";
import { sourceName } from "./text-scanner.js";

/**
 * Reads Ripser's `distance` text format: the full n x n distance matrix, one
 * row per line, values separated by whitespace and commas.
 *
 * @param text - The file's text.
 * @param source - Its name in messages.
 * @returns The lower triangle (the part Ripser reads).
 * @throws TypeError for a non-numeric token; RangeError for NaN/Infinity,
 *   ragged or non-square rows, a negative distance, a non-zero diagonal or an
 *   asymmetric matrix (see {@link fullToCondensed}).
 */
export function readFullDistance(text: string, source: string): ParsedDistances {
  const matrix = readTextMatrix(text, source);
  return fullToCondensed(matrix.values, matrix.rows, matrix.columns, source, matrix.locate);
}

/**
 * Checks a full distance matrix and keeps its strict lower triangle. The
 * matrix must be square, its entries >= 0, its diagonal 0 and the matrix
 * symmetric, each up to {@link DISTANCE_TOLERANCE} times max(1, its largest
 * entry), so the rounding noise of a matrix computed in floating point is
 * accepted (the lower entry is kept, as Ripser does).
 *
 * @param values - Row-major n x n values.
 * @param locate - Where the entry (row, column) is, for messages.
 * @throws RangeError naming the first offending entry.
 */
export function fullToCondensed(
  values: Float64Array,
  rows: number,
  columns: number,
  source: string,
  locate: (row: number, column: number) => string,
): ParsedDistances {
  if (rows !== columns) {
    throw new RangeError(
      `${sourceName(source)}: a full distance matrix must be square; got ${rows} rows of ${columns} values`,
    );
  }
  const n = rows;
  let largest = 1;
  for (let k = 0; k < values.length; k += 1) {
    if (values[k]! > largest) largest = values[k]!;
  }
  const tolerance = DISTANCE_TOLERANCE * largest;
  for (let k = 0; k < values.length; k += 1) {
    const v = values[k]!;
    if (v < -tolerance) {
      const i = Math.floor(k / n);
      throw new RangeError(
        `${locate(i, k - i * n)}: negative distance ${v} at row ${i}, column ${k - i * n}; expected distances >= 0`,
      );
    }
  }
  const out = new Float64Array((n * (n - 1)) / 2);
  for (let i = 0; i < n; i += 1) {
    const diagonal = values[i * n + i]!;
    if (Math.abs(diagonal) > tolerance) {
      throw new RangeError(
        `${locate(i, i)}: diagonal entry ${diagonal} at row ${i}, column ${i}; expected 0 (the distance of a point to itself)`,
      );
    }
    for (let j = 0; j < i; j += 1) {
      const lower = values[i * n + j]!;
      const upper = values[j * n + i]!;
      if (Math.abs(lower - upper) > tolerance) {
        throw new RangeError(
          `${locate(j, i)}: asymmetric distance matrix: ${upper} at row ${j}, column ${i} but ${lower} ` +
            `at row ${i}, column ${j}; expected a symmetric matrix`,
        );
      }
      out[(i * (i - 1)) / 2 + j] = Math.max(lower, 0);
    }
  }
  return { kind: "distances", count: n, values: out };
}
