/**
 * Persistence landscapes (Bubenik 2015), sampled on a grid.
 */

import { requireInteger, requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { fitSettings, vectorizationInput } from "./barcode-vectorization.js";
import { type SampleGridOptions, type SampleGridSettings, sampleGrid } from "./sample-grid.js";
import { resolveTentSettings } from "./tent-settings.js";
import { tentSupportEnd, tentSupportStart } from "./tent-support.js";

/** Options of {@link persistenceLandscape} and {@link fitPersistenceLandscape}. */
export interface PersistenceLandscapeOptions extends SampleGridOptions {
  /**
   * Number of layers `k = 1..numLandscapes`; an integer >= 1, default `5`
   * (GUDHI's `num_landscapes` default; giotto-tda's `n_layers` is 1).
   */
  readonly numLandscapes?: number;
  /**
   * Factor applied to every value; finite and > 0, default `1`: Bubenik's
   * definition, as giotto-tda and persim compute it. GUDHI's `Landscape`
   * multiplies by `Math.SQRT2`; pass `scale: Math.SQRT2` to get its numbers.
   */
  readonly scale?: number;
  /**
   * Essential classes (death `Infinity`): dropped by default (GUDHI's
   * `DiagramSelector(use=True)` before vectorizing; its `Landscape` cannot
   * take infinite deaths); with a finite `infinityValue`, their death becomes
   * that value (giotto-tda's `infinity_values` of its persistence
   * transformers). Must be >= every essential birth.
   */
  readonly infinityValue?: number;
}

/** {@link PersistenceLandscapeOptions} with every field resolved, as {@link fitPersistenceLandscape} returns them. */
export interface PersistenceLandscapeSettings extends SampleGridSettings {
  readonly numLandscapes: number;
  readonly scale: number;
  /** `undefined`: essential classes are dropped. */
  readonly infinityValue: number | undefined;
}

/** A sampled persistence landscape. */
export interface PersistenceLandscape {
  /** The sample points, ascending; `resolution` of them. */
  readonly grid: Float64Array;
  /**
   * The layers, row-major: layer `k` (0-based, `k = 0` is the top layer
   * λ₁) at `values[k * resolution + i]` for `grid[i]`; length
   * `numLandscapes * resolution`. Layers missing for lack of pairs are zero.
   */
  readonly values: Float64Array;
  readonly numLandscapes: number;
  readonly resolution: number;
  /** The settings that made it (the fitted range when none was given). */
  readonly settings: PersistenceLandscapeSettings;
}

/**
 * Learns the settings of {@link persistenceLandscape} from a set of
 * barcodes: when `options.sampleRange` is not given, the range is
 * `[smallest birth, largest death]` over all their pairs after the
 * essential-class policy (`[0, 1]` when there is no pair). This is GUDHI's
 * `Landscape().fit(diagrams)`.
 *
 * @param barcodes - The barcodes to fit on. Not modified.
 * @param options - {@link PersistenceLandscapeOptions}.
 * @returns The complete settings.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * const settings = fitPersistenceLandscape([barcode([[0, 2]]), barcode([[1, 4]])]);
 * settings.sampleRange; // [0, 4]
 * ```
 */
export function fitPersistenceLandscape(
  barcodes: readonly Barcode[],
  options?: PersistenceLandscapeOptions,
): PersistenceLandscapeSettings {
  return fitSettings("fitPersistenceLandscape", barcodes, options, resolveLandscape);
}

/**
 * The persistence landscape of a barcode sampled on a grid: layer `k` at `x`
 * is the `k`-th largest of the tents `max(0, min(x - birth, death - x))` of
 * the pairs (Bubenik, "Statistical topological data analysis using
 * persistence landscapes", JMLR 16, 2015), times `scale`.
 *
 * With `scale: Math.SQRT2` the values equal GUDHI's
 * `gudhi.representations.Landscape(num_landscapes, resolution, sample_range)`
 * on the same grid (same layout: layer after layer); with the default scale
 * and `keepEndpoints: true` on a fitted range they are giotto-tda's
 * `PersistenceLandscape(n_layers, n_bins)`. Points on the diagonal have a
 * zero tent and change nothing.
 *
 * Cost: O(sum over pairs of the samples inside the pair × numLandscapes) at
 * worst, no allocation per pair.
 *
 * @param bars - The pairs. Not modified.
 * @param options - {@link PersistenceLandscapeOptions} or the settings of
 *   {@link fitPersistenceLandscape}: `numLandscapes` (default `5`),
 *   `resolution` (default `100`), `sampleRange` (default: fitted on `bars`),
 *   `keepEndpoints` (default `true` for a given range, `false` for a fitted
 *   one), `scale` (default `1`), `infinityValue` (default: drop essential
 *   classes).
 * @returns The grid, the layers and the settings used.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * const l = persistenceLandscape(barcode([[0, 2], [1, 3]]), {
 *   numLandscapes: 2, resolution: 5, sampleRange: [0, 3],
 * });
 * l.grid;   // Float64Array [0, 0.75, 1.5, 2.25, 3]
 * l.values; // λ1: [0, 0.75, 0.5, 0.75, 0], then λ2: [0, 0, 0.5, 0, 0]
 * ```
 */
export function persistenceLandscape(
  bars: Barcode,
  options?: PersistenceLandscapeOptions,
): PersistenceLandscape {
  const { settings, pairs } = vectorizationInput(
    "persistenceLandscape",
    bars,
    options,
    resolveLandscape,
  );
  const grid = sampleGrid(settings);
  const values = landscapeValues(pairs, grid, settings.numLandscapes, settings.scale);
  return {
    grid,
    values,
    numLandscapes: settings.numLandscapes,
    resolution: grid.length,
    settings,
  };
}

function resolveLandscape(
  caller: string,
  barcodes: readonly Barcode[],
  options: PersistenceLandscapeOptions | undefined,
): PersistenceLandscapeSettings {
  const opts = requireOptions(`${caller}: options`, options);
  const numLandscapes =
    opts.numLandscapes === undefined
      ? 5
      : requireInteger(`${caller}: options.numLandscapes`, opts.numLandscapes, 1);
  return resolveTentSettings(caller, barcodes, opts, { numLandscapes });
}

/**
 * The top `layers` tents at every grid point: a descending list of `layers`
 * slots per point (`top[i * layers + k]`, zero = empty), filled by insertion
 * while walking each pair's support, then transposed to layer-major order.
 */
function landscapeValues(
  pairs: Barcode,
  grid: Float64Array,
  layers: number,
  scale: number,
): Float64Array {
  const m = grid.length;
  const top = new Float64Array(m * layers);
  const last = layers - 1;
  const { births, deaths } = pairs;
  for (let p = 0; p < births.length; p += 1) {
    const b = births[p]!;
    const d = deaths[p]!;
    if (!(d > b)) continue; // a point on the diagonal: its tent is zero
    const mid = (b + d) / 2;
    const half = (d - b) / 2;
    const from = tentSupportStart(grid, b);
    const to = tentSupportEnd(grid, d);
    for (let i = from; i < to; i += 1) {
      const v = half - Math.abs(grid[i]! - mid);
      const base = i * layers;
      if (!(v > top[base + last]!)) continue;
      let k = last;
      while (k > 0 && top[base + k - 1]! < v) {
        top[base + k] = top[base + k - 1]!;
        k -= 1;
      }
      top[base + k] = v;
    }
  }
  const values = new Float64Array(m * layers);
  for (let i = 0; i < m; i += 1) {
    for (let k = 0; k < layers; k += 1) values[k * m + i] = top[i * layers + k]! * scale;
  }
  return values;
}
