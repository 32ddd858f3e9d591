import { UsageError } from "../usage-error.js";
import { readCsv } from "./csv.js";
import { fullToCondensed, readFullDistance } from "./full-distance.js";
import { readLowerDistance } from "./lower-distance.js";
import { isNpy, readNpy } from "./npy.js";
import type { ParsedInput } from "./parsed-input.js";
import { readPointCloud } from "./point-cloud.js";
import { readSparse } from "./sparse.js";
import { sourceName } from "./text-scanner.js";
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
 * Reads an input file in the given format, or in the format guessed from it:
 * a file starting with the .npy magic is a .npy point cloud (an n x n distance
 * matrix with `distance`); other files are text: `.csv` files are CSV point
 * clouds, everything else Ripser's default `lower-distance`.
 *
 * @param bytes - The file's content.
 * @param source - Its name (path or `<stdin>`), for the guess and messages.
 * @param format - The `--input` override, if any.
 * @throws UsageError for a format that cannot apply to the file; TypeError /
 *   RangeError from the readers for bad data.
 */
export function readInput(
  bytes: Uint8Array,
  source: string,
  format: InputFormat | undefined,
): ParsedInput {
  if (isNpy(bytes)) {
    if (format === undefined || format === "npy" || format === "point-cloud") {
      return readNpy(bytes, source);
    }
    if (format === "distance") {
      const matrix = readNpy(bytes, source);
      const name = sourceName(source);
      return fullToCondensed(
        matrix.values,
        matrix.rows,
        matrix.columns,
        source,
        (r, c) => `${name}[${r},${c}]`,
      );
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
  const text = new TextDecoder("utf-8").decode(bytes);
  switch (resolved) {
    case "lower-distance":
      return readLowerDistance(text, source);
    case "upper-distance":
      return readUpperDistance(text, source);
    case "distance":
      return readFullDistance(text, source);
    case "point-cloud":
      return readPointCloud(text, source);
    case "sparse":
      return readSparse(text, source);
    case "csv":
      return readCsv(text, source);
  }
}
