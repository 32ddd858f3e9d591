import { gaussian, seededRandom } from "@nettopo/core";
import {
  optionalBoolean,
  optionalInteger,
  optionalNumber,
  optionalSeed,
  requireOptions,
} from "../../validate.js";
import { createDataset, type Dataset } from "../dataset.js";
import { permutation } from "../permutation.js";

/** Options of {@link twoMoons}. */
export interface TwoMoonsOptions {
  /** Number of points; default 100 (scikit-learn's default). */
  readonly count?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate; default 0. */
  readonly noise?: number;
  /** Shuffle the points; default true (scikit-learn's default). */
  readonly shuffle?: boolean;
  /** Seed of the shuffle and the noise; default 0. */
  readonly seed?: number;
}

/**
 * Two interleaving half circles, parametrised as scikit-learn's
 * `make_moons`: `floor(count/2)` points (label 0) at angles
 * `linspace(0, pi)` on the upper unit half circle, (cos t, sin t), and the
 * others (label 1) on the lower half circle centred at (1, 0.5),
 * (1 - cos t, 1 - sin t - 0.5); then shuffled, then Gaussian noise of
 * standard deviation `noise` added to every coordinate. The random numbers
 * come from nettopo's seeded generator, not NumPy's, so the points match
 * scikit-learn's exactly only without noise (as a set).
 *
 * @param options - See {@link TwoMoonsOptions}.
 * @returns A data set of `count` samples of shape [2], class names ["upper", "lower"].
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.datasets.make_moons.html
 * @example
 * ```ts
 * const moons = twoMoons({ count: 500, noise: 0.1, seed: 3 });
 * ```
 */
export function twoMoons(options?: TwoMoonsOptions): Dataset {
  const opts = requireOptions("twoMoons: options", options);
  const count = optionalInteger("twoMoons: options.count", opts.count, 100, 0);
  const noise = optionalNumber("twoMoons: options.noise", opts.noise, 0, 0);
  const shuffle = optionalBoolean("twoMoons: options.shuffle", opts.shuffle, true);
  const random = seededRandom(optionalSeed("twoMoons: options.seed", opts.seed));
  const outer = Math.floor(count / 2);
  const inner = count - outer;
  const angle = (k: number, n: number) => (n === 1 ? 0 : (Math.PI * k) / (n - 1));
  const xs = new Float64Array(2 * count);
  const ys = new Int32Array(count);
  for (let k = 0; k < outer; k += 1) {
    const t = angle(k, outer);
    xs[2 * k] = Math.cos(t);
    xs[2 * k + 1] = Math.sin(t);
  }
  for (let k = 0; k < inner; k += 1) {
    const t = angle(k, inner);
    const i = outer + k;
    xs[2 * i] = 1 - Math.cos(t);
    xs[2 * i + 1] = 1 - Math.sin(t) - 0.5;
    ys[i] = 1;
  }
  const order = shuffle
    ? permutation(count, random)
    : Int32Array.from({ length: count }, (_, i) => i);
  const inputs = new Float32Array(2 * count);
  const labels = new Int32Array(count);
  for (let k = 0; k < count; k += 1) {
    const i = order[k]!;
    labels[k] = ys[i]!;
    for (let j = 0; j < 2; j += 1) {
      inputs[2 * k + j] = xs[2 * i + j]! + (noise > 0 ? noise * gaussian(random) : 0);
    }
  }
  return createDataset({
    name: "two-moons",
    sampleShape: [2],
    inputs,
    labels,
    classNames: ["upper", "lower"],
  });
}
