/**
 * The element type codes of the IDX format (internal; shared by the reader
 * and the writer): the third byte of the magic number.
 *
 * @see http://yann.lecun.com/exdb/mnist/ (the format's description, "THE IDX FILE FORMAT")
 */

import type { Dtype } from "./nd-array.js";

/** IDX type code -> {@link Dtype}. */
export const IDX_TYPES: ReadonlyMap<number, Dtype> = new Map<number, Dtype>([
  [0x08, "uint8"],
  [0x09, "int8"],
  [0x0b, "int16"],
  [0x0c, "int32"],
  [0x0d, "float32"],
  [0x0e, "float64"],
]);
