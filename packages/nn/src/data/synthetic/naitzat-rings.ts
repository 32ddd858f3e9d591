import { seededRandom } from "@nettopo/core";
import { optionalInteger, optionalNumber, optionalSeed, requireOptions } from "../../validate.js";
import { createDataset, type Dataset } from "../dataset.js";

/** Options of {@link naitzatRings}. */
export interface NaitzatRingsOptions {
  /** Number of points; default 10000. */
  readonly count?: number;
  /**
   * Half-width of the uniform noise added to each coordinate before
   * rescaling; default 0.7 (the authors' 1.4 · U(-0.5, 0.5)). Below about
   * 0.15 the two classes are separated; at 0.7, as in the authors' data,
   * bands of neighbouring centres touch.
   */
  readonly noise?: number;
  /** Seed; default 0. */
  readonly seed?: number;
}

/** The nine centres of D-II and the label of the ring in the z-plane at each. */
const CENTRES: readonly (readonly [number, number, number, number])[] = [
  [3, 3, 3, 0],
  [-3, -3, 3, 1],
  [-3, 3, -3, 0],
  [3, -3, -3, 1],
  [0, 0, 0, 0],
  [-3, -3, -3, 0],
  [3, 3, -3, 1],
  [-3, 3, 3, 0],
  [3, -3, 3, 1],
];

/** The largest |coordinate| the construction can reach, per axis (before noise: 3 + 2.2 + 2.5, 3 + 2.5, 3 + 2.5). */
const EXTENT = (noise: number) => [7.7 + noise, 5.5 + noise, 5.5 + noise] as const;

/**
 * The data set D-II of Naitzat, Zhitnikov and Lim, "Topology of deep neural
 * networks" (JMLR 21(184), 2020): nine pairs of linked thick rings in R^3,
 * the two rings of each pair in different classes, so each class is nine
 * disjoint solid rings (Betti numbers (9, 9, 0)) linked with the other's.
 * The construction follows the authors' generator (topnn_framework,
 * `raw_rings_generator.py`): at each centre c among the origin and the eight
 * points (±3, ±3, ±3), one ring lies in the plane z = c_z around
 * c + (2.2, 0, 0) and the other in the plane y = c_y around c; a point of a
 * ring is at radius 2.5 or 2.2 (half each) from the ring's centre at a
 * uniform angle, plus uniform noise in [-noise, noise]^3. The labels of the
 * z-plane rings alternate between centres as the authors' flips do. Finally
 * every coordinate is divided by the largest value it can reach (7.7 + noise,
 * 5.5 + noise, 5.5 + noise), matching the authors' MaxAbsScaler, so the data
 * lies in [-1, 1]^3. Points cycle through the 18 rings, so every ring and
 * both classes get equal shares. Where the authors spaced angles evenly we
 * draw them uniformly (seeded).
 *
 * @param options - See {@link NaitzatRingsOptions}.
 * @returns A data set of `count` samples of shape [3], class names ["rings 0", "rings 1"].
 * @see https://jmlr.org/papers/v21/20-345.html
 * @see https://github.com/topnn/topnn_framework
 * @example
 * ```ts
 * const d2 = naitzatRings({ count: 20000, seed: 0 });
 * ```
 */
export function naitzatRings(options?: NaitzatRingsOptions): Dataset {
  const opts = requireOptions("naitzatRings: options", options);
  const count = optionalInteger("naitzatRings: options.count", opts.count, 10000, 0);
  const noise = optionalNumber("naitzatRings: options.noise", opts.noise, 0.7, 0, 0.9);
  const random = seededRandom(optionalSeed("naitzatRings: options.seed", opts.seed));
  const extent = EXTENT(noise);
  const inputs = new Float32Array(3 * count);
  const labels = new Int32Array(count);
  for (let k = 0; k < count; k += 1) {
    const ring = k % 18;
    const [cx, cy, cz, flip] = CENTRES[ring >> 1]!;
    const inZPlane = (ring & 1) === 0;
    const radius = Math.floor(k / 18) % 2 === 0 ? 2.5 : 2.2;
    const t = 2 * Math.PI * random();
    const u = radius * Math.cos(t);
    const v = radius * Math.sin(t);
    const point = inZPlane ? [cx + 2.2 + u, cy + v, cz] : [cx + u, cy, cz + v];
    for (let j = 0; j < 3; j += 1) {
      inputs[3 * k + j] = (point[j]! + noise * (2 * random() - 1)) / extent[j]!;
    }
    labels[k] = inZPlane ? flip : 1 - flip;
  }
  return createDataset({
    name: "naitzat-D-II",
    sampleShape: [3],
    inputs,
    labels,
    classNames: ["rings 0", "rings 1"],
  });
}
