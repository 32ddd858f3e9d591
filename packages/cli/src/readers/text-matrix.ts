import { sourceName, TextScanner } from "./text-scanner.js";

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
 * lines skipped, every row as long as the first.
 *
 * @throws TypeError for a non-numeric token; RangeError for NaN/Infinity, a
 *   row of another length than the first (ragged rows), or no rows.
 */
export function readTextMatrix(
  text: string,
  source: string,
  options: TextMatrixOptions = {},
): TextMatrix {
  const rowName = options.rowName ?? "row";
  const headerLine = options.header ? findHeaderLine(text, source) : 0;
  const scanner = new TextScanner(text, source);
  const values: number[] = [];
  const rowLines: number[] = [];
  let columns = -1;
  let inRow = 0;
  let rowLine = 0;
  let lastEnd = 0;
  const endRow = () => {
    if (inRow === 0) return;
    if (columns < 0) {
      columns = inRow;
    } else if (inRow < columns) {
      const lineStart = text.lastIndexOf("\n", lastEnd - 1) + 1;
      throw new RangeError(
        `${scanner.at(rowLine, lastEnd - lineStart + 1)}: ${rowName} ${rowLines.length} has ${inRow} ` +
          `value${inRow === 1 ? "" : "s"}; expected ${columns} like the first ${rowName} (line ${rowLines[0]})`,
      );
    }
    inRow = 0;
  };
  while (scanner.next()) {
    if (scanner.line === headerLine) continue;
    if (scanner.line !== rowLine) {
      endRow();
      rowLine = scanner.line;
      rowLines.push(rowLine);
    }
    const value = scanner.number();
    inRow += 1;
    if (columns >= 0 && inRow > columns) {
      throw new RangeError(
        `${scanner.where()}: ${rowName} ${rowLines.length} has more than ${columns} values; ` +
          `expected ${columns} like the first ${rowName} (line ${rowLines[0]})`,
      );
    }
    values.push(value);
    lastEnd = scanner.end;
  }
  endRow();
  if (rowLines.length === 0) {
    throw new RangeError(
      `${sourceName(source)}: no values found; expected one ${rowName} per line`,
    );
  }
  return {
    rows: rowLines.length,
    columns,
    values: Float64Array.from(values),
    locate(row: number, column: number): string {
      const again = new TextScanner(text, source);
      const line = rowLines[row]!;
      let k = 0;
      while (again.next()) {
        if (again.line < line) continue;
        if (k === column) return again.where();
        k += 1;
      }
      return again.at(line, 1);
    },
  };
}

/**
 * The line of a header row: the first non-empty line when all its tokens are
 * names (neither numbers nor NaN/Infinity); 0 when there is none.
 */
function findHeaderLine(text: string, source: string): number {
  const scanner = new TextScanner(text, source);
  if (!scanner.next()) return 0;
  const line = scanner.line;
  do {
    if (scanner.line !== line) break;
    if (!scanner.isName()) return 0;
  } while (scanner.next());
  return line;
}
