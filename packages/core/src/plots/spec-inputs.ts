import { describe } from "../metric/validate.js";

/** An optional string option (a TypeError otherwise), or `fallback` when absent. */
export function requireText(
  caller: string,
  name: string,
  value: unknown,
  fallback: string,
): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw new TypeError(`${caller}: options.${name} must be a string; got ${describe(value)}`);
  }
  return value;
}

/** A Float64Array of finite values (a TypeError / RangeError otherwise). */
export function requireFinite(name: string, values: unknown): asserts values is Float64Array {
  if (!(values instanceof Float64Array)) {
    throw new TypeError(`${name} must be a Float64Array; got ${describe(values)}`);
  }
  for (let i = 0; i < values.length; i += 1) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`${name}[${i}] must be finite; got ${describe(values[i])}`);
    }
  }
}

/** Finite values sampled on a grid of `length` points. */
export function requireSampled(name: string, values: unknown, length: number): void {
  requireFinite(name, values);
  if (values.length !== length) {
    throw new RangeError(
      `${name} has ${values.length} values but the grid has ${length}; they must match`,
    );
  }
}
