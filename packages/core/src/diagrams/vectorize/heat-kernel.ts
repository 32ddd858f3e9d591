/**
 * The heat-kernel (persistence scale-space) image of a barcode: Gaussians on
 * the points minus Gaussians on their mirror images across the diagonal.
 */

import { requireInteger, requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { fitSettings, vectorizationInput } from "./barcode-vectorization.js";
import {
  birthDeathRange,
  DEFAULT_RESOLUTION,
  finitePairs,
  linspace,
  requireInfinityValue,
  requireNumber,
  requireRange,
} from "./sample-grid.js";

/** Options of {@link heatKernel} and {@link fitHeatKernel}. */
export interface HeatKernelOptions {
  /**
   * Number of samples along each axis (the image is `resolution ×
   * resolution`); an integer >= 1, default `100` (giotto-tda's `n_bins`).
   */
  readonly resolution?: number;
  /**
   * `[min, max]` of the filtration values sampled on both axes (birth and
   * death), finite, `min <= max`, sampled from end to end. Default: fitted as
   * `[smallest birth, largest death]` (giotto-tda's `HeatKernel.fit`;
   * `[0, 1]` without pairs).
   */
  readonly sampleRange?: readonly [number, number];
  /**
   * Standard deviation σ of the Gaussians, in filtration units; finite and
   * > 0, default `1` (giotto-tda's `sigma` default). Choose it from your
   * data's scale.
   */
  readonly sigma?: number;
  /**
   * Essential classes (death `Infinity`): dropped by default; with a finite
   * `infinityValue`, their death becomes that value (giotto-tda's
   * `infinity_values`, which its diagrams always went through). Must be >=
   * every essential birth.
   */
  readonly infinityValue?: number;
}

/** {@link HeatKernelOptions} with every field resolved, as {@link fitHeatKernel} returns them. */
export interface HeatKernelSettings {
  readonly resolution: number;
  readonly sampleRange: readonly [number, number];
  readonly sigma: number;
  /** `undefined`: essential classes are dropped. */
  readonly infinityValue: number | undefined;
}

/** A sampled heat-kernel image. */
export interface HeatKernelImage {
  /** The sample points of both axes, ascending. */
  readonly grid: Float64Array;
  /**
   * The image, row-major with one row per death sample, lowest death first:
   * `values[j * resolution + i]` is the function at birth `grid[i]` and death
   * `grid[j]`. Non-negative above the diagonal (`j > i`, up to rounding),
   * the exact negative of its mirror below
   * (`values[i * resolution + j] = -values[j * resolution + i]`), zero on it.
   */
  readonly values: Float64Array;
  readonly resolution: number;
  /** The settings that made it (the fitted range when none was given). */
  readonly settings: HeatKernelSettings;
}

/**
 * Learns the settings of {@link heatKernel} from a set of barcodes: when
 * `options.sampleRange` is not given, it is `[smallest birth, largest death]`
 * over all their pairs after the essential-class policy (giotto-tda's
 * `HeatKernel().fit(diagrams)`).
 *
 * @param barcodes - The barcodes to fit on. Not modified.
 * @param options - {@link HeatKernelOptions}.
 * @returns The complete settings.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * fitHeatKernel([barcode([[0, 2]]), barcode([[1, 4]])], { sigma: 0.1 }).sampleRange; // [0, 4]
 * ```
 */
export function fitHeatKernel(
  barcodes: readonly Barcode[],
  options?: HeatKernelOptions,
): HeatKernelSettings {
  return fitSettings("fitHeatKernel", barcodes, options, resolveHeatKernel);
}

/**
 * The heat-kernel image of a barcode (giotto-tda's `HeatKernel`): the
 * solution at time σ²/2 of the heat equation on the half-plane above the
 * diagonal with the pairs as initial Dirac masses and zero on the diagonal
 * (Reininghaus, Huber, Bauer & Kwitt, "A stable multi-scale kernel for
 * topological machine learning", CVPR 2015), extended antisymmetrically to
 * the plane and sampled on a `resolution × resolution` grid:
 *
 * `u(x, y) = 1/(2πσ²) Σ [exp(-((x-b)² + (y-d)²)/(2σ²)) - exp(-((x-d)² + (y-b)²)/(2σ²))]`
 *
 * over the pairs `(b, d)`, at birth `x = grid[i]` and death `y = grid[j]`.
 * The L2 inner product of two such functions over the plane is GUDHI's
 * `PersistenceScaleSpaceKernel(bandwidth=√2·σ)` divided by `√π·σ`: our
 * tests check the sampled images against it. Points on the diagonal add
 * exactly zero.
 *
 * Relation to giotto-tda's `HeatKernel(sigma, n_bins)`: same grid
 * (`n_bins` points over the fitted `[min, max]`, ends included), same σ and
 * the same `1/(2πσ²)` density normalisation, but giotto-tda first moves
 * each point to the grid sample below it and blurs with a truncated,
 * renormalised discrete Gaussian (scipy's `gaussian_filter`), so its values
 * approximate these to within about one grid step in position. Its image is
 * rotated: its row `r` is our row `resolution - 1 - r`.
 *
 * Cost: O(pairs × resolution) exponentials and O(pairs × w²) multiply–adds,
 * `w <= resolution` the samples where the pair's Gaussians do not underflow
 * to zero.
 *
 * @param bars - The pairs. Not modified.
 * @param options - {@link HeatKernelOptions} or the settings of
 *   {@link fitHeatKernel}: `resolution` (default `100`), `sampleRange`
 *   (default: fitted on `bars`), `sigma` (default `1`), `infinityValue`
 *   (default: drop essential classes).
 * @returns The grid, the image and the settings used.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * const h = heatKernel(barcode([[0, 1]]), { resolution: 3, sampleRange: [0, 1], sigma: 0.5 });
 * h.values[2 * 3 + 0]; // at birth 0, death 1: (1 - e^-4) / (2π · 0.25) ≈ 0.6249
 * ```
 */
export function heatKernel(bars: Barcode, options?: HeatKernelOptions): HeatKernelImage {
  const { settings, pairs } = vectorizationInput("heatKernel", bars, options, resolveHeatKernel);
  const grid = linspace(settings.sampleRange[0], settings.sampleRange[1], settings.resolution);
  const values = heatValues(pairs, grid, settings.sigma);
  return { grid, values, resolution: settings.resolution, settings };
}

function resolveHeatKernel(
  caller: string,
  barcodes: readonly Barcode[],
  options: HeatKernelOptions | undefined,
): HeatKernelSettings {
  const opts = requireOptions(`${caller}: options`, options);
  const resolution =
    opts.resolution === undefined
      ? DEFAULT_RESOLUTION
      : requireInteger(`${caller}: options.resolution`, opts.resolution, 1);
  const sigma = requireNumber(`${caller}: options.sigma`, opts.sigma, 1, "positive");
  const infinityValue = requireInfinityValue(caller, opts.infinityValue);
  let sampleRange: readonly [number, number];
  if (opts.sampleRange !== undefined) {
    const r = requireRange(`${caller}: options.sampleRange`, opts.sampleRange, 2);
    sampleRange = [r[0]!, r[1]!];
  } else {
    sampleRange = birthDeathRange(barcodes.map((bars) => finitePairs(caller, bars, infinityValue)));
  }
  return { resolution, sampleRange, sigma, infinityValue };
}

/**
 * Separable accumulation: with `gb[i] = exp(-(grid[i] - b)²/(2σ²))` and `gd`
 * likewise for `d`, a pair adds `gd[j]·gb[i] - gb[j]·gd[i]` at row `j`,
 * column `i`, over the window where either factor is non-zero.
 */
function heatValues(pairs: Barcode, grid: Float64Array, sigma: number): Float64Array {
  const n = grid.length;
  const values = new Float64Array(n * n);
  const gb = new Float64Array(n);
  const gd = new Float64Array(n);
  const inverse = 1 / (2 * sigma * sigma);
  const { births, deaths } = pairs;
  for (let p = 0; p < births.length; p += 1) {
    const b = births[p]!;
    const d = deaths[p]!;
    if (!(d > b)) continue; // on the diagonal the two Gaussians cancel exactly
    let from = n;
    let to = 0;
    for (let i = 0; i < n; i += 1) {
      const x = grid[i]!;
      const eb = Math.exp(-(x - b) * (x - b) * inverse);
      const ed = Math.exp(-(x - d) * (x - d) * inverse);
      gb[i] = eb;
      gd[i] = ed;
      if (eb !== 0 || ed !== 0) {
        if (i < from) from = i;
        to = i + 1;
      }
    }
    // Rows above the diagonal only (i < j); the rest is mirrored below.
    for (let j = from + 1; j < to; j += 1) {
      const dj = gd[j]!;
      const bj = gb[j]!;
      const row = j * n;
      for (let i = from; i < j; i += 1) values[row + i] += dj * gb[i]! - bj * gd[i]!;
    }
  }
  // The term at (i, j) is exactly minus the one at (j, i) (the same two
  // products, subtracted the other way), so mirroring is exact.
  const normalisation = 1 / (2 * Math.PI * sigma * sigma);
  for (let j = 0; j < n; j += 1) {
    for (let i = 0; i < j; i += 1) {
      const v = values[j * n + i]! * normalisation;
      values[j * n + i] = v;
      values[i * n + j] = 0 - v; // not -v: no -0 in the output
    }
  }
  return values;
}
