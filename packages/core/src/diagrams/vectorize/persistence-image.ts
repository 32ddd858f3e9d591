/**
 * Persistence images (Adams et al. 2017) sampled at pixel centres, GUDHI's
 * convention.
 */

import { describe, requireInteger, requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { fitSettings, vectorizationInput } from "./barcode-vectorization.js";
import {
  finitePairs,
  linspace,
  requireInfinityValue,
  requireNumber,
  requireRange,
} from "./sample-grid.js";

/** A weight function of a point in birth–persistence coordinates. */
export type PersistenceImageWeight = (birth: number, persistence: number) => number;

/** Options of {@link persistenceImage} and {@link fitPersistenceImage}. */
export interface PersistenceImageOptions {
  /**
   * `[width, height]`: the number of samples along birth and along
   * persistence; integers >= 1, default `[20, 20]` (GUDHI's `resolution`).
   */
  readonly resolution?: readonly [number, number];
  /**
   * `[birthMin, birthMax, persistenceMin, persistenceMax]`, finite, each
   * `min <= max` (GUDHI's `im_range`). Default: fitted from the data as the
   * smallest and largest birth and persistence (`death - birth`) of the
   * pairs (GUDHI's `im_range=[nan]*4`; `[0, 1, 0, 1]` without pairs).
   */
  readonly imageRange?: readonly [number, number, number, number];
  /**
   * Standard deviation of the Gaussian placed on every point, in filtration
   * units; finite and > 0, default `1` (GUDHI's `bandwidth` default). Choose
   * it from your data's scale, e.g. a few pixels wide.
   */
  readonly bandwidth?: number;
  /**
   * Weight of a point `(birth, persistence)`: `"persistence"` (default:
   * linear, `w = persistence`, so points on the diagonal weigh nothing as
   * Adams et al. require for stability), `"constant"` (`w = 1`, GUDHI's
   * default `lambda x: 1`), or a function `(birth, persistence) => number`
   * (GUDHI's `weight` receives the same point `[birth, persistence]`); it
   * must return a finite number.
   */
  readonly weight?: "persistence" | "constant" | PersistenceImageWeight;
  /**
   * Essential classes (death `Infinity`): dropped by default (GUDHI's
   * `DiagramSelector(use=True)`; its `PersistenceImage` cannot take
   * infinite deaths); with a finite `infinityValue`, their death becomes
   * that value (giotto-tda's `infinity_values`). Must be >= every essential
   * birth.
   */
  readonly infinityValue?: number;
}

/** {@link PersistenceImageOptions} with every field resolved, as {@link fitPersistenceImage} returns them. */
export interface PersistenceImageSettings {
  readonly resolution: readonly [number, number];
  readonly imageRange: readonly [number, number, number, number];
  readonly bandwidth: number;
  readonly weight: "persistence" | "constant" | PersistenceImageWeight;
  /** `undefined`: essential classes are dropped. */
  readonly infinityValue: number | undefined;
}

/** A persistence image. */
export interface PersistenceImage {
  /** The `width` birth samples, ascending (the columns). */
  readonly births: Float64Array;
  /** The `height` persistence samples, ascending (the rows). */
  readonly persistences: Float64Array;
  /**
   * The pixels, row-major with one row per persistence sample, lowest
   * persistence first: `values[j * width + i]` is the image at birth
   * `births[i]` and persistence `persistences[j]`. This is GUDHI's
   * flattening. To draw it with the diagonal at the bottom, draw row 0 at
   * the bottom (or flip the rows for an image whose first row is the top).
   */
  readonly values: Float64Array;
  readonly width: number;
  readonly height: number;
  /** The settings that made it (the fitted range when none was given). */
  readonly settings: PersistenceImageSettings;
}

/**
 * Learns the settings of {@link persistenceImage} from a set of barcodes:
 * when `options.imageRange` is not given, it is the smallest and largest
 * birth and persistence over all their pairs after the essential-class
 * policy (GUDHI's `PersistenceImage().fit(diagrams)`).
 *
 * @param barcodes - The barcodes to fit on. Not modified.
 * @param options - {@link PersistenceImageOptions}.
 * @returns The complete settings.
 * @throws TypeError or RangeError naming a bad barcode or option.
 * @example
 * ```ts
 * fitPersistenceImage([barcode([[0, 2]]), barcode([[1, 4]])]).imageRange; // [0, 1, 2, 3]
 * ```
 */
export function fitPersistenceImage(
  barcodes: readonly Barcode[],
  options?: PersistenceImageOptions,
): PersistenceImageSettings {
  return fitSettings("fitPersistenceImage", barcodes, options, resolveImage);
}

/**
 * The persistence image of a barcode: each pair becomes the point
 * `(birth, persistence = death - birth)`, and the image at sample `(x, y)`
 * is `Σ w(b, p) · exp(-((x - b)² + (y - p)²) / (2σ²)) / (2πσ²)` over the
 * points, σ the `bandwidth` (Adams et al., "Persistence images: a stable
 * vector representation of persistent homology", JMLR 18, 2017). The
 * samples are the pixel centres `x = births[i]`, `y = persistences[j]`
 * spaced evenly from end to end of `imageRange` (the Gaussian is evaluated
 * there, not integrated over the pixel, as GUDHI does).
 *
 * Given the same parameters, the values and their order equal GUDHI's
 * `gudhi.representations.PersistenceImage(bandwidth, weight, resolution,
 * im_range)`: `resolution: [width, height]` is its `resolution`,
 * `imageRange` its `im_range`, and `values` its flattened image (persistence
 * rows, birth columns). giotto-tda's `PersistenceImage` is different: it
 * snaps points to pixels and blurs with a discrete filter.
 *
 * Cost: O(pairs × (width + height)) exponentials and
 * O(pairs × width × height) multiply–adds at most (rows and columns where the
 * Gaussian underflows to zero are skipped).
 *
 * @param bars - The pairs. Not modified.
 * @param options - {@link PersistenceImageOptions} or the settings of
 *   {@link fitPersistenceImage}: `resolution` (default `[20, 20]`),
 *   `imageRange` (default: fitted on `bars`), `bandwidth` (default `1`),
 *   `weight` (default `"persistence"`), `infinityValue` (default: drop
 *   essential classes).
 * @returns The sample coordinates, the pixels and the settings used.
 * @throws TypeError or RangeError naming a bad barcode or option, or a
 *   weight that is not a finite number.
 * @example
 * ```ts
 * const image = persistenceImage(barcode([[0, 1], [0.5, 2]]), {
 *   resolution: [10, 8], bandwidth: 0.1,
 * });
 * image.values.length; // 80; pixel (i, j) at image.values[j * 10 + i]
 * ```
 */
export function persistenceImage(
  bars: Barcode,
  options?: PersistenceImageOptions,
): PersistenceImage {
  const caller = "persistenceImage";
  const { settings, pairs } = vectorizationInput(caller, bars, options, resolveImage);
  const [width, height] = settings.resolution;
  const [x0, x1, y0, y1] = settings.imageRange;
  const births = linspace(x0, x1, width);
  const persistences = linspace(y0, y1, height);
  const values = imageValues(caller, pairs, births, persistences, settings);
  return { births, persistences, values, width, height, settings };
}

function resolveImage(
  caller: string,
  barcodes: readonly Barcode[],
  options: PersistenceImageOptions | undefined,
): PersistenceImageSettings {
  const opts = requireOptions(`${caller}: options`, options);
  let resolution: readonly [number, number] = [20, 20];
  if (opts.resolution !== undefined) {
    const r: unknown = opts.resolution;
    if (!Array.isArray(r) || r.length !== 2) {
      throw new TypeError(
        `${caller}: options.resolution must be [width, height]; got ${describe(r)}`,
      );
    }
    resolution = [
      requireInteger(`${caller}: options.resolution[0]`, r[0], 1),
      requireInteger(`${caller}: options.resolution[1]`, r[1], 1),
    ];
  }
  const bandwidth = requireNumber(`${caller}: options.bandwidth`, opts.bandwidth, 1, "positive");
  const weight = opts.weight ?? "persistence";
  if (weight !== "persistence" && weight !== "constant" && typeof weight !== "function") {
    throw new TypeError(
      `${caller}: options.weight must be "persistence", "constant" or a function (birth, persistence) => number; got ${describe(weight)}`,
    );
  }
  const infinityValue = requireInfinityValue(caller, opts.infinityValue);
  let imageRange: readonly [number, number, number, number];
  if (opts.imageRange !== undefined) {
    const r = requireRange(`${caller}: options.imageRange`, opts.imageRange, 4);
    imageRange = [r[0]!, r[1]!, r[2]!, r[3]!];
  } else {
    imageRange = fitImageRange(barcodes.map((bars) => finitePairs(caller, bars, infinityValue)));
  }
  return { resolution, imageRange, bandwidth, weight, infinityValue };
}

function fitImageRange(barcodes: readonly Barcode[]): [number, number, number, number] {
  let bMin = Number.POSITIVE_INFINITY;
  let bMax = Number.NEGATIVE_INFINITY;
  let pMin = Number.POSITIVE_INFINITY;
  let pMax = Number.NEGATIVE_INFINITY;
  for (const { births, deaths } of barcodes) {
    for (let k = 0; k < births.length; k += 1) {
      const b = births[k]!;
      const p = deaths[k]! - b;
      if (b < bMin) bMin = b;
      if (b > bMax) bMax = b;
      if (p < pMin) pMin = p;
      if (p > pMax) pMax = p;
    }
  }
  return bMin <= bMax ? [bMin, bMax, pMin, pMax] : [0, 1, 0, 1];
}

/**
 * Separable accumulation: for each point, the Gaussian factors along birth
 * (`gx`) and persistence (`gy`) are computed once, then their outer product
 * is added over the rows and columns where both are non-zero.
 */
function imageValues(
  caller: string,
  pairs: Barcode,
  xs: Float64Array,
  ys: Float64Array,
  settings: PersistenceImageSettings,
): Float64Array {
  const width = xs.length;
  const height = ys.length;
  const values = new Float64Array(width * height);
  const gx = new Float64Array(width);
  const gy = new Float64Array(height);
  const sigma = settings.bandwidth;
  const inverse = 1 / (2 * sigma * sigma);
  const weight = settings.weight;
  const { births, deaths } = pairs;
  for (let p = 0; p < births.length; p += 1) {
    const b = births[p]!;
    const pers = deaths[p]! - b;
    let w: number;
    if (weight === "persistence") w = pers;
    else if (weight === "constant") w = 1;
    else {
      w = weight(b, pers);
      if (typeof w !== "number" || !Number.isFinite(w)) {
        const error = typeof w === "number" ? RangeError : TypeError;
        throw new error(
          `${caller}: options.weight returned ${describe(w)} for the point (birth ${b}, persistence ${pers}); expected a finite number`,
        );
      }
    }
    if (w === 0) continue;
    let i0 = width;
    let i1 = 0;
    for (let i = 0; i < width; i += 1) {
      const dx = xs[i]! - b;
      const g = Math.exp(-dx * dx * inverse);
      gx[i] = g;
      if (g !== 0) {
        if (i < i0) i0 = i;
        i1 = i + 1;
      }
    }
    if (i0 >= i1) continue;
    for (let j = 0; j < height; j += 1) {
      const dy = ys[j]! - pers;
      gy[j] = Math.exp(-dy * dy * inverse);
    }
    for (let j = 0; j < height; j += 1) {
      const factor = w * gy[j]!;
      if (factor === 0) continue;
      const row = j * width;
      for (let i = i0; i < i1; i += 1) values[row + i] += factor * gx[i]!;
    }
  }
  const normalisation = 1 / (2 * Math.PI * sigma * sigma);
  for (let k = 0; k < values.length; k += 1) values[k] *= normalisation;
  return values;
}
