import { readFileSync } from "node:fs";
import {
  type DiagramOfDimension,
  diagramFromJSON,
  diagramFromRipserText,
  type PersistenceDiagram,
  requireBarcode,
} from "@nettopo/core";
import { IoError } from "../io-error.js";
import { UsageError } from "../usage-error.js";
import { isNpy, readNpy } from "./npy.js";
import { sourceName } from "./text-scanner.js";

/** The names `--diagram-format` accepts. */
export const DIAGRAM_FORMATS = ["json", "ripser", "npy", "csv"] as const;

/** One of {@link DIAGRAM_FORMATS}. */
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/** How {@link readDiagramFile} reads a file. */
export interface DiagramFileOptions {
  /** The format; default: guessed from the name and the first bytes. */
  readonly format?: DiagramFormat;
  /**
   * The homological dimension of the pairs of an array file (.npy, .csv, or a
   * JSON array of pairs), which holds one dimension. Default 0.
   */
  readonly arrayDim?: number;
}

/**
 * Reads a persistence diagram from a file in one of the forms nettopo and its
 * neighbours write:
 * - `json`: the output of `nettopo ph --format json`
 *   (`{"diagrams":[{"dim":0,"pairs":[[b,d|null],...]},...]}`), or a bare JSON
 *   array of `[birth, death]` pairs (death `null` for an essential class);
 * - `ripser`: Ripser's text output (or `nettopo ph --format text`);
 * - `npy`, `csv`: an n x 2 array of (birth, death) rows (`inf` or `Infinity`
 *   for an essential class; a CSV header row is skipped).
 * Array forms hold one dimension, placed at `arrayDim` (lower dimensions are
 * empty). The format is guessed from the extension (.json, .npy, .csv), then
 * from the content (`{` or `[` starts JSON, anything else is Ripser's text).
 *
 * @param path - The file (`-` for standard input).
 * @throws IoError when the file cannot be read; TypeError/RangeError naming
 *   the problem for bad content (deaths before births, NaN, wrong JSON shape).
 */
export function readDiagramFile(
  path: string,
  options: DiagramFileOptions = {},
): PersistenceDiagram {
  const source = path === "-" ? "<stdin>" : path;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path === "-" ? 0 : path);
  } catch (error) {
    throw new IoError("read", source, error);
  }
  const format = options.format ?? guessFormat(source, bytes);
  const dim = options.arrayDim ?? 0;
  const name = sourceName(source);
  if (format === "npy") return diagramOfArray(readPairsNpy(bytes, source), dim, name);
  const text = new TextDecoder().decode(bytes);
  if (format === "csv") return diagramOfArray(readPairsCsv(text, name), dim, name);
  if (format === "ripser") return withSource(name, () => diagramFromRipserText(text));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RangeError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(value)) return diagramOfArray(readPairsJson(value, name), dim, name);
  return withSource(name, () => diagramFromJSON(value));
}

function guessFormat(source: string, bytes: Uint8Array): DiagramFormat {
  const lower = source.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".npy") || isNpy(bytes)) return "npy";
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart()[0];
  return first === "{" || first === "[" ? "json" : "ripser";
}

/** Runs a core parser and prefixes its message with the file name. */
function withSource<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TypeError) throw new TypeError(`${name}: ${error.message}`);
    if (error instanceof RangeError) throw new RangeError(`${name}: ${error.message}`);
    throw error;
  }
}

interface Pairs {
  readonly births: Float64Array;
  readonly deaths: Float64Array;
}

function diagramOfArray(pairs: Pairs, dim: number, name: string): PersistenceDiagram {
  if (!Number.isSafeInteger(dim) || dim < 0) {
    throw new UsageError(`the dimension of ${name}'s pairs must be an integer >= 0; got ${dim}`);
  }
  withSource(name, () => requireBarcode("pairs", pairs));
  const dimensions: DiagramOfDimension[] = [];
  for (let k = 0; k < dim; k += 1) {
    dimensions.push({ dim: k, births: new Float64Array(0), deaths: new Float64Array(0) });
  }
  dimensions.push({ dim, births: pairs.births, deaths: pairs.deaths });
  return { dimensions };
}

function readPairsNpy(bytes: Uint8Array, source: string): Pairs {
  const matrix = readNpy(bytes, source, { allowInfinity: true, allowEmpty: true });
  if (matrix.columns !== 2) {
    throw new RangeError(
      `${sourceName(source)}: .npy array has ${matrix.columns} columns; expected 2 (birth, death)`,
    );
  }
  return splitColumns(matrix.values, matrix.rows);
}

function readPairsCsv(text: string, name: string): Pairs {
  const values: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index].trim();
    if (line === "") continue;
    const fields = line.split(/\s*[,\s]\s*/);
    if (values.length === 0 && fields.every((f) => Number.isNaN(parseNumber(f)))) continue;
    if (fields.length !== 2) {
      throw new RangeError(
        `${name}: line ${index + 1} has ${fields.length} values; expected 2 (birth, death)`,
      );
    }
    for (const field of fields) {
      const value = parseNumber(field);
      if (Number.isNaN(value)) {
        throw new RangeError(
          `${name}: line ${index + 1} has ${JSON.stringify(field)}; expected a number or inf`,
        );
      }
      values.push(value);
    }
  }
  return splitColumns(Float64Array.from(values), values.length / 2);
}

/** A CSV number: what `Number` reads, or inf/Infinity with an optional sign; NaN otherwise. */
function parseNumber(field: string): number {
  if (/^\+?(inf|infinity)$/i.test(field)) return Number.POSITIVE_INFINITY;
  if (/^-(inf|infinity)$/i.test(field)) return Number.NEGATIVE_INFINITY;
  if (field === "" || /^nan$/i.test(field)) return Number.NaN;
  return Number(field);
}

function readPairsJson(rows: unknown[], name: string): Pairs {
  const births = new Float64Array(rows.length);
  const deaths = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k += 1) {
    const row = rows[k];
    if (
      !Array.isArray(row) ||
      row.length !== 2 ||
      typeof row[0] !== "number" ||
      (typeof row[1] !== "number" && row[1] !== null)
    ) {
      throw new TypeError(
        `${name}: pair ${k} must be [birth, death] with numbers (death null if essential); got ${JSON.stringify(row)?.slice(0, 40)}`,
      );
    }
    births[k] = row[0];
    deaths[k] = row[1] === null ? Number.POSITIVE_INFINITY : row[1];
  }
  return { births, deaths };
}

function splitColumns(values: Float64Array, rows: number): Pairs {
  const births = new Float64Array(rows);
  const deaths = new Float64Array(rows);
  for (let r = 0; r < rows; r += 1) {
    births[r] = values[2 * r];
    deaths[r] = values[2 * r + 1];
  }
  return { births, deaths };
}
