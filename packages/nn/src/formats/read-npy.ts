import type { Precision } from "@nettopo/core";
import { formatShape, optionalString, requireBytes, requireOptions } from "../validate.js";
import { convertNdArray } from "./convert-nd-array.js";
import { decodeElements } from "./element-codec.js";
import { fortranToC } from "./fortran-order.js";
import { DTYPE_BYTES, type NdArray } from "./nd-array.js";
import { parseNpyHeader } from "./npy-header.js";

/** Options of {@link readNpy}. */
export interface ReadNpyOptions {
  /**
   * Convert the values to `"float32"` or `"float64"` (see
   * {@link convertNdArray}); default: keep the dtype's own typed array.
   */
  readonly convertTo?: Precision;
  /** The file's name in error messages; default `"npy"`. */
  readonly source?: string;
}

/**
 * Reads a NumPy `.npy` file: any shape (including a 0-d scalar and empty
 * arrays), dtypes f2/f4/f8, i1/i2/i4/i8, u1/u2/u4/u8 and b1, little- or
 * big-endian, C or Fortran order, format versions 1.0, 2.0 and 3.0. The
 * result is always in C (row-major) order, in a new typed array that keeps
 * every value exactly (see {@link NdArray}); NaN and infinities are kept as
 * they are.
 *
 * @param bytes - The whole file.
 * @param options - See {@link ReadNpyOptions}.
 * @throws TypeError for bytes that are not .npy or an unsupported dtype
 *   (complex, strings, objects, structured); RangeError for a malformed
 *   header, a truncated file or extra bytes after the data, or a 64-bit
 *   integer beyond ±(2^53 - 1).
 * @see https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const { shape, dtype, data } = readNpy(readFileSync("activations.npy"));
 * ```
 */
export function readNpy(bytes: Uint8Array, options?: ReadNpyOptions): NdArray {
  const opts = requireOptions("readNpy: options", options);
  const where = optionalString("readNpy: options.source", opts.source, "npy");
  requireBytes("readNpy: bytes", bytes);
  const header = parseNpyHeader(bytes, where);
  let size = 1;
  for (const n of header.shape) size *= n;
  const needed = size * DTYPE_BYTES[header.dtype];
  const available = bytes.length - header.dataOffset;
  if (available !== needed) {
    const what =
      available < needed
        ? `truncated .npy file: shape ${formatShape(header.shape)} of ${header.descr} needs ${needed} bytes of data, found ${available}`
        : `.npy file has ${available - needed} bytes after the data of shape ${formatShape(header.shape)} of ${header.descr}`;
    throw new RangeError(`${where}: ${what}`);
  }
  let data = decodeElements(
    bytes.subarray(header.dataOffset),
    header.dtype,
    size,
    header.littleEndian,
    where,
  );
  if (header.fortranOrder) data = fortranToC(data, header.shape);
  const array: NdArray = { shape: [...header.shape], dtype: header.dtype, data };
  return opts.convertTo === undefined ? array : convertNdArray(array, opts.convertTo);
}
