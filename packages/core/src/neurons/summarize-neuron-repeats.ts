import { barcodeOf } from "../diagrams/barcode.js";
import type { NamedFeatures } from "../diagrams/features/diagram-statistics.js";
import { bettiCurve, fitBettiCurve } from "../diagrams/vectorize/betti-curve.js";
import { describe, requireInteger, requireOptions } from "../metric/validate.js";
import { averageBettiCurve } from "../stats/average-betti-curve.js";
import type { PersistenceDiagram } from "../types.js";
import { neuronFeatures } from "./neuron-features.js";

/** Options of {@link summarizeNeuronRepeats}. */
export interface SummarizeNeuronRepeatsOptions {
  /** The dimensions summarized are 0..maxDim; default 1. */
  readonly maxDim?: number;
  /** How many of the longest lifetimes per group in the features; default 5. */
  readonly topK?: number;
  /** Sample points of the Betti curves; default 100. */
  readonly resolution?: number;
  /** Coverage of the Betti curve band, strictly between 0 and 1; default 0.95. */
  readonly confidence?: number;
  /** Multiplier-bootstrap repeats of the band; default 1000. */
  readonly bandRepeats?: number;
  /** Seed of the band's multipliers; default 0. */
  readonly seed?: number;
}

/** The spread of each named feature over the repeats. */
export interface FeatureSpread {
  readonly names: readonly string[];
  /** Mean over the repeats. */
  readonly mean: Float64Array;
  /** Sample standard deviation (n - 1 in the denominator; 0 for one repeat). */
  readonly std: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
}

/** The Betti curves of one dimension over the repeats, on one grid. */
export interface BettiCurveBand {
  readonly dim: number;
  /** The sample points, fitted on the diagrams of every repeat together. */
  readonly grid: Float64Array;
  /** `curves[r]`: repeat r's Betti curve on the grid. */
  readonly curves: readonly Float64Array[];
  /** The pointwise mean curve. */
  readonly mean: Float64Array;
  /** The confidence band around the mean (null for a single repeat). */
  readonly lower: Float64Array | null;
  readonly upper: Float64Array | null;
  readonly halfWidth: number | null;
}

/** What {@link summarizeNeuronRepeats} gives. */
export interface NeuronRepeatsSummary {
  /** `features[r]`: {@link neuronFeatures} of repeat r's diagram. */
  readonly features: readonly NamedFeatures[];
  /** Mean, standard deviation, min and max of each feature. */
  readonly spread: FeatureSpread;
  /** One entry per dimension 0..maxDim. */
  readonly bettiCurves: readonly BettiCurveBand[];
}

/**
 * Summarizes the diagrams of repeated samples of neurons (bootstrap
 * repeats): the features of each ({@link neuronFeatures}), their mean and
 * spread, and for each dimension the Betti curves of all the repeats on one
 * grid fitted on all of them ({@link fitBettiCurve}) with their mean and a
 * uniform confidence band for the expected Betti curve
 * ({@link averageBettiCurve}: the multiplier bootstrap of Chazal et al.).
 * Everything depends only on the diagrams, in order, and the options.
 *
 * @param diagrams - At least one diagram, in repeat order.
 * @param options - `maxDim` (1), `topK` (5), `resolution` (100),
 *   `confidence` (0.95), `bandRepeats` (1000), `seed` (0).
 * @returns The per-repeat features, their spread and the Betti curve bands.
 * @throws TypeError / RangeError for no diagram, a bad diagram or option.
 * @example
 * ```ts
 * const a = { dimensions: [{ dim: 0, ...barcode([[0, 1], [0, null]]) }] };
 * const b = { dimensions: [{ dim: 0, ...barcode([[0, 3], [0, null]]) }] };
 * const { spread, bettiCurves } = summarizeNeuronRepeats([a, b], { maxDim: 0, resolution: 4 });
 * spread.mean[spread.names.indexOf("h0.lifetime.mean")]; // 2
 * bettiCurves[0].mean; // Float64Array [2, 1.5, 1.5, 1.5]: H0 bars alive at 0.6, 1.2, 1.8, 2.4
 * ```
 * @see F. Chazal, B. T. Fasy, F. Lecci, A. Rinaldo, L. Wasserman,
 *   "Stochastic convergence of persistence landscapes and silhouettes",
 *   Journal of Computational Geometry 6(2) (2015).
 */
export function summarizeNeuronRepeats(
  diagrams: readonly PersistenceDiagram[],
  options?: SummarizeNeuronRepeatsOptions,
): NeuronRepeatsSummary {
  const caller = "summarizeNeuronRepeats";
  if (!Array.isArray(diagrams)) {
    throw new TypeError(
      `${caller}: diagrams must be an array of diagrams; got ${describe(diagrams)}`,
    );
  }
  if (diagrams.length === 0) {
    throw new RangeError(`${caller}: diagrams must hold at least one diagram; got none`);
  }
  const opts = requireOptions(`${caller}: options`, options);
  const maxDim =
    opts.maxDim === undefined ? 1 : requireInteger(`${caller}: options.maxDim`, opts.maxDim, 0);
  const resolution =
    opts.resolution === undefined
      ? 100
      : requireInteger(`${caller}: options.resolution`, opts.resolution, 1);
  const features = diagrams.map((diagram) =>
    neuronFeatures(diagram, { maxDim, ...(opts.topK === undefined ? {} : { topK: opts.topK }) }),
  );
  const band = {
    ...(opts.confidence === undefined ? {} : { confidence: opts.confidence }),
    ...(opts.bandRepeats === undefined ? {} : { repeats: opts.bandRepeats }),
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
  };
  const bettiCurves: BettiCurveBand[] = [];
  for (let dim = 0; dim <= maxDim; dim++) {
    const barcodes = diagrams.map((diagram) => barcodeOf(diagram, dim));
    const settings = fitBettiCurve(barcodes, { resolution });
    const curves = barcodes.map((bars) => bettiCurve(bars, settings).values);
    const grid = bettiCurve(barcodes[0]!, settings).grid;
    if (curves.length === 1) {
      bettiCurves.push({
        dim,
        grid,
        curves,
        mean: new Float64Array(curves[0]!),
        lower: null,
        upper: null,
        halfWidth: null,
      });
    } else {
      const average = averageBettiCurve(barcodes, { grid }, band);
      bettiCurves.push({
        dim,
        grid,
        curves,
        mean: average.mean,
        lower: average.lower,
        upper: average.upper,
        halfWidth: average.halfWidth,
      });
    }
  }
  return { features, spread: spreadOf(features), bettiCurves };
}

function spreadOf(features: readonly NamedFeatures[]): FeatureSpread {
  const names = features[0]!.names;
  const m = names.length;
  const n = features.length;
  const mean = new Float64Array(m);
  const std = new Float64Array(m);
  const min = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  for (const { values } of features) {
    for (let f = 0; f < m; f++) {
      const v = values[f]!;
      mean[f]! += v;
      if (v < min[f]!) min[f] = v;
      if (v > max[f]!) max[f] = v;
    }
  }
  for (let f = 0; f < m; f++) mean[f]! /= n;
  if (n > 1) {
    for (const { values } of features) {
      for (let f = 0; f < m; f++) {
        const d = values[f]! - mean[f]!;
        std[f]! += d * d;
      }
    }
    for (let f = 0; f < m; f++) std[f] = Math.sqrt(std[f]! / (n - 1));
  }
  return { names, mean, std, min, max };
}
