import type { ParsedSparse } from "./parsed-input.js";
import { quote, sourceName, TextScanner } from "./text-scanner.js";

/** The largest vertex index a sparse file may use (indices are stored as int32). */
export const MAX_SPARSE_INDEX = 2 ** 31 - 2;

/**
 * Reads Ripser's `sparse` text format: one edge per line, `i j value` (vertex
 * indices from 0, then the distance), separated by whitespace or commas; blank
 * lines are skipped. The number of points is the largest index + 1; pairs not
 * listed are at infinite distance. An edge may appear in both orientations if
 * the values agree. A line `i i 0` is allowed and ignored (vertices are born at
 * 0); `i i v` with v != 0 is refused.
 *
 * @param text - The file's text.
 * @param source - Its name in messages.
 * @throws TypeError for a non-numeric token or a non-integer index;
 *   RangeError for NaN/Infinity, a negative distance, a line without exactly
 *   three values, an edge given twice with different values, or no lines.
 */
export function readSparse(text: string, source: string): ParsedSparse {
  const scanner = new TextScanner(text, source);
  const is: number[] = [];
  const js: number[] = [];
  const values: number[] = [];
  const lines: number[] = [];
  let field = 0;
  let line = 0;
  let maxIndex = -1;
  let i = 0;
  let j = 0;
  let lastEnd = 0;
  let linesSeen = 0;
  const endLine = () => {
    if (field !== 0 && field < 3) {
      const lineStart = text.lastIndexOf("\n", lastEnd - 1) + 1;
      throw new RangeError(
        `${scanner.at(line, lastEnd - lineStart + 1)}: sparse line has ${field} value${field === 1 ? "" : "s"}; expected three: i j distance`,
      );
    }
    field = 0;
  };
  while (scanner.next()) {
    if (scanner.line !== line) {
      endLine();
      line = scanner.line;
      linesSeen += 1;
    }
    if (field === 0 || field === 1) {
      const token = scanner.token();
      if (!/^\+?\d+$/.test(token)) {
        throw new TypeError(
          `${scanner.where()}: vertex index ${quote(token)} is not a non-negative integer; expected a line i j distance`,
        );
      }
      const index = Number(token);
      if (index > MAX_SPARSE_INDEX) {
        throw new RangeError(
          `${scanner.where()}: vertex index ${token} is too large; expected at most ${MAX_SPARSE_INDEX}`,
        );
      }
      if (field === 0) i = index;
      else j = index;
    } else if (field === 2) {
      const value = scanner.number();
      if (value < 0) {
        throw new RangeError(
          `${scanner.where()}: negative distance ${scanner.token()}; expected distances >= 0`,
        );
      }
      if (i === j) {
        if (value !== 0) {
          throw new RangeError(
            `${scanner.where()}: diagonal entry ${i} ${j} has value ${scanner.token()}; expected 0 (vertices are born at 0) or no line`,
          );
        }
      } else {
        is.push(i);
        js.push(j);
        values.push(value);
        lines.push(line);
      }
      if (i > maxIndex) maxIndex = i;
      if (j > maxIndex) maxIndex = j;
    } else {
      throw new RangeError(
        `${scanner.where()}: extra value ${quote(scanner.token())}; expected three values per line: i j distance`,
      );
    }
    field += 1;
    lastEnd = scanner.end;
  }
  endLine();
  if (linesSeen === 0) {
    throw new RangeError(`${sourceName(source)}: no values found; expected lines i j distance`);
  }
  return deduplicate(is, js, values, lines, maxIndex + 1, source);
}

/** One entry per undirected edge; the same edge twice must carry the same value. */
function deduplicate(
  is: number[],
  js: number[],
  values: number[],
  lines: number[],
  count: number,
  source: string,
): ParsedSparse {
  const m = is.length;
  const order = new Uint32Array(m);
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  for (let k = 0; k < m; k += 1) {
    order[k] = k;
    lo[k] = Math.min(is[k]!, js[k]!);
    hi[k] = Math.max(is[k]!, js[k]!);
  }
  order.sort((a, b) => lo[a]! - lo[b]! || hi[a]! - hi[b]! || a - b);
  const rows: number[] = [];
  const cols: number[] = [];
  const out: number[] = [];
  for (let t = 0; t < m; t += 1) {
    const k = order[t]!;
    if (t > 0) {
      const previous = order[t - 1]!;
      if (lo[previous] === lo[k] && hi[previous] === hi[k]) {
        if (values[previous] !== values[k]) {
          throw new RangeError(
            `${sourceName(source)}:${lines[k]}: edge ${lo[k]} ${hi[k]} has distance ${values[k]} but ` +
              `${values[previous]} on line ${lines[previous]}; expected one distance per pair`,
          );
        }
        continue;
      }
    }
    rows.push(hi[k]!);
    cols.push(lo[k]!);
    out.push(values[k]!);
  }
  return {
    kind: "sparse",
    count,
    rows: Int32Array.from(rows),
    cols: Int32Array.from(cols),
    values: Float64Array.from(out),
  };
}
