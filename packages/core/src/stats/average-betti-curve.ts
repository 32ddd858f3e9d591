import type { Barcode } from "../diagrams/barcode.js";
import {
  type BettiCurveOptions,
  bettiCurve,
  fitBettiCurve,
} from "../diagrams/vectorize/betti-curve.js";
import { averageCurveWithBand } from "./average-curve-with-band.js";
import type { BootstrapMeanBandOptions, MeanBand } from "./bootstrap-mean-band.js";

/** The mean Betti curve of many barcodes with its confidence band, and its grid. */
export interface AverageCurve extends MeanBand {
  readonly grid: Float64Array;
}

/**
 * The average Betti curve of a set of barcodes (e.g. the H1 diagrams of B
 * bootstrap repeats, or of the networks of one architecture) with a uniform
 * multiplier-bootstrap confidence band for the expected Betti curve
 * (Chazal et al. 2015). The grid is fitted on all the barcodes together
 * ({@link fitBettiCurve}) unless `curve.sampleRange` or `curve.grid` fixes it.
 *
 * @param barcodes - At least 2 barcodes.
 * @param curve - Betti curve options (default: 100 samples over the fitted range).
 * @param band - `confidence` (0.95), `repeats` (1000), `seed` (0).
 * @example
 * ```ts
 * const { grid, mean, lower, upper } = averageBettiCurve(
 *   [barcode([[0, 1]]), barcode([[0, 2]]), barcode([[0.5, 2]])],
 *   { resolution: 5 },
 * );
 * ```
 */
export function averageBettiCurve(
  barcodes: readonly Barcode[],
  curve?: BettiCurveOptions,
  band?: BootstrapMeanBandOptions,
): AverageCurve {
  const settings = fitBettiCurve(barcodes, curve);
  const result = averageCurveWithBand(barcodes, (bars) => bettiCurve(bars, settings).values, band);
  return {
    ...result,
    grid: bettiCurve({ births: new Float64Array(0), deaths: new Float64Array(0) }, settings).grid,
  };
}
