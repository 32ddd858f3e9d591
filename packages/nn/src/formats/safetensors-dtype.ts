/**
 * The dtype names of the safetensors format and their {@link Dtype}s
 * (internal; shared by the reader and the writer).
 *
 * @see https://github.com/huggingface/safetensors (the format's README)
 */

import type { Dtype } from "./nd-array.js";

/** safetensors dtype -> {@link Dtype}. */
export const SAFETENSORS_DTYPES: Readonly<Record<string, Dtype>> = {
  BOOL: "bool",
  U8: "uint8",
  I8: "int8",
  U16: "uint16",
  I16: "int16",
  F16: "float16",
  BF16: "bfloat16",
  U32: "uint32",
  I32: "int32",
  F32: "float32",
  U64: "uint64",
  I64: "int64",
  F64: "float64",
};

/** {@link Dtype} -> safetensors dtype. */
export const SAFETENSORS_NAMES: Readonly<Record<Dtype, string>> = Object.fromEntries(
  Object.entries(SAFETENSORS_DTYPES).map(([name, dtype]) => [dtype, name]),
) as Record<Dtype, string>;
