import type { Barcode } from "../diagrams/barcode.js";
import {
  fitPersistenceLandscape,
  type PersistenceLandscapeOptions,
  persistenceLandscape,
} from "../diagrams/vectorize/persistence-landscape.js";
import type { AverageCurve } from "./average-betti-curve.js";
import { averageCurveWithBand } from "./average-curve-with-band.js";
import type { BootstrapMeanBandOptions } from "./bootstrap-mean-band.js";

/** The mean landscape of many barcodes with its band; layers row-major as in a landscape. */
export interface AverageLandscape extends AverageCurve {
  readonly numLandscapes: number;
  readonly resolution: number;
}

/**
 * The average persistence landscape of a set of barcodes with a uniform
 * multiplier-bootstrap confidence band for the expected landscape, over all
 * its layers at once (Chazal, Fasy, Lecci, Rinaldo, Wasserman, "Stochastic
 * convergence of persistence landscapes and silhouettes", JoCG 2015). The grid
 * is fitted on all the barcodes together ({@link fitPersistenceLandscape})
 * unless `landscape.sampleRange` fixes it. `mean`, `lower` and `upper` hold the
 * layers row-major: layer k at `[k * resolution, (k + 1) * resolution)`.
 *
 * @param barcodes - At least 2 barcodes.
 * @param landscape - Landscape options (default: 5 layers, 100 samples).
 * @param band - `confidence` (0.95), `repeats` (1000), `seed` (0).
 * @example
 * ```ts
 * const average = averageLandscape(
 *   [barcode([[0, 1]]), barcode([[0, 2]]), barcode([[0.5, 2]])],
 *   { numLandscapes: 1, resolution: 50 },
 * );
 * average.upper[25] >= average.mean[25]; // true
 * ```
 */
export function averageLandscape(
  barcodes: readonly Barcode[],
  landscape?: PersistenceLandscapeOptions,
  band?: BootstrapMeanBandOptions,
): AverageLandscape {
  const settings = fitPersistenceLandscape(barcodes, landscape);
  const result = averageCurveWithBand(
    barcodes,
    (bars) => persistenceLandscape(bars, settings).values,
    band,
  );
  const empty = persistenceLandscape(
    { births: new Float64Array(0), deaths: new Float64Array(0) },
    settings,
  );
  return {
    ...result,
    grid: empty.grid,
    numLandscapes: empty.numLandscapes,
    resolution: empty.resolution,
  };
}
