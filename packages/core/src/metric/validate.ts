/**
 * Boundary checks shared by the metric inputs (internal: not re-exported from
 * the package index). Each throws a TypeError for a value of the wrong kind and
 * a RangeError for a bad size or value, with a message that names the argument,
 * what it got and what it expected.
 */

import type { AbortSignalLike, Precision, Progress } from "../types.js";

/** A short, bounded description of any value for an error message. */
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
  return `${typeof value} ${String(value)}`;
}

/**
 * Checks that `value` is an integer in `[min, Number.MAX_SAFE_INTEGER]`.
 * @returns `value`, typed as a number.
 */
export function requireInteger(name: string, value: unknown, min: number): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number; got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}; got ${describe(value)}`);
  }
  return value;
}

/** Checks that `value` is an array or a numeric typed array (elements are checked by the caller). */
export function requireArrayLike(name: string, value: unknown): ArrayLike<number> {
  if (Array.isArray(value)) return value as ArrayLike<number>;
  if (
    ArrayBuffer.isView(value) &&
    !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) &&
    !(value instanceof BigUint64Array)
  ) {
    return value as unknown as ArrayLike<number>;
  }
  throw new TypeError(
    `${name} must be an array or a typed array of numbers; got ${describe(value)}`,
  );
}

/** Checks an optional options argument: `undefined` or a plain object. */
export function requireOptions<T extends object>(name: string, value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an options object or undefined; got ${describe(value)}`);
  }
  return value;
}

/** Checks an optional precision option; `fallback` is its documented default. */
export function requirePrecision(name: string, value: unknown, fallback: Precision): Precision {
  if (value === undefined) return fallback;
  if (value === "float32" || value === "float64") return value;
  throw new RangeError(`${name} must be "float32" or "float64"; got ${describe(value)}`);
}

/**
 * Checks an option that names one of a fixed set of choices; `fallback` when
 * it is `undefined` or `null`.
 * @throws RangeError listing the choices, quoted, for anything else.
 */
export function requireChoice<T extends string>(
  name: string,
  value: unknown,
  choices: readonly T[],
  fallback: T,
): T {
  const chosen = value ?? fallback;
  if ((choices as readonly unknown[]).includes(chosen)) return chosen as T;
  throw new RangeError(
    `${name} must be one of ${choices.map((c) => `"${c}"`).join(", ")}; got ${describe(chosen)}`,
  );
}

/** The precision an input array already has: `"float32"` for a Float32Array, else `"float64"`. */
export function precisionOf(values: ArrayLike<number>): Precision {
  return values instanceof Float32Array ? "float32" : "float64";
}

/** Checks an optional `onProgress` option. */
export function requireProgress(
  name: string,
  value: unknown,
): ((progress: Progress) => void) | undefined {
  if (value === undefined || typeof value === "function") {
    return value as ((progress: Progress) => void) | undefined;
  }
  throw new TypeError(`${name} must be a function or undefined; got ${describe(value)}`);
}

/** Checks an optional `signal` option: anything with a boolean `aborted`. */
export function requireSignal(name: string, value: unknown): AbortSignalLike | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AbortSignalLike).aborted === "boolean"
  ) {
    return value as AbortSignalLike;
  }
  throw new TypeError(`${name} must be an AbortSignal or undefined; got ${describe(value)}`);
}

/** Throws the signal's reason (or an `AbortError`) when the signal has been aborted. */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) {
    if (signal.reason !== undefined) throw signal.reason;
    const error = new Error("The operation was aborted");
    error.name = "AbortError";
    throw error;
  }
}

/**
 * The error for an element that is not a finite number: a TypeError when it is
 * not a number at all, a RangeError for NaN or an infinity.
 * @param where - Names the element, e.g. `coordinates[7] (point 3, coordinate 1)`.
 */
export function notFinite(where: string, value: unknown, advice = ""): TypeError | RangeError {
  if (typeof value !== "number") {
    return new TypeError(`${where} must be a number; got ${describe(value)}`);
  }
  return new RangeError(`${where} must be finite; got ${describe(value)}${advice}`);
}

/** Checks a tolerance option (default 1e-4: matrices printed with 5 decimals differ by 1e-5 across the diagonal): a finite number >= 0. */
export function requireTolerance(caller: string, value: unknown): number {
  if (value === undefined) return 1e-4;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.tolerance must be a number; got ${describe(value)}`);
  }
  if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
    throw new RangeError(
      `${caller}: options.tolerance must be finite and >= 0; got ${describe(value)}`,
    );
  }
  return value;
}
