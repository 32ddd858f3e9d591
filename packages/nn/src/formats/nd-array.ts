/**
 * N-dimensional arrays as the array file formats (.npy, .npz, .safetensors,
 * IDX) hold them: a shape, an element type named as NumPy names it, and a flat
 * typed array in C (row-major) order.
 */

import { describe, formatShape, requireShape, shapeSize } from "../validate.js";

/** The element types the readers and writers understand, by NumPy's names. */
export type Dtype =
  | "float16"
  | "bfloat16"
  | "float32"
  | "float64"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "bool";

/** Every {@link Dtype}, in a fixed order (for messages and tests). */
export const DTYPES: readonly Dtype[] = [
  "float16",
  "bfloat16",
  "float32",
  "float64",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "bool",
];

/**
 * The typed arrays an {@link NdArray} keeps its values in. Which one follows
 * from the dtype (see {@link NdArray}); none of them loses a value of its
 * dtype.
 */
export type NdArrayData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array;

/**
 * An N-dimensional array: `data.length === shape.reduce((a, b) => a * b, 1)`,
 * in C (row-major) order whatever order the file stored. The data's typed
 * array keeps every value of the dtype exactly:
 *
 * | dtype | data |
 * |---|---|
 * | float16, bfloat16, float32 | Float32Array (half floats widen exactly) |
 * | float64 | Float64Array |
 * | int8, int16, int32 | Int8Array, Int16Array, Int32Array |
 * | uint8, uint16, uint32 | Uint8Array, Uint16Array, Uint32Array |
 * | int64, uint64 | Float64Array (exact: values beyond ±2^53 are refused when read) |
 * | bool | Uint8Array of 0 and 1 |
 */
export interface NdArray {
  readonly shape: readonly number[];
  readonly dtype: Dtype;
  readonly data: NdArrayData;
}

/** An {@link NdArray} with its name: an entry of an .npz or .safetensors file. */
export interface NamedNdArray extends NdArray {
  readonly name: string;
}

/**
 * What the writers take: a shape and values; `dtype` defaults to the typed
 * array's own type (Float32Array -> float32, Float64Array -> float64,
 * Int32Array -> int32, Uint8Array -> uint8, ...). Another dtype is a named
 * conversion: float16/bfloat16 round to nearest even, integer dtypes require
 * integer values in their range (else a RangeError), bool requires 0 or 1.
 */
export interface ArrayToWrite {
  readonly shape: readonly number[];
  readonly data: NdArrayData;
  readonly dtype?: Dtype;
}

/** An {@link ArrayToWrite} with its name (its key in an .npz or .safetensors file). */
export interface NamedArrayToWrite extends ArrayToWrite {
  readonly name: string;
}

/** Bytes per element of each dtype. */
export const DTYPE_BYTES: Readonly<Record<Dtype, number>> = {
  float16: 2,
  bfloat16: 2,
  float32: 4,
  float64: 8,
  int8: 1,
  int16: 2,
  int32: 4,
  int64: 8,
  uint8: 1,
  uint16: 2,
  uint32: 4,
  uint64: 8,
  bool: 1,
};

/**
 * Checks an {@link ArrayToWrite} (internal): a valid shape, a typed array of
 * `prod(shape)` values, a known dtype.
 * @returns the dtype to write.
 */
export function requireArrayToWrite(name: string, value: unknown): Dtype {
  if (typeof value !== "object" || value === null) {
    throw new TypeError(
      `${name} must be an array object {shape, data, dtype?}; got ${describe(value)}`,
    );
  }
  const { shape, data, dtype } = value as ArrayToWrite;
  const checkedShape = requireShape(`${name}.shape`, shape);
  if (!isNdArrayData(data)) {
    throw new TypeError(
      `${name}.data must be a Float32Array, Float64Array, Int8/16/32Array or Uint8/16/32Array; got ${describe(data)}`,
    );
  }
  const size = shapeSize(checkedShape);
  if (data.length !== size) {
    throw new RangeError(
      `${name}.data has ${data.length} values; shape ${formatShape(checkedShape)} needs ${size}`,
    );
  }
  if (dtype === undefined) return naturalDtype(data);
  if (!DTYPES.includes(dtype)) {
    throw new RangeError(
      `${name}.dtype must be one of ${DTYPES.join(", ")}; got ${describe(dtype)}`,
    );
  }
  return dtype;
}

/** The dtype a typed array holds without conversion. */
export function naturalDtype(data: NdArrayData): Dtype {
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Int8Array) return "int8";
  if (data instanceof Int16Array) return "int16";
  if (data instanceof Int32Array) return "int32";
  if (data instanceof Uint8Array) return "uint8";
  if (data instanceof Uint16Array) return "uint16";
  return "uint32";
}

/** Whether `value` is one of the typed arrays an {@link NdArrayData} can be. */
export function isNdArrayData(value: unknown): value is NdArrayData {
  return (
    value instanceof Float32Array ||
    value instanceof Float64Array ||
    value instanceof Int8Array ||
    value instanceof Int16Array ||
    value instanceof Int32Array ||
    value instanceof Uint8Array ||
    value instanceof Uint16Array ||
    value instanceof Uint32Array
  );
}
