import { assertCondensedSize, MAX_CONDENSED_LENGTH, type Precision } from "@nettopo/core";
import { allocateDistances } from "./allocate-distances.js";
import { DISTANCE_TOLERANCE } from "./distance-tolerance.js";
import type { ParsedDistances } from "./parsed-input.js";
import { countTokens, sourceName, TextScanner } from "./text-scanner.js";
import { changedWhileRead, type TextSource, textSource } from "./text-source.js";
import { triangleSize } from "./triangle-size.js";

/** Options of the distance readers. */
export interface DistanceReaderOptions {
  /**
   * The precision of the result's values; default "float64". With "float32"
   * each value is parsed to the nearest double, then rounded to float32, as
   * nettopo always did (through the core's condensedFromLower). Ripser reads
   * float32 directly; the two differ only for a decimal so close to the
   * midpoint of two float32 neighbours that its nearest double is that
   * midpoint (astronomically rare in real data, and then by one float32 ulp).
   */
  readonly precision?: Precision;
}

/**
 * Reads Ripser's `lower-distance` text format: the strict lower triangle of a
 * distance matrix, row by row (d(1,0); d(2,0), d(2,1); ...). As in Ripser the
 * number of points comes from the count of values (n(n-1)/2 values for n
 * points), so line breaks do not matter: an empty first row and trailing
 * separators are fine. Values are separated by whitespace and commas.
 *
 * @param input - The file's text, or its source (streamed: counted, then read into the result).
 * @param source - Its name in messages.
 * @param options - The precision of the result (default "float64").
 * @throws TypeError for a non-numeric token; RangeError for NaN/Infinity, a
 *   negative distance, a count of values that is not n(n-1)/2, or no values.
 */
export function readLowerDistance(
  input: TextSource | string,
  source: string,
  options: DistanceReaderOptions = {},
): ParsedDistances {
  return readTriangle(input, source, "lower", options.precision ?? "float64");
}

/**
 * Reads a strict triangle of distances, `lower` (row by row) or `upper` (the
 * upper triangle row by row, stored as the lower triangle). Every value must
 * be finite, and not negative beyond the rounding tolerance of
 * {@link DISTANCE_TOLERANCE} times max(1, the largest value); such tiny
 * negatives become 0. The values go straight into the result, allocated at
 * its final size after a first pass counts them.
 */
export function readTriangle(
  input: TextSource | string,
  source: string,
  layout: "lower" | "upper",
  precision: Precision,
): ParsedDistances {
  const text = typeof input === "string" ? textSource(input) : input;
  const total = countTokens(text);
  const size = (1 + Math.sqrt(1 + 8 * total)) / 2;
  const points = Math.round(size);
  // Values are stored only when they can form a matrix; otherwise reading goes
  // on to report the first error in the order of the file, as before.
  const fits = (points * (points - 1)) / 2 === total && total <= MAX_CONDENSED_LENGTH;
  const values = allocateDistances(fits ? points : 0, precision);
  const scanner = new TextScanner(text, source);
  let k = 0;
  // The largest value (at least 1) and the smallest (at most 0), kept in a
  // typed array: as two variables updated in the loop, V8 allocated a heap
  // number for every value (16 MB of garbage for a million values, which
  // grew the young generation).
  const range = Float64Array.of(1, 0);
  try {
    // (i, j): the pair of the next value in upper order (i < j).
    let i = 0;
    let j = 1;
    while (scanner.next()) {
      const value = scanner.number();
      if (value > range[0]!) range[0] = value;
      if (value < range[1]!) range[1] = value;
      // Negatives are stored as 0: if one is beyond the tolerance, the reader throws below.
      const stored = Math.max(value, 0);
      if (layout === "lower") {
        values[k] = stored;
      } else {
        values[(j * (j - 1)) / 2 + i] = stored;
        j += 1;
        if (j >= points) {
          i += 1;
          j = i + 1;
        }
      }
      k += 1;
    }
  } finally {
    scanner.close();
  }
  if (k === 0) {
    throw new RangeError(`${sourceName(source)}: no values found; expected a distance matrix`);
  }
  const tolerance = DISTANCE_TOLERANCE * range[0]!;
  if (range[1]! < -tolerance) throw firstNegative(text, source, tolerance);
  const count = triangleSize(
    k,
    source,
    `${layout === "lower" ? "a lower" : "an upper"}-triangular distance matrix`,
  );
  assertCondensedSize(count, "condensedFromLower");
  if (k !== total) throw changedWhileRead(source);
  return { kind: "distances", count, values };
}

/** The error for the first value below `-tolerance`, found by reading again. */
function firstNegative(text: TextSource, source: string, tolerance: number): RangeError {
  const scanner = new TextScanner(text, source);
  try {
    while (scanner.next()) {
      const value = scanner.number();
      if (value < -tolerance) {
        return new RangeError(
          `${scanner.where()}: negative distance ${value}; expected distances >= 0`,
        );
      }
    }
    return new RangeError(`${sourceName(source)}: negative distance; expected distances >= 0`);
  } finally {
    scanner.close();
  }
}
