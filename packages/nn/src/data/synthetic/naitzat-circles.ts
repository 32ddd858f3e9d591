import { seededRandom } from "@nettopo/core";
import { optionalInteger, optionalSeed, requireOptions } from "../../validate.js";
import { createDataset, type Dataset } from "../dataset.js";

/** Options of {@link naitzatCircles}. */
export interface NaitzatCirclesOptions {
  /** Number of points; default 10000 (the authors sub-sampled 10000 points). */
  readonly count?: number;
  /** Seed; default 0. */
  readonly seed?: number;
}

/** Disc centres of D-I: the origin and eight points at radius 7, every 45 degrees. */
const CENTRES: readonly (readonly [number, number])[] = [
  [0, 0],
  ...Array.from(
    { length: 8 },
    (_, k) => [7 * Math.cos((Math.PI * k) / 4), 7 * Math.sin((Math.PI * k) / 4)] as const,
  ),
];

/**
 * The data set D-I of Naitzat, Zhitnikov and Lim, "Topology of deep neural
 * networks" (JMLR 21(184), 2020): in the square [-10, 10]^2, nine discs of
 * radius 1.3 — one at the origin and eight centred on the circle of radius 7
 * at angles 0, 45, ..., 315 degrees — form class 0 ("discs": Betti numbers
 * (9, 0)); the rest of the square, minus an empty margin of width 0.5 around
 * each disc, is class 1 ("square minus discs": Betti numbers (1, 9)). The
 * geometry follows the authors' generator (topnn_framework,
 * `raw_circles_generator.py`: big_r 7, small_r 1.3, margin 0.5, grid over
 * [-10, 10)); where they took a regular grid of step 0.19 we draw points
 * uniformly (seeded), so about 13.4% of the points are in class 0 (the
 * discs' share of the kept area, 9·pi·1.3^2 / (400 - 9·pi·(1.8^2 - 1.3^2))).
 * Coordinates are not rescaled, as in the authors' data.
 *
 * @param options - See {@link NaitzatCirclesOptions}.
 * @returns A data set of `count` samples of shape [2], class names ["discs", "square minus discs"].
 * @see https://jmlr.org/papers/v21/20-345.html
 * @see https://github.com/topnn/topnn_framework
 * @example
 * ```ts
 * const d1 = naitzatCircles({ count: 5000, seed: 0 });
 * ```
 */
export function naitzatCircles(options?: NaitzatCirclesOptions): Dataset {
  const opts = requireOptions("naitzatCircles: options", options);
  const count = optionalInteger("naitzatCircles: options.count", opts.count, 10000, 0);
  const random = seededRandom(optionalSeed("naitzatCircles: options.seed", opts.seed));
  const inputs = new Float32Array(2 * count);
  const labels = new Int32Array(count);
  for (let k = 0; k < count; ) {
    const x = Math.fround(-10 + 20 * random());
    const y = Math.fround(-10 + 20 * random());
    let nearest = Number.POSITIVE_INFINITY;
    for (const [cx, cy] of CENTRES) nearest = Math.min(nearest, Math.hypot(x - cx, y - cy));
    if (nearest >= 1.3 && nearest < 1.8) continue; // the empty margin
    inputs[2 * k] = x;
    inputs[2 * k + 1] = y;
    labels[k] = nearest < 1.3 ? 0 : 1;
    k += 1;
  }
  return createDataset({
    name: "naitzat-D-I",
    sampleShape: [2],
    inputs,
    labels,
    classNames: ["discs", "square minus discs"],
  });
}
