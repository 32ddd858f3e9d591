import { requireInteger, requireOptions } from "../metric/validate.js";
import { seededRandom } from "../random.js";
import { requireSeed } from "../stats/resampling-options.js";
import { sampleIndices } from "./sample-indices.js";

/** Options of {@link selectInputs}. */
export interface SelectInputsOptions {
  /** How many inputs, an integer >= 0; default all (`samples`). More than `samples` means all. */
  readonly count?: number;
  /** The seed of the sample (any integer); default 0. */
  readonly seed?: number;
}

/**
 * A seeded uniform sample of inputs, without replacement: `count` distinct
 * indices of `0..samples-1`, ascending (every subset of that size is equally
 * likely: a partial Fisher-Yates shuffle driven by `seededRandom(seed)`).
 * With no count, every input.
 *
 * @param samples - The number of inputs to choose from, an integer >= 0.
 * @param options - `count` (default all), `seed` (default 0).
 * @returns New sorted indices.
 * @throws TypeError / RangeError for a bad count, seed or size.
 * @example
 * ```ts
 * selectInputs(10, { count: 3, seed: 1 }); // Int32Array of 3 sorted indices, the same every run
 * selectInputs(4); // Int32Array [0, 1, 2, 3]
 * ```
 */
export function selectInputs(samples: number, options?: SelectInputsOptions): Int32Array {
  requireInteger("selectInputs: samples", samples, 0);
  const opts = requireOptions("selectInputs: options", options);
  const count =
    opts.count === undefined
      ? samples
      : requireInteger("selectInputs: options.count", opts.count, 0);
  const seed = requireSeed("selectInputs", opts.seed);
  return sampleIndices(samples, count, seededRandom(seed));
}
