import type { ParsedSparse } from "./parsed-input.js";
import { countTokens, quote, sourceName, TextScanner } from "./text-scanner.js";
import { changedWhileRead, type TextSource, textSource } from "./text-source.js";

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
 * @param input - The file's text, or its source (streamed).
 * @param source - Its name in messages.
 * @throws TypeError for a non-numeric token or a non-integer index;
 *   RangeError for NaN/Infinity, a negative distance, a line without exactly
 *   three values, an edge given twice with different values, or no lines.
 */
export function readSparse(input: TextSource | string, source: string): ParsedSparse {
  const text = typeof input === "string" ? textSource(input) : input;
  // At most one edge per three values: the arrays are allocated once.
  const capacity = Math.floor(countTokens(text) / 3);
  const lo = new Int32Array(capacity);
  const hi = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  const lines = new Int32Array(capacity);
  let m = 0;
  let field = 0;
  let line = 0;
  let lineStart = 0;
  let maxIndex = -1;
  let i = 0;
  let j = 0;
  let lastEnd = 0;
  let linesSeen = 0;
  const scanner = new TextScanner(text, source);
  const endLine = () => {
    if (field !== 0 && field < 3) {
      throw new RangeError(
        `${scanner.at(line, scanner.columnOf(lineStart, lastEnd))}: sparse line has ${field} value${field === 1 ? "" : "s"}; expected three: i j distance`,
      );
    }
    field = 0;
  };
  try {
    while (scanner.next()) {
      if (scanner.line !== line) {
        endLine();
        line = scanner.line;
        lineStart = scanner.textLineStart;
        linesSeen += 1;
      }
      if (field === 0 || field === 1) {
        const index = scanner.index();
        if (index < 0) {
          throw new TypeError(
            `${scanner.where()}: vertex index ${quote(scanner.token())} is not a non-negative integer; expected a line i j distance`,
          );
        }
        if (index > MAX_SPARSE_INDEX) {
          throw new RangeError(
            `${scanner.where()}: vertex index ${scanner.token()} is too large; expected at most ${MAX_SPARSE_INDEX}`,
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
          if (m >= capacity) throw changedWhileRead(source);
          lo[m] = Math.min(i, j);
          hi[m] = Math.max(i, j);
          values[m] = value;
          lines[m] = line;
          m += 1;
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
  } finally {
    scanner.close();
  }
  if (linesSeen === 0) {
    throw new RangeError(`${sourceName(source)}: no values found; expected lines i j distance`);
  }
  return deduplicate(
    lo.subarray(0, m),
    hi.subarray(0, m),
    values.subarray(0, m),
    lines,
    maxIndex + 1,
    source,
  );
}

/** One entry per undirected edge, sorted; the same edge twice must carry the same value. */
function deduplicate(
  lo: Int32Array,
  hi: Int32Array,
  values: Float64Array,
  lines: Int32Array,
  count: number,
  source: string,
): ParsedSparse {
  const m = lo.length;
  const order = new Uint32Array(m);
  for (let k = 0; k < m; k += 1) order[k] = k;
  order.sort((a, b) => lo[a]! - lo[b]! || hi[a]! - hi[b]! || a - b);
  const rows = new Int32Array(m);
  const cols = new Int32Array(m);
  const out = new Float64Array(m);
  let kept = 0;
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
    rows[kept] = hi[k]!;
    cols[kept] = lo[k]!;
    out[kept] = values[k]!;
    kept += 1;
  }
  return {
    kind: "sparse",
    count,
    rows: kept === m ? rows : rows.slice(0, kept),
    cols: kept === m ? cols : cols.slice(0, kept),
    values: kept === m ? out : out.slice(0, kept),
  };
}
