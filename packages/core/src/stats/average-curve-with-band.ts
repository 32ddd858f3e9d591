import { type Barcode, requireBarcode } from "../diagrams/barcode.js";
import { describe } from "../metric/validate.js";
import {
  type BootstrapMeanBandOptions,
  type bootstrapMeanBand,
  type MeanBand,
  requireBandOptions,
  requireSampledFunctions,
  seededMeanBand,
} from "./bootstrap-mean-band.js";

/**
 * The average of a vectorization over many barcodes, with a uniform
 * confidence band for its expectation: `vectorize` turns each barcode into a
 * function sampled on a common grid (a persistence landscape, a silhouette, a
 * Betti curve...), and {@link bootstrapMeanBand} gives the mean curve and the
 * multiplier-bootstrap band around it.
 *
 * `vectorize` is called once per barcode, in order, and must return a
 * Float64Array of the same length (the same grid) every time; it is the
 * caller's job that the grid is the same (fix its range, do not derive it from
 * each barcode).
 *
 * @param barcodes - At least 2 barcodes (each checked as
 *   {@link requireBarcode} does); not mutated.
 * @param vectorize - Maps one barcode to its sampled function.
 * @param options - Those of {@link bootstrapMeanBand}: `confidence` (default
 *   0.95), `repeats` (default 1000), `seed` (default 0).
 * @returns The mean curve, the band's lower and upper curves and its half-width.
 * @throws TypeError for a wrong kind of argument or a vectorization that is
 *   not a Float64Array; RangeError for fewer than 2 barcodes, a bad barcode,
 *   vectorizations of different lengths or with non-finite values, or a bad
 *   option.
 * @example
 * ```ts
 * // The Betti curve of each barcode on the grid 0, 0.5, ..., 2:
 * const grid = [0, 0.5, 1, 1.5, 2];
 * const betti = (bars: Barcode) =>
 *   Float64Array.from(grid, (t) => bars.births.filter((b, k) => b <= t && t < bars.deaths[k]).length);
 * const band = averageCurveWithBand(
 *   [barcode([[0, 1], [0, 2]]), barcode([[0, 1.5]]), barcode([[0, 2], [0.2, 0.6]])],
 *   betti,
 *   { repeats: 200 },
 * );
 * band.mean; // Float64Array [1.3333333333333333, 1.6666666666666667, 1, 0.6666666666666666, 0]
 * ```
 * @see F. Chazal, B. T. Fasy, F. Lecci, A. Rinaldo, L. Wasserman, "Stochastic
 *   convergence of persistence landscapes and silhouettes", Journal of
 *   Computational Geometry 6(2) (2015).
 */
export function averageCurveWithBand(
  barcodes: readonly Barcode[],
  vectorize: (bars: Barcode) => Float64Array,
  options?: BootstrapMeanBandOptions,
): MeanBand {
  const caller = "averageCurveWithBand";
  const settings = requireBandOptions(caller, options);
  if (!Array.isArray(barcodes)) {
    throw new TypeError(
      `${caller}: barcodes must be an array of barcodes; got ${describe(barcodes)}`,
    );
  }
  if (typeof vectorize !== "function") {
    throw new TypeError(
      `${caller}: vectorize must be a function (bars) => Float64Array; got ${describe(vectorize)}`,
    );
  }
  const rows = barcodes.map((bars, i) => {
    requireBarcode(`${caller}: barcodes[${i}]`, bars);
    return vectorize(bars);
  });
  requireSampledFunctions(caller, rows, (i) => `vectorize(barcodes[${i}])`);
  return seededMeanBand(rows, settings);
}
