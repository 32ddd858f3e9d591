import type { ParsedMatrix } from "./parsed-input.js";
import { readTextMatrix } from "./text-matrix.js";

/**
 * Reads Ripser's `point-cloud` text format: one point per line, its
 * coordinates separated by whitespace and commas; blank lines are skipped and
 * a trailing separator is fine. Every point must have as many coordinates as
 * the first.
 *
 * @param text - The file's text.
 * @param source - Its name in messages.
 * @returns The points as a rows x columns matrix.
 * @throws TypeError for a non-numeric token; RangeError for NaN/Infinity,
 *   ragged rows or no points.
 */
export function readPointCloud(text: string, source: string): ParsedMatrix {
  const { rows, columns, values } = readTextMatrix(text, source, { rowName: "point" });
  return { kind: "matrix", rows, columns, values };
}
