import { describe, requireInteger, requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { keptPairs, requireBase, requireBooleanOption, requireInfinity } from "./kept-pairs.js";

/** Options of {@link entropySummary}. */
export interface EntropySummaryOptions {
  /** Number of samples; default 100 (GUDHI's). An integer >= 2. */
  readonly resolution?: number;
  /**
   * `[min, max]` of the sampled interval; default `[NaN, NaN]`: an end given
   * as NaN is taken from the barcode (min birth, max death of the kept pairs),
   * as GUDHI's `sample_range`. To compare barcodes, give every one the same
   * range.
   */
  readonly sampleRange?: readonly [number, number];
  /**
   * Keep the exact automatic ends; default false: as GUDHI's
   * `keep_endpoints=False`, each automatic end adds one sample to the linear
   * grid and is then trimmed away (see {@link entropySummary} for where the
   * values are evaluated).
   */
  readonly keepEndpoints?: boolean;
  /** Divide the values by their sum of absolute values (L1 norm); default true (GUDHI's). */
  readonly normalized?: boolean;
  /** The base of the logarithm; default `Math.E` (GUDHI's). */
  readonly base?: number;
  /**
   * The death given to essential classes; default: none, essential classes
   * are ignored. Must be >= every essential birth.
   */
  readonly infinityValue?: number;
}

/** A function sampled on a grid: `values[i]` is its value at `grid[i]`. */
export interface EntropySummaryCurve {
  readonly grid: Float64Array;
  readonly values: Float64Array;
}

/**
 * The entropy summary function of a barcode sampled on an even grid:
 * `S(t) = -sum_i p_i log(p_i) 1[b_i <= t < d_i]` with `p_i = l_i / sum_j l_j`,
 * optionally divided by its L1 norm. It matches GUDHI's
 * `gudhi.representations.Entropy(mode="vector", normalized, resolution,
 * sample_range, keep_endpoints)` value for value (same grid arithmetic,
 * checked by `scripts/fixtures/features.py` on GUDHI 3.7.1).
 *
 * Grid: the linear grid `L = linspace(min, max, resolution + a)` where `a` is
 * the number of automatic ends when `keepEndpoints` is false (else 0), and
 * `values[i]` is `S` at `L[i]`, i = 0..resolution-1 (a pair counts at sample
 * i when `ceil((b - min) / step) <= i < ceil((d - min) / step)`, GUDHI's
 * test, with `step` the grid spacing). `grid` holds those points `L[i]`.
 * Caveat: GUDHI's `grid_` attribute is `L` with the automatic ends trimmed,
 * so when the lower end is automatic and `keep_endpoints=False` (its
 * default) GUDHI reports `grid_[i] = L[i + 1]`, one step right of the point
 * its value `i` is computed at; nettopo's `grid` is where the values belong.
 *
 * Diagonal pairs add nothing and are left out of the automatic range;
 * essential classes are ignored unless `infinityValue` is given. When the values
 * are all zero (one pair, or no pair in range) the normalized curve is all
 * zero (GUDHI returns NaN). A barcode with no pair of positive lifetime has
 * no automatic range: with an automatic end, `grid` is then all NaN and
 * `values` all zero.
 *
 * @param bars - One dimension's pairs.
 * @param options - `resolution` (100), `sampleRange` (`[NaN, NaN]`),
 *   `keepEndpoints` (false), `normalized` (true), `base` (e), `infinityValue`
 *   (essential classes ignored).
 * @returns `{grid, values}`, each of length `resolution`.
 * @throws TypeError or RangeError for an invalid barcode or option, or a
 *   sample range whose min is not below its max.
 * @see Atienza, Gonzalez-Diaz & Soriano-Trigueros, "On the stability of
 *   persistent entropy and new summary functions for TDA", Pattern
 *   Recognition 107 (2020), arXiv:1803.08304.
 * @example
 * ```ts
 * const { grid, values } = entropySummary(barcode([[0, 1], [0.5, 1]]), {
 *   resolution: 3,
 *   normalized: false,
 * });
 * // grid [0, 0.25, 0.5]; values [0.2703, 0.2703, 0.6365] (GUDHI's)
 * ```
 */
export function entropySummary(
  bars: Barcode,
  options?: EntropySummaryOptions,
): EntropySummaryCurve {
  const caller = "entropySummary";
  const opts = requireOptions(`${caller}: options`, options);
  const resolution =
    opts.resolution === undefined
      ? 100
      : requireInteger(`${caller}: options.resolution`, opts.resolution, 2);
  const [givenMin, givenMax] = requireSampleRange(caller, opts.sampleRange);
  const keepEndpoints = requireBooleanOption(caller, "keepEndpoints", opts.keepEndpoints, false);
  const normalized = requireBooleanOption(caller, "normalized", opts.normalized, true);
  const base = requireBase(caller, opts.base);
  const infinity = requireInfinity(caller, opts.infinityValue);
  const { births, deaths, lifetimes } = keptPairs(caller, bars, infinity);
  const n = lifetimes.length;

  let lo = givenMin;
  let hi = givenMax;
  for (let k = 0; k < n; k += 1) {
    if (Number.isNaN(givenMin) && !(births[k]! >= lo)) lo = births[k]!;
    if (Number.isNaN(givenMax) && !(deaths[k]! <= hi)) hi = deaths[k]!;
  }
  const automatic = (Number.isNaN(givenMin) ? 1 : 0) + (Number.isNaN(givenMax) ? 1 : 0);
  const grid = new Float64Array(resolution);
  const values = new Float64Array(resolution);
  if (Number.isNaN(lo) || Number.isNaN(hi)) {
    // No pair to take an automatic end from: no grid, and S is zero.
    grid.fill(Number.NaN);
    return { grid, values };
  }
  if (!(lo < hi)) {
    throw new RangeError(
      `${caller}: the sample range [${lo}, ${hi}] is empty; its min must be below its max`,
    );
  }

  // numpy.linspace(lo, hi, count): lin[i] = i*delta + lo, the last one exactly hi.
  const count = resolution + (keepEndpoints ? 0 : automatic);
  const delta = (hi - lo) / (count - 1);
  const lin = (i: number): number => (i === count - 1 ? hi : i * delta + lo);
  for (let i = 0; i < resolution; i += 1) grid[i] = lin(i);
  // GUDHI's step: the difference of the first two points of its trimmed grid.
  const first = !keepEndpoints && Number.isNaN(givenMin) ? 1 : 0;
  const step = lin(first + 1) - lin(first);

  let total = 0;
  for (let k = 0; k < n; k += 1) total += lifetimes[k]!;
  for (let k = 0; k < n; k += 1) {
    const p = lifetimes[k]! / total;
    const term = p * Math.log(p);
    const from = clampIndex(Math.ceil((births[k]! - lo) / step), resolution);
    const to = clampIndex(Math.ceil((deaths[k]! - lo) / step), resolution);
    for (let i = from; i < to; i += 1) values[i] = values[i]! - term;
  }
  if (base !== Math.E) {
    const scale = Math.log(base);
    for (let i = 0; i < resolution; i += 1) values[i] = values[i]! / scale;
  }
  if (normalized) {
    let norm = 0;
    for (let i = 0; i < resolution; i += 1) norm += Math.abs(values[i]!);
    if (norm > 0) for (let i = 0; i < resolution; i += 1) values[i] = values[i]! / norm;
  }
  return { grid, values };
}

function clampIndex(index: number, resolution: number): number {
  return Math.min(Math.max(index, 0), resolution);
}

function requireSampleRange(caller: string, value: unknown): [number, number] {
  if (value === undefined) return [Number.NaN, Number.NaN];
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== "number" ||
    typeof value[1] !== "number"
  ) {
    throw new TypeError(
      `${caller}: options.sampleRange must be [min, max] (numbers, NaN for automatic); got ${describe(value)}`,
    );
  }
  for (const end of value as number[]) {
    if (!Number.isNaN(end) && !Number.isFinite(end)) {
      throw new RangeError(
        `${caller}: options.sampleRange ends must be finite or NaN (automatic); got ${describe(end)}`,
      );
    }
  }
  return [value[0], value[1]];
}
