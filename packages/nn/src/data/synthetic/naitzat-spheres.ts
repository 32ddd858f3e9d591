import { gaussian, seededRandom } from "@nettopo/core";
import { optionalInteger, optionalSeed, requireOptions } from "../../validate.js";
import { createDataset, type Dataset } from "../dataset.js";

/** Options of {@link naitzatSpheres}. */
export interface NaitzatSpheresOptions {
  /** Number of points; default 9450 (the authors' size). */
  readonly count?: number;
  /** Seed; default 0. */
  readonly seed?: number;
}

/** The nine centres of D-III: the origin and the corners (±3, ±3, ±3). */
const CENTRES: readonly (readonly [number, number, number])[] = [
  [0, 0, 0],
  ...[-3, 3].flatMap((x) => [-3, 3].flatMap((y) => [-3, 3].map((z) => [x, y, z] as const))),
];

/** The five spheres at each centre: radius and label. */
const SPHERES: readonly (readonly [number, number])[] = [
  [1, 0],
  [1.05, 0],
  [2, 1],
  [2.05, 1],
  [0.5, 1],
];

/**
 * The data set D-III of Naitzat, Zhitnikov and Lim, "Topology of deep neural
 * networks" (JMLR 21(184), 2020): nested spheres in R^3. At each of nine
 * centres (the origin and the eight points (±3, ±3, ±3)) a thin shell of
 * class 0 (spheres of radius 1 and 1.05) sits between two spheres of class 1
 * (radius 0.5 inside it, a shell of radii 2 and 2.05 around it). Class 0 has
 * Betti numbers (9, 0, 9), class 1 (18, 0, 18); a network must carry each
 * class-0 shell out of the class-1 sphere that encloses it. The construction
 * follows the authors' generator (topnn_framework, `raw_spheres_generation.py`:
 * the five radii, label 1 for radii 0.5, 2, 2.05, the centres, and equal
 * point counts per sphere, so 40% of the points are in class 0); where they
 * placed points on a Fibonacci lattice we draw them uniformly on each sphere
 * (seeded). Coordinates are divided by 5.05, the largest the construction
 * reaches (the authors' MaxAbsScaler), so the data lies in [-1, 1]^3. Points
 * cycle through the 45 spheres.
 *
 * @param options - See {@link NaitzatSpheresOptions}.
 * @returns A data set of `count` samples of shape [3], class names
 *   ["shells at radius 1", "spheres at radii 0.5 and 2"].
 * @see https://jmlr.org/papers/v21/20-345.html
 * @see https://github.com/topnn/topnn_framework
 * @example
 * ```ts
 * const d3 = naitzatSpheres({ seed: 0 });
 * ```
 */
export function naitzatSpheres(options?: NaitzatSpheresOptions): Dataset {
  const opts = requireOptions("naitzatSpheres: options", options);
  const count = optionalInteger("naitzatSpheres: options.count", opts.count, 9450, 0);
  const random = seededRandom(optionalSeed("naitzatSpheres: options.seed", opts.seed));
  const inputs = new Float32Array(3 * count);
  const labels = new Int32Array(count);
  const scale = 3 + 2.05;
  for (let k = 0; k < count; k += 1) {
    const sphere = k % 45;
    const centre = CENTRES[Math.floor(sphere / 5)]!;
    const [radius, label] = SPHERES[sphere % 5]!;
    let x: number;
    let y: number;
    let z: number;
    let norm: number;
    do {
      x = gaussian(random);
      y = gaussian(random);
      z = gaussian(random);
      norm = Math.hypot(x, y, z);
    } while (norm < 1e-12);
    inputs[3 * k] = (centre[0] + (radius * x) / norm) / scale;
    inputs[3 * k + 1] = (centre[1] + (radius * y) / norm) / scale;
    inputs[3 * k + 2] = (centre[2] + (radius * z) / norm) / scale;
    labels[k] = label;
  }
  return createDataset({
    name: "naitzat-D-III",
    sampleShape: [3],
    inputs,
    labels,
    classNames: ["shells at radius 1", "spheres at radii 0.5 and 2"],
  });
}
