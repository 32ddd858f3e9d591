/**
 * Reorders the elements of an array stored in Fortran (column-major) order
 * into C (row-major) order (internal).
 */

import type { NdArrayData } from "./nd-array.js";

/**
 * The C-order copy of `data`, an array of `shape` stored in Fortran order:
 * element (i0, i1, ..., ik) lies at `i0 + n0*(i1 + n1*(i2 + ...))` in `data`.
 */
export function fortranToC<T extends NdArrayData>(data: T, shape: readonly number[]): T {
  const rank = shape.length;
  const out = new (data.constructor as new (length: number) => T)(data.length);
  if (rank < 2 || data.length === 0) {
    out.set(data as never);
    return out;
  }
  // Fortran strides: stride[0] = 1, stride[k] = n0 * ... * n(k-1).
  const stride = new Array<number>(rank);
  stride[0] = 1;
  for (let k = 1; k < rank; k += 1) stride[k] = stride[k - 1]! * shape[k - 1]!;
  const index = new Array<number>(rank).fill(0);
  let source = 0;
  for (let c = 0; c < data.length; c += 1) {
    out[c] = data[source]!;
    // Advance the C-order index (last axis fastest) and the Fortran offset with it.
    for (let k = rank - 1; k >= 0; k -= 1) {
      index[k]! += 1;
      source += stride[k]!;
      if (index[k]! < shape[k]!) break;
      source -= stride[k]! * shape[k]!;
      index[k] = 0;
    }
  }
  return out;
}
