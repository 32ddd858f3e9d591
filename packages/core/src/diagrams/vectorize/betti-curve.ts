/**
 * Betti curves: the number of bars alive at each sample of the filtration.
 */

import { describe, requireOptions } from "../../metric/validate.js";
import { type Barcode, requireBarcode } from "../barcode.js";
import {
  lowerBound,
  requireBarcodes,
  resolveSampleGrid,
  type SampleGridOptions,
  type SampleGridSettings,
  sampleGrid,
} from "./sample-grid.js";

/** Options of {@link bettiCurve} and {@link fitBettiCurve}. */
export interface BettiCurveOptions extends SampleGridOptions {
  /**
   * Sample points given as they are (GUDHI's `predefined_grid`): sorted
   * ascending, no NaN, `-Infinity`/`Infinity` allowed. When given, it is the
   * grid, and `resolution`, `sampleRange` and `keepEndpoints` are ignored
   * (the settings report its length, its ends and `true`). Default: none,
   * the grid comes from `resolution`, `sampleRange` and `keepEndpoints`.
   */
  readonly grid?: ArrayLike<number>;
}

/** {@link BettiCurveOptions} with every field resolved, as {@link fitBettiCurve} returns them. */
export interface BettiCurveSettings extends SampleGridSettings {
  /** The predefined grid (a copy), or `undefined` for the evenly spaced one. */
  readonly grid: Float64Array | undefined;
}

/** A sampled Betti curve. */
export interface BettiCurve {
  /** The sample points, ascending. */
  readonly grid: Float64Array;
  /** `values[i]`: the number of bars alive at `grid[i]` (integers stored as doubles). */
  readonly values: Float64Array;
  /** The settings that made it (the fitted range when none was given). */
  readonly settings: BettiCurveSettings;
}

/**
 * Learns the settings of {@link bettiCurve} from a set of barcodes: the
 * range, when `options.sampleRange` is not given, is `[smallest birth,
 * largest finite death or essential birth]` over all of them (`[0, 1]` when
 * they have no pair). Use the settings to vectorize every barcode on the same
 * grid, as GUDHI's `BettiCurve().fit(diagrams)` does.
 *
 * @param barcodes - The barcodes to fit on. Not modified.
 * @param options - {@link BettiCurveOptions}; `resolution` default `100`,
 *   `keepEndpoints` default `false` for a fitted range.
 * @returns The complete settings.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * const settings = fitBettiCurve([barcode([[0, 1]]), barcode([[0.5, 2]])], { resolution: 3 });
 * settings.sampleRange; // [0, 2]
 * bettiCurve(barcode([[0, 1]]), settings).grid; // Float64Array [0.5, 1, 1.5]
 * ```
 */
export function fitBettiCurve(
  barcodes: readonly Barcode[],
  options?: BettiCurveOptions,
): BettiCurveSettings {
  return resolveBettiCurve("fitBettiCurve", requireBarcodes("fitBettiCurve", barcodes), options);
}

/**
 * The Betti curve of a barcode: how many bars are alive at each sample point
 * `x`, a bar `[birth, death)` being alive when `birth <= x < death`
 * (half-open, GUDHI's `gudhi.representations.BettiCurve` and giotto-tda's
 * `BettiCurve`): a bar is counted at its birth, not at its death, and a bar
 * on the diagonal (`birth = death`) is never counted.
 *
 * Essential classes (death `Infinity`) are alive from their birth to the end
 * of the grid, as in GUDHI's `BettiCurve` (giotto-tda's diagrams have no
 * infinite deaths).
 *
 * Given the same grid, the values equal GUDHI's: `BettiCurve(resolution=n,
 * sample_range=[a, b])` is `{ resolution: n, sampleRange: [a, b] }`,
 * `BettiCurve(resolution=n)` fitted on the same diagrams is `{ resolution: n }`
 * (or {@link fitBettiCurve}), `BettiCurve(predefined_grid=xs)` is
 * `{ grid: xs }`; giotto-tda's `BettiCurve(n_bins=n)` is
 * `{ resolution: n, keepEndpoints: true }` fitted on its diagrams.
 *
 * Cost: O(pairs log resolution + resolution).
 *
 * @param bars - The pairs. Not modified.
 * @param options - {@link BettiCurveOptions} or the settings of
 *   {@link fitBettiCurve}: `resolution` (default `100`), `sampleRange`
 *   (default: fitted on `bars` as {@link fitBettiCurve} does),
 *   `keepEndpoints` (default `true` for a given range, `false` for a fitted
 *   one), `grid` (default none).
 * @returns The grid, the counts and the settings used.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * const curve = bettiCurve(barcode([[0, 2], [1, null]]), { resolution: 4, sampleRange: [0, 3] });
 * curve.grid;   // Float64Array [0, 1, 2, 3]
 * curve.values; // Float64Array [1, 2, 1, 1]
 * ```
 */
export function bettiCurve(bars: Barcode, options?: BettiCurveOptions): BettiCurve {
  requireBarcode("bettiCurve: bars", bars);
  const settings = resolveBettiCurve("bettiCurve", [bars], options);
  const grid = settings.grid ?? sampleGrid(settings);
  const values = new Float64Array(grid.length);
  countAlive(bars.births, bars.deaths, grid, values);
  return { grid, values, settings };
}

function resolveBettiCurve(
  caller: string,
  barcodes: readonly Barcode[],
  options: BettiCurveOptions | undefined,
): BettiCurveSettings {
  const opts = requireOptions(`${caller}: options`, options);
  if (opts.grid !== undefined) {
    const grid = requireGrid(`${caller}: options.grid`, opts.grid);
    return {
      resolution: grid.length,
      sampleRange: [grid[0]!, grid[grid.length - 1]!],
      keepEndpoints: true,
      grid,
    };
  }
  return { ...resolveSampleGrid(caller, opts, () => bettiRange(barcodes)), grid: undefined };
}

function requireGrid(name: string, value: unknown): Float64Array {
  if (
    !Array.isArray(value) &&
    !(ArrayBuffer.isView(value) && !(value instanceof DataView) && "length" in value)
  ) {
    throw new TypeError(`${name} must be an array of numbers; got ${describe(value)}`);
  }
  const source = value as ArrayLike<unknown>;
  if (source.length === 0) throw new RangeError(`${name} must have at least one point; got none`);
  const grid = new Float64Array(source.length);
  for (let k = 0; k < source.length; k += 1) {
    const v = source[k];
    if (typeof v !== "number")
      throw new TypeError(`${name}[${k}] must be a number; got ${describe(v)}`);
    if (Number.isNaN(v)) throw new RangeError(`${name}[${k}] is NaN`);
    if (k > 0 && v < grid[k - 1]!) {
      throw new RangeError(
        `${name} must be sorted ascending; ${name}[${k}] = ${v} < ${grid[k - 1]}`,
      );
    }
    grid[k] = v;
  }
  return grid;
}

/** `[smallest birth, largest finite death or essential birth]`, or `[0, 1]` without pairs. */
function bettiRange(barcodes: readonly Barcode[]): readonly [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const { births, deaths } of barcodes) {
    for (let k = 0; k < births.length; k += 1) {
      const b = births[k]!;
      const d = deaths[k]!;
      if (b < lo) lo = b;
      const end = d === Number.POSITIVE_INFINITY ? b : d;
      if (end > hi) hi = end;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * Adds one per bar to `out[i]` for every `grid[i]` in `[birth, death)`: a
 * difference array between the first sample `>= birth` and the first sample
 * `>= death`, then a running sum.
 */
function countAlive(
  births: Float64Array,
  deaths: Float64Array,
  grid: Float64Array,
  out: Float64Array,
): void {
  const m = grid.length;
  const change = new Float64Array(m + 1);
  for (let k = 0; k < births.length; k += 1) {
    const start = lowerBound(grid, births[k]!);
    const end = lowerBound(grid, deaths[k]!);
    if (start < end) {
      change[start] += 1;
      change[end] -= 1;
    }
  }
  let alive = 0;
  for (let i = 0; i < m; i += 1) {
    alive += change[i]!;
    out[i] = alive;
  }
}
