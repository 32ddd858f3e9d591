import { requireInteger, requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { type KeptPairs, keptPairs, requireInfinity } from "./kept-pairs.js";

/** Options of {@link barcodeStatistics}. */
export interface BarcodeStatisticsOptions {
  /** How many of the longest lifetimes to report; default 5. An integer >= 0. */
  readonly topK?: number;
  /**
   * The death given to essential classes (death = Infinity); default: none,
   * essential classes are ignored (finite pairs only). Must be >= every
   * essential birth.
   */
  readonly infinityValue?: number;
}

/** The summary statistics of one barcode's pairs (see {@link barcodeStatistics}). */
export interface BarcodeStatistics {
  /** Number of pairs the statistics are taken over. */
  readonly count: number;
  readonly birthMean: number;
  readonly birthStd: number;
  readonly deathMean: number;
  readonly deathStd: number;
  readonly lifetimeMean: number;
  readonly lifetimeStd: number;
  /** Mean of the midlives `(birth + death) / 2`. */
  readonly midlifeMean: number;
  readonly midlifeStd: number;
  /** The `topK` longest lifetimes, longest first, padded with zeros to length `topK`. */
  readonly topLifetimes: Float64Array;
}

/**
 * Summary statistics of a barcode, as used to predict the generalization gap
 * of neural networks from the persistence of their activations: the mean and
 * standard deviation of births, deaths, lifetimes `death - birth` and midlives
 * `(birth + death) / 2`, and the `topK` longest lifetimes.
 *
 * Standard deviations are population ones (divided by n, numpy's default
 * `ddof=0`). Only pairs off the diagonal are used (a pair with death = birth
 * is dropped, so adding such pairs changes nothing), and only finite pairs
 * unless `infinityValue` is given. With no pair left every statistic is 0 (`count`
 * tells that case apart).
 *
 * @param bars - One dimension's pairs.
 * @param options - `topK` (default 5), `infinityValue` (default: essential classes ignored).
 * @returns The statistics.
 * @throws TypeError or RangeError for an invalid barcode or option.
 * @see Ballester, Arnal Clemente, Casacuberta, Madadi, Corneanu & Escalera,
 *   "Predicting the generalization gap in neural networks using topological
 *   data analysis", Neurocomputing 596 (2024) 127787; Birdal, Lou, Guibas &
 *   Simsekli, "Intrinsic dimension, persistent homology and generalization in
 *   neural networks", NeurIPS 2021.
 * @example
 * ```ts
 * const s = barcodeStatistics(barcode([[0, 2], [1, 2], [0, null]]), { topK: 3 });
 * s.lifetimeMean; // 1.5
 * s.lifetimeStd; // 0.5
 * s.topLifetimes; // Float64Array [2, 1, 0]
 * ```
 */
export function barcodeStatistics(
  bars: Barcode,
  options?: BarcodeStatisticsOptions,
): BarcodeStatistics {
  const caller = "barcodeStatistics";
  const opts = requireOptions(`${caller}: options`, options);
  const topK =
    opts.topK === undefined ? 5 : requireInteger(`${caller}: options.topK`, opts.topK, 0);
  const infinity = requireInfinity(caller, opts.infinityValue);
  return statisticsOf(keptPairs(caller, bars, infinity), topK);
}

/** The statistics of pairs already kept (internal, shared with `diagramStatistics`). */
export function statisticsOf(pairs: KeptPairs, topK: number): BarcodeStatistics {
  const { births, deaths, lifetimes } = pairs;
  const n = births.length;
  const midlives = new Float64Array(n);
  for (let k = 0; k < n; k += 1) midlives[k] = (births[k]! + deaths[k]!) / 2;
  const [birthMean, birthStd] = meanAndStd(births);
  const [deathMean, deathStd] = meanAndStd(deaths);
  const [lifetimeMean, lifetimeStd] = meanAndStd(lifetimes);
  const [midlifeMean, midlifeStd] = meanAndStd(midlives);
  const sorted = Float64Array.from(lifetimes).sort().reverse();
  const topLifetimes = new Float64Array(topK);
  topLifetimes.set(sorted.subarray(0, Math.min(topK, n)));
  return {
    count: n,
    birthMean,
    birthStd,
    deathMean,
    deathStd,
    lifetimeMean,
    lifetimeStd,
    midlifeMean,
    midlifeStd,
    topLifetimes,
  };
}

/** Mean and population standard deviation (two passes); `[0, 0]` when empty. */
function meanAndStd(values: Float64Array): [number, number] {
  const n = values.length;
  if (n === 0) return [0, 0];
  let sum = 0;
  for (let k = 0; k < n; k += 1) sum += values[k]!;
  const mean = sum / n;
  let squares = 0;
  for (let k = 0; k < n; k += 1) {
    const d = values[k]! - mean;
    squares += d * d;
  }
  return [mean, Math.sqrt(squares / n)];
}
