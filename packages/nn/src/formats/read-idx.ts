import type { Precision } from "@nettopo/core";
import { formatShape, optionalString, requireBytes, requireOptions } from "../validate.js";
import { convertNdArray } from "./convert-nd-array.js";
import { decodeElements } from "./element-codec.js";
import { gunzip, isGzip } from "./gunzip.js";
import { IDX_TYPES } from "./idx-type.js";
import { DTYPE_BYTES, type NdArray } from "./nd-array.js";

/** Options of {@link readIdx}. */
export interface ReadIdxOptions {
  /** Convert the values to `"float32"` or `"float64"`; default: keep the dtype's own typed array. */
  readonly convertTo?: Precision;
  /** The file's name in error messages; default `"idx"`. */
  readonly source?: string;
}

/**
 * Reads an IDX file, the format of MNIST and Fashion-MNIST, gzip-compressed
 * (`.gz`, recognised by its magic) or not: the magic `00 00 TYPE NDIMS`
 * (TYPE 0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E
 * float64), NDIMS big-endian 32-bit sizes, then the big-endian data in C
 * order. The values keep their type (uint8 pixels stay a Uint8Array; see
 * {@link idxDataset} for the float32 data set).
 *
 * @param bytes - The whole file, compressed or not.
 * @param options - See {@link ReadIdxOptions}.
 * @throws TypeError for bytes that are not IDX or an unknown type code;
 *   RangeError for a truncated or corrupt file (gzip CRC included) or bytes
 *   after the data.
 * @see http://yann.lecun.com/exdb/mnist/ ("THE IDX FILE FORMAT")
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const images = readIdx(readFileSync("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"));
 * images.shape; // [10000, 28, 28]
 * ```
 */
export function readIdx(bytes: Uint8Array, options?: ReadIdxOptions): NdArray {
  const opts = requireOptions("readIdx: options", options);
  const where = optionalString("readIdx: options.source", opts.source, "idx");
  requireBytes("readIdx: bytes", bytes);
  const raw = isGzip(bytes) ? gunzip(bytes, where) : bytes;
  if (raw.length < 4 || raw[0] !== 0 || raw[1] !== 0) {
    if (raw.length < 4 && raw.every((b) => b === 0)) {
      throw new RangeError(
        `${where}: truncated IDX file: ${raw.length} bytes, shorter than the magic number`,
      );
    }
    throw new TypeError(`${where}: not an IDX file (the magic number does not start with 00 00)`);
  }
  const dtype = IDX_TYPES.get(raw[2]!);
  if (dtype === undefined) {
    throw new TypeError(
      `${where}: IDX type code 0x${raw[2]!.toString(16).padStart(2, "0")} is unknown; expected 08, 09, 0B, 0C, 0D or 0E`,
    );
  }
  const rank = raw[3]!;
  const dataOffset = 4 + 4 * rank;
  if (raw.length < dataOffset) {
    throw new RangeError(
      `${where}: truncated IDX file: ${raw.length} bytes, shorter than the ${dataOffset}-byte header of ${rank} dimensions`,
    );
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const shape: number[] = [];
  let size = 1;
  for (let k = 0; k < rank; k += 1) {
    const n = view.getUint32(4 + 4 * k, false);
    shape.push(n);
    size *= n;
  }
  const needed = size * DTYPE_BYTES[dtype];
  const available = raw.length - dataOffset;
  if (available !== needed) {
    throw new RangeError(
      available < needed
        ? `${where}: truncated IDX file: shape ${formatShape(shape)} of ${dtype} needs ${needed} bytes of data, found ${available}`
        : `${where}: IDX file has ${available - needed} bytes after the data of shape ${formatShape(shape)} of ${dtype}`,
    );
  }
  const data = decodeElements(raw.subarray(dataOffset), dtype, size, false, where);
  const array: NdArray = { shape, dtype, data };
  return opts.convertTo === undefined ? array : convertNdArray(array, opts.convertTo);
}
