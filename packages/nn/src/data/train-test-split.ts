import { seededRandom } from "@nettopo/core";
import { optionalBoolean, optionalNumber, optionalSeed, requireOptions } from "../validate.js";
import { type Dataset, requireDataset } from "./dataset.js";
import { permutation } from "./permutation.js";
import { selectSamples } from "./subset.js";

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** The fraction of samples in the test set, in (0, 1); default 0.2. */
  readonly testFraction?: number;
  /** Seed of the random assignment; default 0. */
  readonly seed?: number;
  /**
   * Keep each class's proportion in both parts (needs labels); default false.
   */
  readonly stratify?: boolean;
}

/** The two parts of a {@link trainTestSplit}. */
export interface TrainTestSplit {
  readonly train: Dataset;
  readonly test: Dataset;
}

/**
 * Splits a data set into a training and a test part at random, seeded. The
 * test part has `ceil(testFraction * count)` samples, as scikit-learn's
 * `train_test_split` counts them. With `stratify`, each class contributes
 * its share: `testFraction * classCount` rounded by largest remainder so the
 * shares add up to the same total. Both parts keep the original order of
 * their samples; they are named `NAME/train` and `NAME/test`.
 *
 * @param dataset - Any {@link Dataset}.
 * @param options - See {@link TrainTestSplitOptions}.
 * @returns `{ train, test }`, new data sets.
 * @throws RangeError for a fraction outside (0, 1), a part that would be
 *   empty, or `stratify` without labels.
 * @example
 * ```ts
 * const { train, test } = trainTestSplit(ballInCube({ count: 5000 }), { testFraction: 0.2, seed: 1, stratify: true });
 * ```
 */
export function trainTestSplit(dataset: Dataset, options?: TrainTestSplitOptions): TrainTestSplit {
  const opts = requireOptions("trainTestSplit: options", options);
  const fraction = optionalNumber(
    "trainTestSplit: options.testFraction",
    opts.testFraction,
    0.2,
    0,
    1,
  );
  const seed = optionalSeed("trainTestSplit: options.seed", opts.seed);
  const stratify = optionalBoolean("trainTestSplit: options.stratify", opts.stratify, false);
  const d = requireDataset("trainTestSplit", dataset);
  const n = d.count;
  const testCount = Math.ceil(fraction * n - 1e-9);
  if (testCount < 1 || testCount > n - 1) {
    throw new RangeError(
      `trainTestSplit: testFraction ${fraction} of ${n} samples gives ${testCount} test and ${n - testCount} training samples; both parts need at least one`,
    );
  }
  const random = seededRandom(seed);
  const inTest = new Uint8Array(n);
  if (!stratify) {
    const order = permutation(n, random);
    for (let k = 0; k < testCount; k += 1) inTest[order[k]!] = 1;
  } else {
    if (d.labels === undefined) {
      throw new RangeError(`trainTestSplit: options.stratify needs labels; ${d.name} has none`);
    }
    const members = new Map<number, number[]>();
    d.labels.forEach((label, i) => {
      const list = members.get(label);
      if (list === undefined) members.set(label, [i]);
      else list.push(i);
    });
    const classes = [...members.keys()].sort((a, b) => a - b);
    // Largest remainder: floor of each share, then one more for the largest fractional parts.
    const shares = classes.map((c) => fraction * members.get(c)!.length);
    const take = shares.map(Math.floor);
    let missing = testCount - take.reduce((a, b) => a + b, 0);
    const byRemainder = classes
      .map((_, k) => k)
      .sort((a, b) => shares[b]! - take[b]! - (shares[a]! - take[a]!) || a - b);
    for (const k of byRemainder) {
      if (missing <= 0) break;
      if (take[k]! < members.get(classes[k]!)!.length) {
        take[k]! += 1;
        missing -= 1;
      }
    }
    classes.forEach((c, k) => {
      const list = members.get(c)!;
      const order = permutation(list.length, random);
      for (let j = 0; j < take[k]!; j += 1) inTest[list[order[j]!]!] = 1;
    });
  }
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i += 1) (inTest[i] ? test : train).push(i);
  return {
    train: selectSamples(d, train, `${d.name}/train`),
    test: selectSamples(d, test, `${d.name}/test`),
  };
}
