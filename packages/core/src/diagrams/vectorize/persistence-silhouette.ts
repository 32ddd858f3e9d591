/**
 * Power-weighted persistence silhouettes (Chazal, Fasy, Lecci, Rinaldo &
 * Wasserman 2014), sampled on a grid.
 */

import { requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { fitSettings, vectorizationInput } from "./barcode-vectorization.js";
import {
  requireNumber,
  type SampleGridOptions,
  type SampleGridSettings,
  sampleGrid,
} from "./sample-grid.js";
import { resolveTentSettings } from "./tent-settings.js";
import { tentSupportEnd, tentSupportStart } from "./tent-support.js";

/** Options of {@link persistenceSilhouette} and {@link fitPersistenceSilhouette}. */
export interface PersistenceSilhouetteOptions extends SampleGridOptions {
  /**
   * Exponent `p` of the weight `(death - birth)^p`; finite and >= 0, default
   * `1` (giotto-tda's `Silhouette(power=1.)`). `0` gives every pair the same
   * weight (GUDHI's default `weight=lambda x: 1`), points on the diagonal
   * included; with `p > 0` they weigh nothing.
   */
  readonly power?: number;
  /**
   * Factor applied to every value; finite and > 0, default `1` (the
   * definition, and giotto-tda). GUDHI's `Silhouette` multiplies by
   * `Math.SQRT2`; pass `scale: Math.SQRT2` to get its numbers.
   */
  readonly scale?: number;
  /**
   * Essential classes (death `Infinity`): dropped by default (GUDHI's
   * `DiagramSelector(use=True)`; its `Silhouette` cannot take infinite
   * deaths); with a finite `infinityValue`, their death becomes that value
   * (giotto-tda's `infinity_values`). Must be >= every essential birth.
   */
  readonly infinityValue?: number;
}

/** {@link PersistenceSilhouetteOptions} with every field resolved, as {@link fitPersistenceSilhouette} returns them. */
export interface PersistenceSilhouetteSettings extends SampleGridSettings {
  readonly power: number;
  readonly scale: number;
  /** `undefined`: essential classes are dropped. */
  readonly infinityValue: number | undefined;
}

/** A sampled persistence silhouette. */
export interface PersistenceSilhouette {
  /** The sample points, ascending. */
  readonly grid: Float64Array;
  /** `values[i]`: the silhouette at `grid[i]`. */
  readonly values: Float64Array;
  /** The settings that made it (the fitted range when none was given). */
  readonly settings: PersistenceSilhouetteSettings;
}

/**
 * Learns the settings of {@link persistenceSilhouette} from a set of
 * barcodes: when `options.sampleRange` is not given, the range is
 * `[smallest birth, largest death]` over all their pairs after the
 * essential-class policy (`[0, 1]` when there is no pair); GUDHI's
 * `Silhouette().fit(diagrams)`.
 *
 * @param barcodes - The barcodes to fit on. Not modified.
 * @param options - {@link PersistenceSilhouetteOptions}.
 * @returns The complete settings.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * fitPersistenceSilhouette([barcode([[0, 2]]), barcode([[1, 4]])], { power: 2 }).sampleRange; // [0, 4]
 * ```
 */
export function fitPersistenceSilhouette(
  barcodes: readonly Barcode[],
  options?: PersistenceSilhouetteOptions,
): PersistenceSilhouetteSettings {
  return fitSettings("fitPersistenceSilhouette", barcodes, options, resolveSilhouette);
}

/**
 * The power-weighted silhouette of a barcode sampled on a grid:
 * `scale × Σ w_j Λ_j(x) / Σ w_j` with `w_j = (death_j - birth_j)^power` and
 * the tent `Λ_j(x) = max(0, min(x - birth_j, death_j - x))` (Chazal et al.,
 * "Stochastic convergence of persistence landscapes and silhouettes", SoCG
 * 2014). When every weight is zero (no pair, or only diagonal points with
 * `power > 0`) the silhouette is zero (giotto-tda's rule; GUDHI gives NaN).
 *
 * With `scale: Math.SQRT2` the values equal GUDHI's
 * `Silhouette(weight=lambda x: (x[1] - x[0])**power, resolution,
 * sample_range)` on the same grid; with the default scale and
 * `keepEndpoints: true` on a fitted range they are giotto-tda's
 * `Silhouette(power, n_bins)`. Weights are computed as
 * `(lifetime / longest lifetime)^power`, which cancels in the ratio and
 * cannot overflow for large powers.
 *
 * Cost: O(pairs + sum over pairs of the samples inside the pair).
 *
 * @param bars - The pairs. Not modified.
 * @param options - {@link PersistenceSilhouetteOptions} or the settings of
 *   {@link fitPersistenceSilhouette}: `power` (default `1`), `resolution`
 *   (default `100`), `sampleRange` (default: fitted on `bars`),
 *   `keepEndpoints` (default `true` for a given range, `false` for a fitted
 *   one), `scale` (default `1`), `infinityValue` (default: drop essential
 *   classes).
 * @returns The grid, the values and the settings used.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * const s = persistenceSilhouette(barcode([[0, 2], [1, 2]]), { resolution: 5, sampleRange: [0, 2] });
 * s.values; // weights 2/3 and 1/3: Float64Array [0, 1/3, 2/3, 1/2, 0]
 * ```
 */
export function persistenceSilhouette(
  bars: Barcode,
  options?: PersistenceSilhouetteOptions,
): PersistenceSilhouette {
  const { settings, pairs } = vectorizationInput(
    "persistenceSilhouette",
    bars,
    options,
    resolveSilhouette,
  );
  const grid = sampleGrid(settings);
  const values = silhouetteValues(pairs, grid, settings.power, settings.scale);
  return { grid, values, settings };
}

function resolveSilhouette(
  caller: string,
  barcodes: readonly Barcode[],
  options: PersistenceSilhouetteOptions | undefined,
): PersistenceSilhouetteSettings {
  const opts = requireOptions(`${caller}: options`, options);
  const power = requireNumber(`${caller}: options.power`, opts.power, 1, "nonNegative");
  return resolveTentSettings(caller, barcodes, opts, { power });
}

function silhouetteValues(
  pairs: Barcode,
  grid: Float64Array,
  power: number,
  scale: number,
): Float64Array {
  const m = grid.length;
  const values = new Float64Array(m);
  const { births, deaths } = pairs;
  const n = births.length;
  let longest = 0;
  for (let p = 0; p < n; p += 1) longest = Math.max(longest, deaths[p]! - births[p]!);
  let total = 0;
  if (power === 0) total = n;
  else if (longest > 0) {
    for (let p = 0; p < n; p += 1) total += ((deaths[p]! - births[p]!) / longest) ** power;
  }
  if (!(total > 0)) return values;
  for (let p = 0; p < n; p += 1) {
    const b = births[p]!;
    const d = deaths[p]!;
    if (!(d > b)) continue; // a point on the diagonal: its tent is zero
    const coefficient = (power === 0 ? 1 : ((d - b) / longest) ** power) / total;
    if (coefficient === 0) continue;
    const mid = (b + d) / 2;
    const half = (d - b) / 2;
    const from = tentSupportStart(grid, b);
    const to = tentSupportEnd(grid, d);
    for (let i = from; i < to; i += 1) {
      const v = half - Math.abs(grid[i]! - mid);
      if (v > 0) values[i] += coefficient * v;
    }
  }
  for (let i = 0; i < m; i += 1) values[i] *= scale;
  return values;
}
