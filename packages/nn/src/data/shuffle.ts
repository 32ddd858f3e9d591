import { seededRandom } from "@nettopo/core";
import { optionalSeed, requireOptions } from "../validate.js";
import { type Dataset, requireDataset } from "./dataset.js";
import { permutation } from "./permutation.js";
import { selectSamples } from "./subset.js";

/** Options of {@link shuffle}. */
export interface ShuffleOptions {
  /** Seed of the permutation; default 0. The same seed gives the same order. */
  readonly seed?: number;
}

/**
 * The samples of a data set in a seeded random order (a uniform permutation
 * by the Fisher–Yates shuffle on `seededRandom(seed)`), as a new data set.
 *
 * @param dataset - Any {@link Dataset}.
 * @param options - See {@link ShuffleOptions}.
 * @returns A new data set with the same samples and labels, permuted together.
 * @example
 * ```ts
 * const mixed = shuffle(dataset, { seed: 1 });
 * ```
 */
export function shuffle(dataset: Dataset, options?: ShuffleOptions): Dataset {
  const opts = requireOptions("shuffle: options", options);
  const seed = optionalSeed("shuffle: options.seed", opts.seed);
  const d = requireDataset("shuffle", dataset);
  return selectSamples(d, permutation(d.count, seededRandom(seed)), d.name);
}
