import { countTokens, sourceName, TextScanner } from "./text-scanner.js";
import { changedWhileRead, type TextSource, textSource } from "./text-source.js";

/** A matrix read from text, one row per non-empty line. */
export interface TextMatrix {
  readonly rows: number;
  readonly columns: number;
  /** Row-major values. */
  readonly values: Float64Array;
  /** `source:line:column` of the value at (row, column), for messages. */
  locate(row: number, column: number): string;
}

/** Options of {@link readTextMatrix}. */
export interface TextMatrixOptions {
  /** Skip a first row made only of non-numeric names (a CSV header); default false. */
  readonly header?: boolean;
  /** What the rows are, for messages ("point", "row"); default "row". */
  readonly rowName?: string;
}

/**
 * Reads a matrix written one row per line (Ripser's `point-cloud` and
 * `distance` formats, CSV): values separated by whitespace and commas, blank
 * lines skipped, every row as long as the first. The values are counted in a
 * first pass, so the result is allocated once at its final size.
 *
 * @param input - The text, or its source (read twice, and again for an error's location).
 * @param source - Its name in messages.
 * @throws TypeError for a non-numeric token; RangeError for NaN/Infinity, a
 *   row of another length than the first (ragged rows), or no rows.
 */
export function readTextMatrix(
  input: TextSource | string,
  source: string,
  options: TextMatrixOptions = {},
): TextMatrix {
  const text = typeof input === "string" ? textSource(input) : input;
  const headerLine = options.header ? findHeaderLine(text, source) : 0;
  const capacity = countTokens(text, headerLine);
  const values = new Float64Array(capacity);
  let k = 0;
  const { rows, columns } = scanTextMatrix(text, source, headerLine, options.rowName, (value) => {
    values[k] = value;
    k += 1;
  });
  if (k !== capacity) throw changedWhileRead(source);
  return {
    rows,
    columns,
    values,
    locate: (row, column) => locateEntry(text, source, headerLine, row, column),
  };
}

/**
 * Reads the rows of a text matrix and hands each value to `store` with its row
 * and column (from 0), checking what {@link readTextMatrix} checks.
 *
 * @param headerLine - A line to skip (the header's, from {@link findHeaderLine}), or 0.
 * @returns The shape.
 */
export function scanTextMatrix(
  text: TextSource,
  source: string,
  headerLine: number,
  rowName = "row",
  store: (value: number, row: number, column: number) => void,
): { rows: number; columns: number } {
  const scanner = new TextScanner(text, source);
  try {
    let rows = 0;
    let columns = -1;
    let inRow = 0;
    let rowLine = 0;
    let rowLineStart = 0;
    let firstRowLine = 0;
    let lastEnd = 0;
    const endRow = () => {
      if (inRow === 0) return;
      if (columns < 0) {
        columns = inRow;
      } else if (inRow < columns) {
        throw new RangeError(
          `${scanner.at(rowLine, scanner.columnOf(rowLineStart, lastEnd))}: ${rowName} ${rows} has ${inRow} ` +
            `value${inRow === 1 ? "" : "s"}; expected ${columns} like the first ${rowName} (line ${firstRowLine})`,
        );
      }
      inRow = 0;
    };
    while (scanner.next()) {
      if (scanner.line === headerLine) continue;
      if (scanner.line !== rowLine) {
        endRow();
        rowLine = scanner.line;
        rowLineStart = scanner.textLineStart;
        rows += 1;
        if (rows === 1) firstRowLine = rowLine;
      }
      const value = scanner.number();
      inRow += 1;
      if (columns >= 0 && inRow > columns) {
        throw new RangeError(
          `${scanner.where()}: ${rowName} ${rows} has more than ${columns} values; ` +
            `expected ${columns} like the first ${rowName} (line ${firstRowLine})`,
        );
      }
      store(value, rows - 1, inRow - 1);
      lastEnd = scanner.end;
    }
    endRow();
    if (rows === 0) {
      throw new RangeError(
        `${sourceName(source)}: no values found; expected one ${rowName} per line`,
      );
    }
    return { rows, columns };
  } finally {
    scanner.close();
  }
}

/**
 * The line of a header row: the first non-empty line when all its tokens are
 * names (neither numbers nor NaN/Infinity); 0 when there is none.
 */
export function findHeaderLine(text: TextSource, source: string): number {
  const scanner = new TextScanner(text, source);
  try {
    if (!scanner.next()) return 0;
    const line = scanner.line;
    do {
      if (scanner.line !== line) break;
      if (!scanner.isName()) return 0;
    } while (scanner.next());
    return line;
  } finally {
    scanner.close();
  }
}

/** `source:line:column` of the value at (row, column) of a text matrix, found by reading it again. */
export function locateEntry(
  text: TextSource,
  source: string,
  headerLine: number,
  row: number,
  column: number,
): string {
  const scanner = new TextScanner(text, source);
  try {
    let rowLine = 0;
    let r = -1;
    let k = 0;
    while (scanner.next()) {
      if (scanner.line === headerLine) continue;
      if (scanner.line !== rowLine) {
        rowLine = scanner.line;
        r += 1;
        k = 0;
      }
      if (r > row) break;
      if (r === row) {
        if (k === column) return scanner.where();
        k += 1;
      }
    }
    return scanner.at(rowLine, 1);
  } finally {
    scanner.close();
  }
}
