/**
 * Checks of the options the resampling methods of stats/ share (internal: not
 * re-exported from the package index). Each returns the documented default
 * for `undefined`.
 */
import { describe } from "../metric/validate.js";

/** `confidence`: a number strictly between 0 and 1; default 0.95. */
export function requireConfidence(caller: string, value: unknown): number {
  if (value === undefined) return 0.95;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.confidence must be a number; got ${describe(value)}`);
  }
  if (!(value > 0 && value < 1)) {
    throw new RangeError(
      `${caller}: options.confidence must be strictly between 0 and 1; got ${describe(value)}`,
    );
  }
  return value;
}

/** `repeats`: an integer >= 1; `fallback` is the caller's documented default. */
export function requireRepeats(caller: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.repeats must be a number; got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `${caller}: options.repeats must be an integer >= 1; got ${describe(value)}`,
    );
  }
  return value;
}

/** `seed`: any safe integer; default 0. */
export function requireSeed(caller: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.seed must be a number; got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${caller}: options.seed must be an integer; got ${describe(value)}`);
  }
  return value;
}
