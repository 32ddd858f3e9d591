import { readDistanceValues } from "./lower-distance.js";
import type { ParsedDistances } from "./parsed-input.js";
import { triangleSize } from "./triangle-size.js";

/**
 * Reads Ripser's `upper-distance` text format: the strict upper triangle of a
 * distance matrix, row by row (d(0,1), d(0,2), ..., d(0,n-1); d(1,2), ...), as
 * MATLAB's `pdist` and SciPy's condensed form write it. The number of points
 * comes from the count of values; separators are whitespace and commas.
 *
 * @param text - The file's text.
 * @param source - Its name in messages.
 * @returns The distances re-ordered as a lower triangle.
 * @throws TypeError / RangeError as {@link readLowerDistance}.
 */
export function readUpperDistance(text: string, source: string): ParsedDistances {
  const upper = readDistanceValues(text, source);
  const count = triangleSize(upper.length, source, "an upper-triangular distance matrix");
  const values = new Float64Array(upper.length);
  let k = 0;
  for (let i = 0; i < count; i += 1) {
    for (let j = i + 1; j < count; j += 1) {
      values[(j * (j - 1)) / 2 + i] = upper[k]!;
      k += 1;
    }
  }
  return { kind: "distances", count, values };
}
