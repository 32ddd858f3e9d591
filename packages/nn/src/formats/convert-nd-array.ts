import type { Precision } from "@nettopo/core";
import { describe } from "../validate.js";
import type { NdArray } from "./nd-array.js";

/**
 * Converts an array's values to float32 or float64: a named change of
 * precision (float64 -> float32 rounds each value to nearest; every other
 * conversion from a dtype of at most 24 bits of precision is exact). The
 * result's dtype is the precision; the input is not changed.
 *
 * @param array - Any {@link NdArray}.
 * @param precision - `"float32"` (a Float32Array) or `"float64"` (a Float64Array).
 * @returns A new array, or `array` itself when it already has that dtype.
 * @example
 * ```ts
 * const labels = readNpy(bytes); // dtype int64, Float64Array data
 * convertNdArray(labels, "float32").data; // Float32Array
 * ```
 */
export function convertNdArray(array: NdArray, precision: Precision): NdArray {
  if (precision !== "float32" && precision !== "float64") {
    throw new RangeError(
      `convertNdArray: precision must be "float32" or "float64"; got ${describe(precision)}`,
    );
  }
  if (array.dtype === precision) return array;
  const data =
    precision === "float32" ? Float32Array.from(array.data) : Float64Array.from(array.data);
  return { shape: [...array.shape], dtype: precision, data };
}
