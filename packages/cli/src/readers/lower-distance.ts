import { DISTANCE_TOLERANCE } from "./distance-tolerance.js";
import type { ParsedDistances } from "./parsed-input.js";
import { locateToken, sourceName, TextScanner } from "./text-scanner.js";
import { triangleSize } from "./triangle-size.js";

/**
 * Reads Ripser's `lower-distance` text format: the strict lower triangle of a
 * distance matrix, row by row (d(1,0); d(2,0), d(2,1); ...). As in Ripser the
 * number of points comes from the count of values (n(n-1)/2 values for n
 * points), so line breaks do not matter: an empty first row and trailing
 * separators are fine. Values are separated by whitespace and commas.
 *
 * @param text - The file's text.
 * @param source - Its name in messages.
 * @throws TypeError for a non-numeric token; RangeError for NaN/Infinity, a
 *   negative distance, a count of values that is not n(n-1)/2, or no values.
 */
export function readLowerDistance(text: string, source: string): ParsedDistances {
  const values = readDistanceValues(text, source);
  const count = triangleSize(values.length, source, "a lower-triangular distance matrix");
  return { kind: "distances", count, values: Float64Array.from(values) };
}

/**
 * Reads every value as a distance, in order: finite, and not negative beyond
 * the rounding tolerance of {@link DISTANCE_TOLERANCE} times max(1, the
 * largest value); such tiny negatives become 0.
 */
export function readDistanceValues(text: string, source: string): number[] {
  const scanner = new TextScanner(text, source);
  const values: number[] = [];
  let largest = 1;
  let smallest = 0;
  while (scanner.next()) {
    const value = scanner.number();
    if (value > largest) largest = value;
    if (value < smallest) smallest = value;
    values.push(value);
  }
  if (values.length === 0) {
    throw new RangeError(`${sourceName(source)}: no values found; expected a distance matrix`);
  }
  const tolerance = DISTANCE_TOLERANCE * largest;
  if (smallest < -tolerance) {
    const k = values.findIndex((v) => v < -tolerance);
    throw new RangeError(
      `${locateToken(text, source, k)}: negative distance ${values[k]}; expected distances >= 0`,
    );
  }
  if (smallest < 0) {
    for (let k = 0; k < values.length; k += 1) if (values[k]! < 0) values[k] = 0;
  }
  return values;
}
