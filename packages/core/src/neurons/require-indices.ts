import { describe, requireArrayLike } from "../metric/validate.js";

/**
 * Checks optional input indices (internal): `undefined` means every input
 * `0..samples-1`; otherwise an array of integers in `[0, samples)` (any
 * order; a repeated index counts its input twice). Returns them as a new
 * Int32Array.
 */
export function requireInputIndices(name: string, value: unknown, samples: number): Int32Array {
  if (value === undefined) return Int32Array.from({ length: samples }, (_, i) => i);
  const list = requireArrayLike(name, value);
  const out = new Int32Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const v = list[k];
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= samples) {
      throw new RangeError(
        `${name}[${k}] must be an input index, an integer in [0, ${samples}); got ${describe(v)}`,
      );
    }
    out[k] = v as number;
  }
  return out;
}
