import { assertCondensedSize, MAX_CONDENSED_LENGTH, type Precision } from "@nettopo/core";
import { allocateDistances } from "./allocate-distances.js";
import { DISTANCE_TOLERANCE } from "./distance-tolerance.js";
import type { DistanceReaderOptions } from "./lower-distance.js";
import type { ParsedDistances } from "./parsed-input.js";
import { readTextMatrix, scanTextMatrix } from "./text-matrix.js";
import { countTokens, sourceName } from "./text-scanner.js";
import { changedWhileRead, type TextSource, textSource } from "./text-source.js";

/**
 * Reads Ripser's `distance` text format: the full n x n distance matrix, one
 * row per line, values separated by whitespace and commas.
 *
 * The lower triangle goes straight into the result (n(n-1)/2 values in the
 * requested precision, sized by a first pass that counts the values); each
 * upper entry waits in the slot of its mirror entry until that one is read
 * and compared with it, so the full matrix is never held. Only when an entry
 * may break a check (see {@link fullToCondensed}) is the matrix read again in
 * full, to name the first offending entry exactly as before.
 *
 * @param input - The file's text, or its source (streamed).
 * @param source - Its name in messages.
 * @param options - The precision of the result (default "float64").
 * @returns The lower triangle (the part Ripser reads).
 * @throws TypeError for a non-numeric token; RangeError for NaN/Infinity,
 *   ragged or non-square rows, a negative distance, a non-zero diagonal or an
 *   asymmetric matrix (see {@link fullToCondensed}).
 */
export function readFullDistance(
  input: TextSource | string,
  source: string,
  options: DistanceReaderOptions = {},
): ParsedDistances {
  const precision = options.precision ?? "float64";
  const text = typeof input === "string" ? textSource(input) : input;
  const total = countTokens(text);
  const root = Math.round(Math.sqrt(total));
  const n = root * root === total && (root * (root - 1)) / 2 <= MAX_CONDENSED_LENGTH ? root : 0;
  const out = allocateDistances(n, precision);
  // A float32 slot rounds the upper entry it holds by up to 2^-24 of it:
  // asymmetries are over-estimated by that much, so none is missed.
  const rounding = precision === "float32" ? 2 ** -23 : 0;
  // The largest value (at least 1), the smallest (at most 0), the largest
  // |diagonal entry| and asymmetry: in a typed array, since a double variable
  // that a closure updates is stored boxed, a heap number per update.
  const extremes = Float64Array.of(1, 0, 0, 0);
  let k = 0;
  const { rows, columns } = scanTextMatrix(text, source, 0, "row", (value, i, j) => {
    k += 1;
    if (value > extremes[0]!) extremes[0] = value;
    if (value < extremes[1]!) extremes[1] = value;
    if (i >= n || j >= n) return;
    if (j > i) {
      out[(j * (j - 1)) / 2 + i] = value;
    } else if (j < i) {
      const slot = (i * (i - 1)) / 2 + j;
      const upper = out[slot]!;
      const gap = Math.abs(value - upper) + rounding * Math.abs(upper);
      if (gap > extremes[3]!) extremes[3] = gap;
      out[slot] = Math.max(value, 0);
    } else if (Math.abs(value) > extremes[2]!) {
      extremes[2] = Math.abs(value);
    }
  });
  const [largest, smallest, diagonal, asymmetry] = extremes as unknown as [
    number,
    number,
    number,
    number,
  ];
  if (rows !== columns) throw notSquare(source, rows, columns);
  assertCondensedSize(rows, "condensedFromLower");
  if (k !== total || rows !== n) throw changedWhileRead(source);
  const tolerance = DISTANCE_TOLERANCE * largest;
  if (smallest < -tolerance || diagonal > tolerance || asymmetry > tolerance) {
    // Rare: read the full matrix and check it as before, for the exact message.
    const matrix = readTextMatrix(text, source);
    const checked = fullToCondensed(
      matrix.values,
      matrix.rows,
      matrix.columns,
      source,
      matrix.locate,
    );
    return { ...checked, values: inPrecision(checked.values, precision) };
  }
  return { kind: "distances", count: n, values: out };
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
 * @returns The lower triangle in float64.
 * @throws RangeError naming the first offending entry.
 */
export function fullToCondensed(
  values: Float64Array,
  rows: number,
  columns: number,
  source: string,
  locate: (row: number, column: number) => string,
): ParsedDistances & { readonly values: Float64Array } {
  if (rows !== columns) throw notSquare(source, rows, columns);
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

/** Float64 distances in the given precision (the same array for "float64"). */
export function inPrecision(
  values: Float64Array,
  precision: Precision,
): Float32Array | Float64Array {
  return precision === "float32" ? Float32Array.from(values) : values;
}

function notSquare(source: string, rows: number, columns: number): RangeError {
  return new RangeError(
    `${sourceName(source)}: a full distance matrix must be square; got ${rows} rows of ${columns} values`,
  );
}
