import { seededRandom } from "@nettopo/core";
import { optionalInteger, optionalSeed, requireOptions } from "../../validate.js";
import { createDataset, type Dataset } from "../dataset.js";

/** Options of {@link ballInCube}. */
export interface BallInCubeOptions {
  /** Number of points; default 1000. */
  readonly count?: number;
  /** Dimension d of the cube [0, 1]^d; default 4 (the data set D^4). */
  readonly dimension?: number;
  /** Seed; default 0. */
  readonly seed?: number;
}

/**
 * The ball-in-cube data set D^d (D^4 by default): points uniform in the cube
 * [0, 1]^d, labelled 1 ("inside") when strictly inside the inscribed ball
 * (centre (1/2, ..., 1/2), radius 1/2) and 0 ("outside") otherwise. The
 * label is computed from the float32 coordinates stored, so it is exact for
 * the data as given to a model.
 *
 * Class balance: the inside fraction is the volume of the d-ball of radius
 * 1/2, pi^(d/2) / Gamma(d/2 + 1) / 2^d: pi/4 ≈ 0.785 for d = 2, pi/6 ≈ 0.524
 * for d = 3, pi^2/32 ≈ 0.308 for d = 4 (so about 31% label 1 on D^4).
 *
 * @param options - See {@link BallInCubeOptions}.
 * @returns A data set of `count` samples of shape [d], class names
 *   ["outside", "inside"].
 * @example
 * ```ts
 * const d4 = ballInCube({ count: 5000, seed: 1 });
 * ```
 */
export function ballInCube(options?: BallInCubeOptions): Dataset {
  const opts = requireOptions("ballInCube: options", options);
  const count = optionalInteger("ballInCube: options.count", opts.count, 1000, 0);
  const d = optionalInteger("ballInCube: options.dimension", opts.dimension, 4, 1, 1024);
  const random = seededRandom(optionalSeed("ballInCube: options.seed", opts.seed));
  const inputs = new Float32Array(count * d);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    let r2 = 0;
    for (let j = 0; j < d; j += 1) {
      const x = Math.fround(random());
      inputs[i * d + j] = x;
      r2 += (x - 0.5) * (x - 0.5);
    }
    labels[i] = r2 < 0.25 ? 1 : 0;
  }
  return createDataset({
    name: `ball-in-cube-d${d}`,
    sampleShape: [d],
    inputs,
    labels,
    classNames: ["outside", "inside"],
  });
}
