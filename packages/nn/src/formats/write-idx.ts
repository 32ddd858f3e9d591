import { gzipSync } from "fflate";
import { optionalBoolean, requireOptions } from "../validate.js";
import { encodeElements } from "./element-codec.js";
import { IDX_TYPES } from "./idx-type.js";
import { type ArrayToWrite, DTYPE_BYTES, requireArrayToWrite } from "./nd-array.js";

/** Options of {@link writeIdx}. */
export interface WriteIdxOptions {
  /** gzip the file (as MNIST distributes it, `.gz`); default false. */
  readonly gzip?: boolean;
}

/**
 * Writes an array as an IDX file (the MNIST format; see {@link readIdx}):
 * big-endian, C order, dtype uint8, int8, int16, int32, float32 or float64,
 * 1 to 255 dimensions of at most 2^32 - 1 each.
 *
 * @param array - `{ shape, data, dtype? }` (see {@link ArrayToWrite}).
 * @param options - See {@link WriteIdxOptions}.
 * @returns The file's bytes.
 * @throws TypeError for a dtype IDX cannot hold; RangeError for a bad shape or value.
 * @example
 * ```ts
 * const labels = writeIdx({ shape: [3], data: Uint8Array.of(7, 2, 1) });
 * ```
 */
export function writeIdx(array: ArrayToWrite, options?: WriteIdxOptions): Uint8Array {
  const opts = requireOptions("writeIdx: options", options);
  const compress = optionalBoolean("writeIdx: options.gzip", opts.gzip, false);
  const dtype = requireArrayToWrite("writeIdx: array", array);
  const code = [...IDX_TYPES].find(([, d]) => d === dtype)?.[0];
  if (code === undefined) {
    throw new TypeError(
      `writeIdx: IDX has no ${dtype} type; expected uint8, int8, int16, int32, float32 or float64`,
    );
  }
  const shape = array.shape;
  if (shape.length < 1 || shape.length > 255 || shape.some((n) => n > 0xffffffff)) {
    throw new RangeError(
      `writeIdx: array.shape must have 1 to 255 sizes below 2^32; got ${shape.length} sizes`,
    );
  }
  const body = encodeElements(array.data, dtype, "writeIdx: array.data");
  const size = DTYPE_BYTES[dtype];
  // Little-endian -> big-endian, element by element.
  if (size > 1) {
    for (let o = 0; o < body.length; o += size) body.subarray(o, o + size).reverse();
  }
  const out = new Uint8Array(4 + 4 * shape.length + body.length);
  const view = new DataView(out.buffer);
  out[2] = code;
  out[3] = shape.length;
  shape.forEach((n, k) => {
    view.setUint32(4 + 4 * k, n, false);
  });
  out.set(body, 4 + 4 * shape.length);
  return compress ? gzipSync(out, { mtime: 0 }) : out;
}
