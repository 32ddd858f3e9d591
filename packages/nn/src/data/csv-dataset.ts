import { describe, optionalString, requireOptions } from "../validate.js";
import { createDataset, type Dataset } from "./dataset.js";

/** Options of {@link csvDataset}. */
export interface CsvDatasetOptions {
  /** The data set's name (and the source in messages); default `"csv"`. */
  readonly name?: string;
  /**
   * Whether the first row is a header of column names; default: detected (a
   * header when some field of the first row is not a number).
   */
  readonly header?: boolean;
  /**
   * The label column, by header name or by 0-based index (negative counts
   * from the end: -1 is the last column); default none (every column is an
   * input).
   */
  readonly labelColumn?: string | number;
  /** The field separator, one character; default `","`. */
  readonly delimiter?: string;
}

/**
 * A {@link Dataset} from CSV text: one sample per row, numeric input
 * columns, an optional header row and an optional label column. Samples have
 * shape `[inputColumns]`. Fields may be quoted (`"..."`, with `""` for a
 * quote) but not span lines; blank lines and lines starting with `#` are
 * skipped. Labels that are all non-negative integers are used as class
 * indices; otherwise (negative numbers or text) the distinct values, sorted
 * (numerically when all are numbers), become the class names and each label
 * is the index of its value.
 *
 * @param input - The CSV text, or its UTF-8 bytes.
 * @param options - See {@link CsvDatasetOptions}.
 * @throws TypeError for a non-numeric input field; RangeError for NaN or an
 *   infinity, an empty field, a row with another number of fields, an
 *   unknown label column, or no rows.
 * @example
 * ```ts
 * const iris = csvDataset("a,b,species\n5.1,3.5,setosa\n7.0,3.2,versicolor\n", { labelColumn: "species" });
 * iris.classNames; // ["setosa", "versicolor"]
 * ```
 */
export function csvDataset(input: string | Uint8Array, options?: CsvDatasetOptions): Dataset {
  const opts = requireOptions("csvDataset: options", options);
  const name = optionalString("csvDataset: options.name", opts.name, "csv");
  const delimiter = optionalString("csvDataset: options.delimiter", opts.delimiter, ",");
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new RangeError(
      `csvDataset: options.delimiter must be one character other than a quote or newline; got ${describe(delimiter)}`,
    );
  }
  let text: string;
  if (typeof input === "string") text = input;
  else if (input instanceof Uint8Array) text = new TextDecoder("utf-8").decode(input);
  else
    throw new TypeError(`csvDataset: input must be CSV text or its bytes; got ${describe(input)}`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const rows: { line: number; fields: string[] }[] = [];
  text.split(/\r?\n|\r/).forEach((line, k) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    rows.push({ line: k + 1, fields: splitFields(line, delimiter, `${name}: line ${k + 1}`) });
  });
  if (rows.length === 0) throw new RangeError(`csvDataset: ${name} has no rows`);
  const first = rows[0]!.fields;
  const hasHeader =
    opts.header === undefined ? first.some((f) => !isNumber(f)) : requireBoolean(opts.header);
  const columns = hasHeader ? first.map((f) => f.trim()) : undefined;
  const body = hasHeader ? rows.slice(1) : rows;
  const width = first.length;

  let labelIndex = -1;
  if (opts.labelColumn !== undefined) {
    const column = opts.labelColumn;
    if (typeof column === "string") {
      if (columns === undefined) {
        throw new RangeError(
          `csvDataset: labelColumn ${JSON.stringify(column)} needs a header row; ${name} has none`,
        );
      }
      labelIndex = columns.indexOf(column);
      if (labelIndex < 0) {
        throw new RangeError(
          `csvDataset: ${name} has no column ${JSON.stringify(column)}; its columns are ${columns.map((c) => JSON.stringify(c)).join(", ")}`,
        );
      }
    } else if (
      typeof column === "number" &&
      Number.isInteger(column) &&
      column >= -width &&
      column < width
    ) {
      labelIndex = column < 0 ? width + column : column;
    } else {
      throw new RangeError(
        `csvDataset: labelColumn must be a column name or an index in [${-width}, ${width - 1}]; got ${describe(column)}`,
      );
    }
  }
  const inputWidth = labelIndex < 0 ? width : width - 1;
  if (inputWidth === 0)
    throw new RangeError(`csvDataset: ${name} has no input columns besides the label`);
  const inputs = new Float32Array(body.length * inputWidth);
  const labelTexts: string[] = [];
  body.forEach(({ line, fields }, r) => {
    if (fields.length !== width) {
      throw new RangeError(
        `csvDataset: ${name} line ${line} has ${fields.length} fields; the ${hasHeader ? "header" : "first row"} has ${width}`,
      );
    }
    let c = 0;
    fields.forEach((field, k) => {
      if (k === labelIndex) {
        const label = field.trim();
        if (label === "")
          throw new RangeError(`csvDataset: ${name} line ${line}: the label field is empty`);
        labelTexts.push(label);
        return;
      }
      inputs[r * inputWidth + c] = parseNumber(
        field,
        `csvDataset: ${name} line ${line}, column ${columns?.[k] === undefined ? k + 1 : JSON.stringify(columns[k])}`,
      );
      c += 1;
    });
  });

  let labels: Int32Array | undefined;
  let classNames: string[] | undefined;
  if (labelIndex >= 0) {
    const asIndices = labelTexts.every((t) => /^\+?\d+$/.test(t) && Number(t) <= 2147483647);
    if (asIndices) {
      labels = Int32Array.from(labelTexts, Number);
    } else {
      const distinct = [...new Set(labelTexts)];
      const numeric = distinct.every(isNumber);
      distinct.sort(
        numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
      );
      const index = new Map(distinct.map((t, k) => [t, k]));
      labels = Int32Array.from(labelTexts, (t) => index.get(t)!);
      classNames = distinct;
    }
  }
  return createDataset({
    name,
    sampleShape: [inputWidth],
    inputs,
    ...(labels === undefined ? {} : { labels }),
    ...(classNames === undefined ? {} : { classNames }),
  });
}

function requireBoolean(value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(`csvDataset: options.header must be true or false; got ${describe(value)}`);
  }
  return value;
}

/** Whether a field is a decimal number (what `parseNumber` accepts, NaN/Infinity included). */
function isNumber(field: string): boolean {
  const t = field.trim();
  return (
    t !== "" && (!Number.isNaN(Number(t)) || /^[+-]?nan$/i.test(t) || /^[+-]?inf(inity)?$/i.test(t))
  );
}

function parseNumber(field: string, where: string): number {
  const t = field.trim();
  if (t === "") throw new RangeError(`${where} is empty; expected a number`);
  const v = Number(t);
  if (Number.isFinite(v)) return v;
  if (Number.isNaN(v) && !/^[+-]?nan$/i.test(t) && !/^[+-]?inf(inity)?$/i.test(t)) {
    throw new TypeError(`${where} is ${describe(t)}; expected a number`);
  }
  throw new RangeError(`${where} is ${t}; expected a finite number`);
}

/** Splits one CSV line into fields, honouring double quotes. */
function splitFields(line: string, delimiter: string, where: string): string[] {
  const fields: string[] = [];
  let p = 0;
  for (;;) {
    let start = p;
    while (line[start] === " ") start += 1;
    if (line[start] === '"') {
      p = start + 1;
      let value = "";
      for (;;) {
        const q = line.indexOf('"', p);
        if (q < 0) throw new RangeError(`csvDataset: ${where}: unterminated quoted field`);
        value += line.slice(p, q);
        if (line[q + 1] === '"') {
          value += '"';
          p = q + 2;
        } else {
          p = q + 1;
          break;
        }
      }
      while (p < line.length && line[p] !== delimiter && /\s/.test(line[p]!)) p += 1;
      if (p < line.length && line[p] !== delimiter) {
        throw new RangeError(`csvDataset: ${where}: text after a quoted field`);
      }
      fields.push(value);
    } else {
      const q = line.indexOf(delimiter, p);
      fields.push(q < 0 ? line.slice(p) : line.slice(p, q));
      p = q < 0 ? line.length : q;
    }
    if (p >= line.length) break;
    p += 1; // the delimiter
    if (p === line.length) {
      fields.push("");
      break;
    }
  }
  return fields;
}
