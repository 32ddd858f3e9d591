/**
 * Raw element bytes <-> typed arrays for every {@link Dtype} (internal; shared
 * by the .npy, .safetensors and IDX readers and writers).
 */

import { describe } from "../validate.js";
import {
  bfloat16Bits,
  bfloat16BitsToFloat32,
  float16Bits,
  halfBitsToFloat32,
} from "./half-float.js";
import { DTYPE_BYTES, type Dtype, type NdArrayData, naturalDtype } from "./nd-array.js";

/** Whether this machine stores numbers little-endian (typed arrays use its order). */
export const NATIVE_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverses the byte order of each `size`-byte element of `bytes`, in place. */
function swapBytes(bytes: Uint8Array, size: number): void {
  for (let o = 0; o + size <= bytes.length; o += size) {
    for (let i = 0, j = size - 1; i < j; i += 1, j -= 1) {
      const t = bytes[o + i]!;
      bytes[o + i] = bytes[o + j]!;
      bytes[o + j] = t;
    }
  }
}

/**
 * Decodes `count` elements of `dtype` stored in `bytes` (exactly
 * `count * size` bytes) into a new typed array (never a view of `bytes`).
 *
 * @param where - Names the array in messages, e.g. `"x.npy"`.
 * @throws RangeError for a 64-bit integer beyond ±(2^53 - 1), or a bool byte
 *   other than 0 or 1.
 */
export function decodeElements(
  bytes: Uint8Array,
  dtype: Dtype,
  count: number,
  littleEndian: boolean,
  where: string,
): NdArrayData {
  const size = DTYPE_BYTES[dtype];
  // A fresh, aligned buffer (never `bytes.slice`: on a Node Buffer that is a view of a shared pool).
  const copy = new Uint8Array(count * size);
  copy.set(bytes.subarray(0, count * size));
  if (size > 1 && littleEndian !== NATIVE_LITTLE_ENDIAN) swapBytes(copy, size);
  const buffer = copy.buffer;
  switch (dtype) {
    case "float16":
      return halfBitsToFloat32(new Uint16Array(buffer));
    case "bfloat16":
      return bfloat16BitsToFloat32(new Uint16Array(buffer));
    case "float32":
      return new Float32Array(buffer);
    case "float64":
      return new Float64Array(buffer);
    case "int8":
      return new Int8Array(buffer);
    case "int16":
      return new Int16Array(buffer);
    case "int32":
      return new Int32Array(buffer);
    case "uint8":
      return copy;
    case "uint16":
      return new Uint16Array(buffer);
    case "uint32":
      return new Uint32Array(buffer);
    case "int64":
    case "uint64":
      return decode64(new Uint32Array(buffer), dtype === "int64", where);
    case "bool": {
      for (let k = 0; k < copy.length; k += 1) {
        if (copy[k]! > 1) {
          throw new RangeError(
            `${where}: bool element ${k} has byte value ${copy[k]}; expected 0 or 1`,
          );
        }
      }
      return copy;
    }
  }
}

/** 64-bit integers (as native-order 32-bit words) to exact float64 values. */
function decode64(words: Uint32Array, signed: boolean, where: string): Float64Array {
  const count = words.length / 2;
  const out = new Float64Array(count);
  const lo = NATIVE_LITTLE_ENDIAN ? 0 : 1;
  const hi = 1 - lo;
  for (let k = 0; k < count; k += 1) {
    const low = words[2 * k + lo]!;
    const high = words[2 * k + hi]!;
    const h = signed ? high | 0 : high;
    // |value| <= 2^53 - 1 exactly when the high word is in [-2^21, 2^21), except -2^53 itself.
    if (h >= 0x200000 || h < -0x200000 || (h === -0x200000 && low === 0)) {
      const big = (BigInt(h) << 32n) + BigInt(low);
      throw new RangeError(
        `${where}: ${signed ? "int64" : "uint64"} element ${k} is ${big}, beyond ±(2^53 - 1); it cannot be represented exactly as a number`,
      );
    }
    out[k] = h * 4294967296 + low;
  }
  return out;
}

/** Integer ranges of the integer dtypes (64-bit ones limited to exact numbers). */
const INTEGER_RANGE: Partial<Record<Dtype, readonly [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  int64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  uint64: [0, Number.MAX_SAFE_INTEGER],
  bool: [0, 1],
};

/**
 * Encodes `data` as little-endian elements of `dtype`.
 *
 * @param where - Names the array in messages.
 * @throws RangeError for a value the dtype cannot hold (a non-integer or
 *   out-of-range value for an integer dtype, not 0/1 for bool).
 */
export function encodeElements(data: NdArrayData, dtype: Dtype, where: string): Uint8Array {
  const size = DTYPE_BYTES[dtype];
  if (naturalDtype(data) === dtype && NATIVE_LITTLE_ENDIAN) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  }
  const out = new Uint8Array(data.length * size);
  const view = new DataView(out.buffer);
  const range = INTEGER_RANGE[dtype];
  if (range !== undefined) {
    const [min, max] = range;
    for (let k = 0; k < data.length; k += 1) {
      const v = data[k]!;
      if (!Number.isInteger(v) || v < min || v > max) {
        throw new RangeError(
          `${where}: element ${k} is ${describe(v)}; dtype ${dtype} holds integers in [${min}, ${max}]`,
        );
      }
    }
  }
  for (let k = 0; k < data.length; k += 1) {
    const v = data[k]!;
    const o = k * size;
    switch (dtype) {
      case "float16":
        view.setUint16(o, float16Bits(v), true);
        break;
      case "bfloat16":
        view.setUint16(o, bfloat16Bits(v), true);
        break;
      case "float32":
        view.setFloat32(o, v, true);
        break;
      case "float64":
        view.setFloat64(o, v, true);
        break;
      case "int8":
        view.setInt8(o, v);
        break;
      case "int16":
        view.setInt16(o, v, true);
        break;
      case "int32":
        view.setInt32(o, v, true);
        break;
      case "uint8":
      case "bool":
        view.setUint8(o, v);
        break;
      case "uint16":
        view.setUint16(o, v, true);
        break;
      case "uint32":
        view.setUint32(o, v, true);
        break;
      case "int64":
        view.setBigInt64(o, BigInt(v), true);
        break;
      case "uint64":
        view.setBigUint64(o, BigInt(v), true);
        break;
    }
  }
  return out;
}
