/**
 * The sample grid of the one-dimensional vectorizations (Betti curves,
 * landscapes, silhouettes) and the helpers every vectorization shares: range
 * fitting, the essential-class policy, option checks. Internal except for the
 * two option types, which the public options extend.
 */

import { describe, requireInteger } from "../../metric/validate.js";
import { type Barcode, requireBarcode } from "../barcode.js";

/** Grid options shared by {@link bettiCurve}, {@link persistenceLandscape} and {@link persistenceSilhouette}. */
export interface SampleGridOptions {
  /** Number of sample points; an integer >= 1, default `100` (GUDHI's and giotto-tda's default). */
  readonly resolution?: number;
  /**
   * `[min, max]` of the filtration values sampled, finite, `min <= max`.
   * Default: fitted from the data as `[smallest birth, largest death]`
   * (GUDHI's `sample_range=[nan, nan]`, giotto-tda's `fit`).
   */
  readonly sampleRange?: readonly [number, number];
  /**
   * Whether the grid includes both ends of `sampleRange`. With `true` the
   * grid is `resolution` evenly spaced points from `min` to `max` (numpy's
   * `linspace`); with `false` it is the `resolution` interior points of
   * `resolution + 2` evenly spaced points, so that no sample is wasted on
   * the ends of a fitted range, where every function is zero.
   * Default: `true` when you pass `sampleRange` (GUDHI and giotto-tda
   * always sample a given range from end to end), `false` when the range is
   * fitted (GUDHI's `keep_endpoints=False`; giotto-tda keeps the ends).
   */
  readonly keepEndpoints?: boolean;
}

/** {@link SampleGridOptions} with every field resolved. */
export interface SampleGridSettings {
  readonly resolution: number;
  readonly sampleRange: readonly [number, number];
  readonly keepEndpoints: boolean;
}

/** The default number of samples of every grid. */
export const DEFAULT_RESOLUTION = 100;

/** The range used when there is nothing to fit on (no pairs at all). */
const EMPTY_RANGE: readonly [number, number] = [0, 1];

/**
 * `num` evenly spaced numbers from `start` to `stop`, rounded exactly as
 * numpy's `linspace` rounds them (`i * step + start`, the last one `stop`),
 * so grids agree bit for bit with GUDHI's and giotto-tda's.
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 0) return out;
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  if (step === 0) {
    for (let i = 0; i < num; i += 1) out[i] = (i / div) * delta + start;
  } else {
    for (let i = 0; i < num; i += 1) out[i] = i * step + start;
  }
  out[div] = stop;
  return out;
}

/** The sample points of resolved grid settings. */
export function sampleGrid(settings: SampleGridSettings): Float64Array {
  const [lo, hi] = settings.sampleRange;
  const n = settings.resolution;
  if (settings.keepEndpoints) return linspace(lo, hi, n);
  return linspace(lo, hi, n + 2).slice(1, n + 1);
}

/**
 * Resolves grid options: validates them and fits the range with `fit` when
 * `sampleRange` is not given.
 */
export function resolveSampleGrid(
  caller: string,
  options: SampleGridOptions,
  fit: () => readonly [number, number],
): SampleGridSettings {
  const resolution =
    options.resolution === undefined
      ? DEFAULT_RESOLUTION
      : requireInteger(`${caller}: options.resolution`, options.resolution, 1);
  const given = options.sampleRange !== undefined;
  const sampleRange = given
    ? requireRange(`${caller}: options.sampleRange`, options.sampleRange, 2)
    : fit();
  const keepEndpoints = requireBoolean(
    `${caller}: options.keepEndpoints`,
    options.keepEndpoints,
    given,
  );
  return { resolution, sampleRange: [sampleRange[0]!, sampleRange[1]!], keepEndpoints };
}

/**
 * Checks a range option: an array of `2 * axes` finite numbers, each
 * `[min, max]` pair with `min <= max`.
 */
export function requireRange(name: string, value: unknown, length: number): number[] {
  if (!Array.isArray(value) && !(value instanceof Float64Array)) {
    throw new TypeError(`${name} must be an array of ${length} numbers; got ${describe(value)}`);
  }
  if (value.length !== length) {
    throw new RangeError(`${name} must have ${length} numbers; got ${value.length}`);
  }
  const out: number[] = [];
  for (let k = 0; k < length; k += 1) {
    const v: unknown = value[k];
    if (typeof v !== "number") {
      throw new TypeError(`${name}[${k}] must be a number; got ${describe(v)}`);
    }
    if (!Number.isFinite(v))
      throw new RangeError(`${name}[${k}] must be finite; got ${describe(v)}`);
    out.push(v);
  }
  for (let k = 0; k < length; k += 2) {
    if (out[k]! > out[k + 1]!) {
      throw new RangeError(
        `${name} must have min <= max; got [${out[k]}, ${out[k + 1]}] at positions ${k} and ${k + 1}`,
      );
    }
  }
  return out;
}

/** Checks an optional boolean option; `fallback` is its default. */
export function requireBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new TypeError(`${name} must be true or false; got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks an optional number option: finite, and `> 0` or `>= 0` as asked.
 * `fallback` is its default.
 */
export function requireNumber(
  name: string,
  value: unknown,
  fallback: number,
  bound: "positive" | "nonNegative" | "finite",
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number")
    throw new TypeError(`${name} must be a number; got ${describe(value)}`);
  const ok =
    Number.isFinite(value) &&
    (bound === "finite" || (bound === "positive" ? value > 0 : value >= 0));
  if (!ok) {
    const expected =
      bound === "finite" ? "finite" : bound === "positive" ? "finite and > 0" : "finite and >= 0";
    throw new RangeError(`${name} must be ${expected}; got ${describe(value)}`);
  }
  return value;
}

/** Checks the `infinityValue` option: `undefined` (drop essential classes) or a finite number. */
export function requireInfinityValue(caller: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  return requireNumber(`${caller}: options.infinityValue`, value, 0, "finite");
}

/** Checks a list of barcodes (the argument of the `fit` functions). */
export function requireBarcodes(caller: string, barcodes: unknown): readonly Barcode[] {
  if (!Array.isArray(barcodes)) {
    throw new TypeError(
      `${caller}: barcodes must be an array of barcodes; got ${describe(barcodes)}`,
    );
  }
  for (let k = 0; k < barcodes.length; k += 1)
    requireBarcode(`${caller}: barcodes[${k}]`, barcodes[k]);
  return barcodes as readonly Barcode[];
}

/**
 * The pairs a vectorization works on under the essential-class policy shared
 * by landscapes, silhouettes, persistence images and heat kernels: essential
 * classes (death `Infinity`) are dropped when `infinityValue` is undefined,
 * otherwise their death becomes `infinityValue`. Returns `bars` itself when
 * it has no essential class (nothing is ever modified).
 *
 * @throws RangeError when `infinityValue` is below the birth of an essential class.
 */
export function finitePairs(
  caller: string,
  bars: Barcode,
  infinityValue: number | undefined,
): Barcode {
  const { births, deaths } = bars;
  let essential = 0;
  for (let k = 0; k < deaths.length; k += 1)
    if (deaths[k] === Number.POSITIVE_INFINITY) essential += 1;
  if (essential === 0) return bars;
  if (infinityValue === undefined) {
    const n = deaths.length - essential;
    const b = new Float64Array(n);
    const d = new Float64Array(n);
    let f = 0;
    for (let k = 0; k < deaths.length; k += 1) {
      if (deaths[k] !== Number.POSITIVE_INFINITY) {
        b[f] = births[k]!;
        d[f++] = deaths[k]!;
      }
    }
    return { births: b, deaths: d };
  }
  const d = new Float64Array(deaths);
  for (let k = 0; k < d.length; k += 1) {
    if (d[k] === Number.POSITIVE_INFINITY) {
      if (infinityValue < births[k]!) {
        throw new RangeError(
          `${caller}: options.infinityValue ${infinityValue} is below the birth ${births[k]} of essential pair ${k}; it must be >= every essential birth`,
        );
      }
      d[k] = infinityValue;
    }
  }
  return { births, deaths: d };
}

/**
 * `[smallest birth, largest death]` over finite barcodes (GUDHI's
 * automatic `sample_range`; giotto-tda's `_bin`), or `[0, 1]` when they
 * have no pair at all.
 */
export function birthDeathRange(barcodes: readonly Barcode[]): readonly [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const { births, deaths } of barcodes) {
    for (let k = 0; k < births.length; k += 1) {
      if (births[k]! < lo) lo = births[k]!;
      if (deaths[k]! > hi) hi = deaths[k]!;
    }
  }
  return lo <= hi ? [lo, hi] : EMPTY_RANGE;
}

/** First index `i` with `grid[i] >= value` (grid sorted ascending); `grid.length` when none. */
export function lowerBound(grid: Float64Array, value: number): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (grid[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index `i` with `grid[i] > value` (grid sorted ascending); `grid.length` when none. */
export function upperBound(grid: Float64Array, value: number): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (grid[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
