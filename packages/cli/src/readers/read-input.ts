import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import type { Precision } from "@nettopo/core";
import { IoError } from "../io-error.js";
import { UsageError } from "../usage-error.js";
import { readCsv } from "./csv.js";
import { fullToCondensed, inPrecision, readFullDistance } from "./full-distance.js";
import { readLowerDistance } from "./lower-distance.js";
import { isNpy, MAGIC_LENGTH, readNpy } from "./npy.js";
import type { ParsedInput } from "./parsed-input.js";
import { readPointCloud } from "./point-cloud.js";
import { readSparse } from "./sparse.js";
import { sourceName } from "./text-scanner.js";
import { bytesSource, fileSource } from "./text-source.js";
import { readUpperDistance } from "./upper-distance.js";

/** The names `--input` accepts. */
export const INPUT_FORMATS = [
  "lower-distance",
  "upper-distance",
  "distance",
  "point-cloud",
  "sparse",
  "npy",
  "csv",
] as const;

/** One of {@link INPUT_FORMATS}. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/**
 * What {@link readInput} reads: bytes in memory (as one array, or the chunks
 * standard input came in), or a file streamed from disk.
 */
export type InputData = Uint8Array | readonly Uint8Array[] | { readonly path: string };

/**
 * Reads an input file in the given format, or in the format guessed from it:
 * a file starting with the .npy magic is a .npy point cloud (an n x n distance
 * matrix with `distance`); other files are text: `.csv` files are CSV point
 * clouds, everything else Ripser's default `lower-distance`.
 *
 * A regular text file is streamed in chunks (never held whole) and its values
 * go straight into the result; a .npy file, a pipe or a device is read whole.
 *
 * @param input - The bytes, or the path of a file.
 * @param source - Its name (path or `<stdin>`), for the guess and messages.
 * @param format - The `--input` override, if any.
 * @param precision - The precision of distance matrices (default "float64").
 * @throws UsageError for a format that cannot apply to the file; TypeError /
 *   RangeError from the readers for bad data; IoError when the file cannot be read.
 */
export function readInput(
  input: InputData,
  source: string,
  format: InputFormat | undefined,
  precision: Precision = "float64",
): ParsedInput {
  // A pipe or device given as a path (e.g. `<(zcat x.gz)`) cannot be read twice: read it whole.
  const data = "path" in input && !isRegularFile(input.path) ? readWhole(input.path) : input;
  const inMemory = !("path" in data);
  if (isNpy(inMemory ? head(data, MAGIC_LENGTH) : readHead(data.path, MAGIC_LENGTH))) {
    const bytes = inMemory ? concatenate(data) : readWhole(data.path);
    if (format === undefined || format === "npy" || format === "point-cloud") {
      return readNpy(bytes, source);
    }
    if (format === "distance") {
      const matrix = readNpy(bytes, source);
      const name = sourceName(source);
      const lower = fullToCondensed(
        matrix.values,
        matrix.rows,
        matrix.columns,
        source,
        (r, c) => `${name}[${r},${c}]`,
      );
      return { ...lower, values: inPrecision(lower.values, precision) };
    }
    throw new UsageError(
      `--input ${format} cannot read ${sourceName(source)}, a .npy file; expected --input npy / point-cloud (n x d points) or distance (n x n)`,
    );
  }
  const resolved = format ?? (/\.csv$/i.test(source) ? "csv" : "lower-distance");
  if (resolved === "npy") {
    throw new TypeError(
      `${sourceName(source)}: not a .npy file (it does not start with \\x93NUMPY); expected a NumPy .npy file with --input npy`,
    );
  }
  const text = inMemory ? bytesSource(data) : fileSource(data.path);
  switch (resolved) {
    case "lower-distance":
      return readLowerDistance(text, source, { precision });
    case "upper-distance":
      return readUpperDistance(text, source, { precision });
    case "distance":
      return readFullDistance(text, source, { precision });
    case "point-cloud":
      return readPointCloud(text, source);
    case "sparse":
      return readSparse(text, source);
    case "csv":
      return readCsv(text, source);
  }
}

/** The first `length` bytes in memory (fewer if there are fewer). */
function head(data: Uint8Array | readonly Uint8Array[], length: number): Uint8Array {
  if (data instanceof Uint8Array) return data.subarray(0, length);
  return concatenate(data, length);
}

/** The chunks as one array (the first `limit` bytes only, if given); one chunk is returned as it is. */
function concatenate(
  data: Uint8Array | readonly Uint8Array[],
  limit = Number.POSITIVE_INFINITY,
): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data.length === 1 && data[0]!.length <= limit) return data[0]!;
  let length = 0;
  for (const chunk of data) length += chunk.length;
  const bytes = new Uint8Array(Math.min(length, limit));
  let offset = 0;
  for (const chunk of data) {
    if (offset >= bytes.length) break;
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** The first `length` bytes of a file (fewer if it is shorter). */
function readHead(path: string, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    let filled = 0;
    while (filled < length) {
      const read = readSync(fd, bytes, filled, length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    throw new IoError("read", path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch (error) {
    throw new IoError("read", path, error);
  }
}

function readWhole(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new IoError("read", path, error);
  }
}
