/**
 * The pairs the diagram features are computed from (internal: not re-exported
 * from the package index). One policy for every feature:
 *
 * - pairs on the diagonal (death === birth) carry no persistence and are
 *   dropped, so adding them changes no feature;
 * - essential classes (death === Infinity) are dropped, unless the caller
 *   passes `infinityValue`: then each essential death is replaced by that value
 *   (an essential pair whose birth equals `infinityValue` then lies on the diagonal
 *   and is dropped too).
 */

import { describe } from "../../metric/validate.js";
import type { PersistenceDiagram } from "../../types.js";
import { type Barcode, requireBarcode } from "../barcode.js";

/** The kept pairs, in input order, with their lifetimes. */
export interface KeptPairs {
  readonly births: Float64Array;
  readonly deaths: Float64Array;
  /** `deaths[k] - births[k]`, every one finite and > 0 (>= 0 with `keepDiagonal`). */
  readonly lifetimes: Float64Array;
}

/**
 * Checks an optional `infinityValue` option: `undefined` (drop essential classes)
 * or a finite number.
 */
export function requireInfinity(caller: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number") {
    throw new TypeError(
      `${caller}: options.infinityValue must be a number; got ${describe(value)}`,
    );
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `${caller}: options.infinityValue must be finite (the death given to essential classes); got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Validates `value` as a Barcode named `${caller}: bars` and returns the pairs
 * of positive finite lifetime after replacing essential deaths by `infinityValue`
 * (when given; see the file comment).
 *
 * @throws RangeError when `infinityValue` lies below the birth of an essential pair.
 */
export function keptPairs(
  caller: string,
  value: unknown,
  infinity: number | undefined,
  keepDiagonal = false,
): KeptPairs {
  const bars = requireBarcode(`${caller}: bars`, value);
  return keptPairsOf(caller, bars, infinity, keepDiagonal);
}

/**
 * {@link keptPairs} on a barcode already validated; `keepDiagonal` keeps the
 * pairs with death = birth too.
 */
export function keptPairsOf(
  caller: string,
  bars: Barcode,
  infinity: number | undefined,
  keepDiagonal = false,
): KeptPairs {
  const n = bars.births.length;
  let kept = 0;
  for (let k = 0; k < n; k += 1) {
    const b = bars.births[k]!;
    let d = bars.deaths[k]!;
    if (d === Number.POSITIVE_INFINITY) {
      if (infinity === undefined) continue;
      if (infinity < b) {
        throw new RangeError(
          `${caller}: options.infinityValue (${infinity}) is below the birth ${b} of essential pair ${k}; it must be >= every essential birth`,
        );
      }
      d = infinity;
    }
    if (d > b || keepDiagonal) kept += 1;
  }
  const births = new Float64Array(kept);
  const deaths = new Float64Array(kept);
  const lifetimes = new Float64Array(kept);
  let j = 0;
  for (let k = 0; k < n; k += 1) {
    const b = bars.births[k]!;
    let d = bars.deaths[k]!;
    if (d === Number.POSITIVE_INFINITY) {
      if (infinity === undefined) continue;
      d = infinity;
    }
    if (d > b || keepDiagonal) {
      births[j] = b;
      deaths[j] = d;
      lifetimes[j] = d - b;
      j += 1;
    }
  }
  return { births, deaths, lifetimes };
}

/**
 * Checks an optional number option: `undefined` gives `fallback`; otherwise a
 * number that `accept` approves, else a RangeError that says `expected`.
 */
export function requireNumberOption(
  caller: string,
  option: string,
  value: unknown,
  fallback: number,
  accept: (x: number) => boolean,
  expected: string,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.${option} must be a number; got ${describe(value)}`);
  }
  if (!accept(value)) {
    throw new RangeError(
      `${caller}: options.${option} must be ${expected}; got ${describe(value)}`,
    );
  }
  return value;
}

/** Checks an optional boolean option; `undefined` gives `fallback`. */
export function requireBooleanOption(
  caller: string,
  option: string,
  value: unknown,
  fallback: boolean,
): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new TypeError(
      `${caller}: options.${option} must be true or false; got ${describe(value)}`,
    );
  }
  return value;
}

/** Checks an optional logarithm base: a finite number > 0 other than 1; default e. */
export function requireBase(caller: string, value: unknown): number {
  return requireNumberOption(
    caller,
    "base",
    value,
    Math.E,
    (x) => x > 0 && x !== 1 && Number.isFinite(x),
    "a finite number > 0 other than 1",
  );
}

/** Checks that `value` looks like a PersistenceDiagram (its barcodes are checked when read). */
export function requireDiagram(caller: string, value: unknown): PersistenceDiagram {
  if (
    typeof value !== "object" ||
    value === null ||
    !Array.isArray((value as { dimensions?: unknown }).dimensions)
  ) {
    throw new TypeError(
      `${caller}: diagram must be a persistence diagram {dimensions: [...]}; got ${describe(value)}`,
    );
  }
  return value as PersistenceDiagram;
}
