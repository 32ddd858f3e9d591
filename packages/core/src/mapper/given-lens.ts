import { describe, requireArrayLike } from "../metric/validate.js";
import { type MapperLens, requireFiniteLens } from "./mapper-lens.js";

/**
 * A lens from values the user computed: `values` holds `count * dims`
 * numbers, row-major (point i's values at `[i*dims, (i+1)*dims)`). The values
 * are copied.
 *
 * @param values - The lens values (array or typed array).
 * @param dims - Values per point; default 1.
 * @returns The lens, kind `"given"`.
 * @throws RangeError for a length that is not a multiple of `dims`, or a NaN / infinite value (naming the point).
 * @example
 * ```ts
 * givenLens([0.5, 0.1, 0.9]).dims; // 1
 * ```
 */
export function givenLens(values: ArrayLike<number>, dims = 1): MapperLens {
  const flat = requireArrayLike("givenLens: values", values);
  if (!Number.isSafeInteger(dims) || dims < 1) {
    throw new RangeError(`givenLens: dims must be an integer >= 1; got ${describe(dims)}`);
  }
  if (flat.length % dims !== 0) {
    throw new RangeError(
      `givenLens: values.length must be a multiple of dims ${dims}; got ${flat.length}`,
    );
  }
  const copy = new Float64Array(flat.length);
  for (let k = 0; k < flat.length; k++) {
    const x = flat[k];
    if (typeof x !== "number") {
      throw new TypeError(`givenLens: values[${k}] must be a number; got ${describe(x)}`);
    }
    copy[k] = x;
  }
  return requireFiniteLens("givenLens", {
    kind: "given",
    count: flat.length / dims,
    dims,
    values: copy,
    parameters: {},
  });
}
