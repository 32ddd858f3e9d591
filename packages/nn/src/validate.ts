/**
 * Boundary checks shared by @nettopo/nn (internal: not re-exported from the
 * package index). Each throws a TypeError for a value of the wrong kind and a
 * RangeError for a bad size or value, with a one-line message that names the
 * argument, what it got and what it expected.
 */

/** A short, bounded, one-line description of any value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  }
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length;
    return `a ${value.constructor.name}${length === undefined ? "" : ` of length ${length}`}`;
  }
  if (typeof value === "object") return `an object (${Object.prototype.toString.call(value)})`;
  return `${typeof value} ${String(value).slice(0, 40)}`;
}

/** Checks an optional options argument: `undefined` or a plain object. */
export function requireOptions<T extends object>(name: string, value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an options object or undefined; got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks that `value` is an integer in `[min, max]`.
 * @returns `value`, typed as a number.
 */
export function requireInteger(
  name: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number; got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${name} must be an integer ${range}; got ${describe(value)}`);
  }
  return value;
}

/** Checks an optional integer option; `fallback` is its documented default. */
export function optionalInteger(
  name: string,
  value: unknown,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  return value === undefined ? fallback : requireInteger(name, value, min, max);
}

/** Checks an optional finite number option in `[min, max]`; `fallback` is its default. */
export function optionalNumber(
  name: string,
  value: unknown,
  fallback: number,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number; got ${describe(value)}`);
  }
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(
      `${name} must be a finite number in [${min}, ${max}]; got ${describe(value)}`,
    );
  }
  return value;
}

/** Checks an optional boolean option; `fallback` is its documented default. */
export function optionalBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new TypeError(`${name} must be true or false; got ${describe(value)}`);
  }
  return value;
}

/** Checks an optional string option against its allowed values; `fallback` is the default. */
export function optionalChoice<T extends string>(
  name: string,
  value: unknown,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new RangeError(
      `${name} must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}; got ${describe(value)}`,
    );
  }
  return value as T;
}

/** Checks a seed option: any safe integer; default 0. */
export function optionalSeed(name: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be an integer; got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer; got ${describe(value)}`);
  }
  return value;
}

/** Checks an optional string; `fallback` is its documented default. */
export function optionalString(name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw new TypeError(`${name} must be a string; got ${describe(value)}`);
  }
  return value;
}

/** Checks that `value` is a Uint8Array (the bytes of a file). */
export function requireBytes(name: string, value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`${name} must be a Uint8Array of file bytes; got ${describe(value)}`);
  }
  return value;
}

/** The number of elements of an array of `shape` (1 for the empty shape of a scalar). */
export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const n of shape) size *= n;
  return size;
}

/**
 * Checks a shape: an array of non-negative safe integers whose product is a
 * safe integer.
 */
export function requireShape(name: string, value: unknown): number[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${name} must be an array of sizes; got ${describe(value)}`);
  }
  let size = 1;
  value.forEach((n, k) => {
    requireInteger(`${name}[${k}]`, n, 0);
    size *= n as number;
  });
  if (!Number.isSafeInteger(size)) {
    throw new RangeError(`${name} (${value.join(", ")}) has more than 2^53 elements`);
  }
  return [...value] as number[];
}

/** `(a, b, c)` as NumPy prints a shape: `(n,)` for one dimension, `()` for a scalar. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}
