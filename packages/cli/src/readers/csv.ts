import type { ParsedMatrix } from "./parsed-input.js";
import { readTextMatrix } from "./text-matrix.js";
import type { TextSource } from "./text-source.js";

/**
 * Reads a CSV matrix of numbers (a point cloud, or samples x neurons): one row
 * per line, values separated by commas (whitespace also separates). A first
 * row made only of names (e.g. `x,y,z`) is a header and is skipped. Quoted
 * fields and empty fields are not supported.
 *
 * @param input - The file's text, or its source (streamed).
 * @param source - Its name in messages.
 * @throws TypeError for a non-numeric value outside the header; RangeError for
 *   NaN/Infinity, an empty field, ragged rows or no rows.
 */
export function readCsv(input: TextSource | string, source: string): ParsedMatrix {
  const { rows, columns, values } = readTextMatrix(input, source, { header: true });
  return { kind: "matrix", rows, columns, values };
}
