import type { DistanceReaderOptions } from "./lower-distance.js";
import { readTriangle } from "./lower-distance.js";
import type { ParsedDistances } from "./parsed-input.js";
import type { TextSource } from "./text-source.js";

/**
 * Reads Ripser's `upper-distance` text format: the strict upper triangle of a
 * distance matrix, row by row (d(0,1), d(0,2), ..., d(0,n-1); d(1,2), ...), as
 * MATLAB's `pdist` and SciPy's condensed form write it. The number of points
 * comes from the count of values; separators are whitespace and commas.
 *
 * @param input - The file's text, or its source (streamed).
 * @param source - Its name in messages.
 * @param options - The precision of the result (default "float64").
 * @returns The distances re-ordered as a lower triangle (each value is stored
 *   at its place as it is read).
 * @throws TypeError / RangeError as {@link readLowerDistance}.
 */
export function readUpperDistance(
  input: TextSource | string,
  source: string,
  options: DistanceReaderOptions = {},
): ParsedDistances {
  return readTriangle(input, source, "upper", options.precision ?? "float64");
}
