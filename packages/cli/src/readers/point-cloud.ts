import type { ParsedMatrix } from "./parsed-input.js";
import { readTextMatrix } from "./text-matrix.js";
import type { TextSource } from "./text-source.js";

/**
 * Reads Ripser's `point-cloud` text format: one point per line, its
 * coordinates separated by whitespace and commas; blank lines are skipped and
 * a trailing separator is fine. Every point must have as many coordinates as
 * the first.
 *
 * @param input - The file's text, or its source (streamed).
 * @param source - Its name in messages.
 * @returns The points as a rows x columns matrix.
 * @throws TypeError for a non-numeric token; RangeError for NaN/Infinity,
 *   ragged rows or no points.
 */
export function readPointCloud(input: TextSource | string, source: string): ParsedMatrix {
  const { rows, columns, values } = readTextMatrix(input, source, { rowName: "point" });
  return { kind: "matrix", rows, columns, values };
}
