import { describe, requireOptions } from "../metric/validate.js";
import { gaussian, seededRandom } from "../random.js";
import { empiricalQuantile } from "./empirical-quantile.js";
import { requireConfidence, requireRepeats, requireSeed } from "./resampling-options.js";

/** Options of {@link bootstrapMeanBand}. */
export interface BootstrapMeanBandOptions {
  /** The coverage 1 - alpha of the band, strictly between 0 and 1; default 0.95. */
  readonly confidence?: number;
  /** The number B of bootstrap repeats, an integer >= 1; default 1000. */
  readonly repeats?: number;
  /** The seed of the Gaussian multipliers (any integer); default 0. */
  readonly seed?: number;
}

/**
 * A uniform confidence band around a mean curve: at every grid point t,
 * `lower[t] = mean[t] - halfWidth` and `upper[t] = mean[t] + halfWidth`.
 */
export interface MeanBand {
  /** The pointwise mean of the functions. */
  readonly mean: Float64Array;
  /** `mean - halfWidth`. */
  readonly lower: Float64Array;
  /** `mean + halfWidth`. */
  readonly upper: Float64Array;
  /** The half-width `c / sqrt(n)` of the band (the same at every grid point). */
  readonly halfWidth: number;
}

/** The band with the bootstrap statistics it came from (internal, for tests). */
export interface MeanBandWithStatistics extends MeanBand {
  /** theta_j = sup_t |(1/sqrt(n)) sum_i xi_ji (f_i(t) - mean(t))|, in repeat order. */
  readonly statistics: Float64Array;
}

/**
 * A uniform confidence band for the mean of n functions sampled on a common
 * grid of m points, by the multiplier bootstrap of Chazal, Fasy, Lecci,
 * Rinaldo and Wasserman (the functions are typically persistence landscapes,
 * silhouettes or Betti curves of n samples, all on the same grid).
 *
 * With the mean curve `mean(t) = (1/n) sum_i f_i(t)`, each of the B repeats
 * draws i.i.d. standard normal multipliers xi_1..xi_n and records
 * `theta = sup_t |(1/sqrt(n)) sum_i xi_i (f_i(t) - mean(t))|` (the sup is the
 * max over the m grid points). With `c` the `confidence` quantile of the B
 * values of theta, the band is `mean(t) ± c / sqrt(n)`: asymptotically it
 * covers the true mean function E[f](t) at every grid point at once with
 * probability `confidence`.
 *
 * The quantile is the paper's `Z = inf { z : (1/B) #{j : theta_j > z} <= 1 - confidence }`,
 * i.e. the k-th smallest theta for `k = ceil(confidence * B)` (no
 * interpolation; numpy's `np.quantile(theta, confidence, method="inverted_cdf")`).
 * A product `confidence * B` within rounding error of an integer counts as
 * that integer (numpy rounds `0.07 * 100 = 7.000000000000001` up to rank 8;
 * this gives rank 7).
 *
 * The band is uniform over the m grid points (the sup is a max over them),
 * not over the continuum between them. The paper proves its asymptotic
 * validity (n → ∞) for uniformly bounded functions such as landscapes and
 * silhouettes of diagrams with bounded persistence; for small n the coverage
 * runs a little under `confidence`.
 *
 * The multipliers are drawn repeat by repeat (repeat j draws xi_1..xi_n in
 * order) from `gaussian(seededRandom(seed))`.
 *
 * @param functions - The n >= 2 sampled functions, one Float64Array of the
 *   common length m >= 1 per function (function i's value at grid point t is
 *   `functions[i][t]`); every value finite. Not mutated.
 * @param options - `confidence` (default 0.95), `repeats` (default 1000),
 *   `seed` (default 0).
 * @returns The mean curve, the band's lower and upper curves (new
 *   Float64Arrays of length m) and its half-width.
 * @throws TypeError for a wrong kind of argument; RangeError for fewer than 2
 *   functions, rows of unequal or zero length, a non-finite value, or a bad
 *   option.
 * @example
 * ```ts
 * const grid = Array.from({ length: 5 }, (_, t) => t / 4);
 * const curves = [0.5, 1, 1.5, 1].map((a) => Float64Array.from(grid, (t) => a * t));
 * const band = bootstrapMeanBand(curves, { repeats: 200, seed: 1 });
 * band.mean; // Float64Array [0, 0.25, 0.5, 0.75, 1]
 * band.lower[4] < 1 && band.upper[4] > 1; // true: mean ± halfWidth
 * ```
 * @see F. Chazal, B. T. Fasy, F. Lecci, A. Rinaldo, L. Wasserman, "Stochastic
 *   convergence of persistence landscapes and silhouettes", Journal of
 *   Computational Geometry 6(2) (2015), the multiplier bootstrap algorithm and
 *   its validity theorem.
 */
export function bootstrapMeanBand(
  functions: readonly Float64Array[],
  options?: BootstrapMeanBandOptions,
): MeanBand {
  const caller = "bootstrapMeanBand";
  const settings = requireBandOptions(caller, options);
  requireSampledFunctions(caller, functions, (i) => `functions[${i}]`);
  return seededMeanBand(functions, settings);
}

/** The checked options of a mean band, defaults filled in. */
export interface BandSettings {
  readonly confidence: number;
  readonly repeats: number;
  readonly seed: number;
}

/** Checks the options of {@link bootstrapMeanBand} for `caller`. */
export function requireBandOptions(
  caller: string,
  options: BootstrapMeanBandOptions | undefined,
): BandSettings {
  const opts = requireOptions(`${caller}: options`, options);
  return {
    confidence: requireConfidence(caller, opts.confidence),
    repeats: requireRepeats(caller, opts.repeats, 1000),
    seed: requireSeed(caller, opts.seed),
  };
}

/** The band of trusted functions with the multipliers of `gaussian(seededRandom(seed))`. */
export function seededMeanBand(
  functions: readonly Float64Array[],
  settings: BandSettings,
): MeanBand {
  const random = seededRandom(settings.seed);
  const { mean, lower, upper, halfWidth } = meanBandWith(
    functions,
    settings.confidence,
    settings.repeats,
    () => gaussian(random),
  );
  return { mean, lower, upper, halfWidth };
}

/**
 * Checks the functions of a mean band: an array of at least two Float64Arrays
 * of one length >= 1 with finite values. `rowName(i)` names row i in messages.
 */
export function requireSampledFunctions(
  caller: string,
  functions: unknown,
  rowName: (i: number) => string,
): void {
  if (!Array.isArray(functions)) {
    throw new TypeError(
      `${caller}: functions must be an array of Float64Arrays (one sampled function each); got ${describe(functions)}`,
    );
  }
  if (functions.length < 2) {
    throw new RangeError(`${caller}: a band needs at least 2 functions; got ${functions.length}`);
  }
  let m = 0;
  for (let i = 0; i < functions.length; i++) {
    const row: unknown = functions[i];
    if (!(row instanceof Float64Array)) {
      throw new TypeError(`${caller}: ${rowName(i)} must be a Float64Array; got ${describe(row)}`);
    }
    if (i === 0) {
      m = row.length;
      if (m < 1)
        throw new RangeError(
          `${caller}: ${rowName(0)} is empty; a function needs at least one value`,
        );
    } else if (row.length !== m) {
      throw new RangeError(
        `${caller}: ${rowName(i)} has ${row.length} values but ${rowName(0)} has ${m}; all functions share one grid`,
      );
    }
    for (let t = 0; t < m; t++) {
      if (!Number.isFinite(row[t])) {
        throw new RangeError(
          `${caller}: ${rowName(i)}[${t}] must be finite; got ${describe(row[t])}`,
        );
      }
    }
  }
}

/**
 * The multiplier bootstrap band of trusted functions (validated by the
 * caller), with the multipliers taken from `multiplier()`: B * n calls, repeat
 * by repeat. Lets a test supply the multipliers of a reference computation.
 */
export function meanBandWith(
  functions: readonly Float64Array[],
  confidence: number,
  repeats: number,
  multiplier: () => number,
): MeanBandWithStatistics {
  const n = functions.length;
  const m = (functions[0] as Float64Array).length;
  const mean = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const row = functions[i] as Float64Array;
    for (let t = 0; t < m; t++) mean[t] += row[t] as number;
  }
  for (let t = 0; t < m; t++) mean[t] /= n;
  const centered = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = functions[i] as Float64Array;
    const offset = i * m;
    for (let t = 0; t < m; t++) centered[offset + t] = (row[t] as number) - (mean[t] as number);
  }

  const scale = 1 / Math.sqrt(n);
  const sum = new Float64Array(m);
  const statistics = new Float64Array(repeats);
  for (let j = 0; j < repeats; j++) {
    sum.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = multiplier();
      const offset = i * m;
      for (let t = 0; t < m; t++) sum[t] += xi * (centered[offset + t] as number);
    }
    let sup = 0;
    for (let t = 0; t < m; t++) {
      const a = Math.abs(sum[t] as number);
      if (a > sup) sup = a;
    }
    statistics[j] = sup * scale;
  }

  const halfWidth = empiricalQuantile(statistics, confidence) * scale;
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    lower[t] = (mean[t] as number) - halfWidth;
    upper[t] = (mean[t] as number) + halfWidth;
  }
  return { mean, lower, upper, halfWidth, statistics };
}
