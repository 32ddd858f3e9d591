import { gaussian, seededRandom } from "@nettopo/core";
import { optionalInteger, optionalNumber, optionalSeed, requireOptions } from "../../validate.js";
import { createDataset, type Dataset } from "../dataset.js";

/** Options of {@link linkedTori}. */
export interface LinkedToriOptions {
  /** Number of points; default 1000. */
  readonly count?: number;
  /** Radius R of each torus's core circle; default 1. */
  readonly majorRadius?: number;
  /** Radius r of each torus's tube, below R/2; default 0.25. */
  readonly minorRadius?: number;
  /** Standard deviation of Gaussian noise added to each coordinate; default 0. */
  readonly noise?: number;
  /** Seed; default 0. */
  readonly seed?: number;
}

/**
 * Points on two linked tori in R^3 (a Hopf link of two torus surfaces), one
 * class per torus. Torus 0 has its core circle of radius R in the plane z = 0
 * around the origin; torus 1 has its core circle in the plane y = 0 around
 * (R, 0, 0), so each core circle passes through the other's disc. The two
 * core circles stay exactly R apart everywhere (for the point at angle t on
 * circle 1, the distance to circle 0 is sqrt(R^2 cos^2 t + R^2 sin^2 t)), so
 * the surfaces are disjoint when r < R/2, with a gap of R - 2r. Points are
 * uniform on each surface (the tube angle is drawn by rejection with density
 * proportional to R + r cos(phi), the area element); labels alternate, so
 * the classes have `ceil(count/2)` and `floor(count/2)` points. Each torus
 * has Betti numbers (1, 2, 1); a network separating the classes must undo
 * the link.
 *
 * @param options - See {@link LinkedToriOptions}.
 * @returns A data set of `count` samples of shape [3], class names ["torus 0", "torus 1"].
 * @throws RangeError when r >= R/2 (the tori would intersect).
 * @example
 * ```ts
 * const tori = linkedTori({ count: 2000, seed: 1 });
 * ```
 */
export function linkedTori(options?: LinkedToriOptions): Dataset {
  const opts = requireOptions("linkedTori: options", options);
  const count = optionalInteger("linkedTori: options.count", opts.count, 1000, 0);
  const big = optionalNumber(
    "linkedTori: options.majorRadius",
    opts.majorRadius,
    1,
    Number.MIN_VALUE,
  );
  const small = optionalNumber("linkedTori: options.minorRadius", opts.minorRadius, 0.25, 0);
  const noise = optionalNumber("linkedTori: options.noise", opts.noise, 0, 0);
  if (small >= big / 2) {
    throw new RangeError(
      `linkedTori: options.minorRadius ${small} must be below majorRadius / 2 = ${big / 2}, or the tori intersect`,
    );
  }
  const random = seededRandom(optionalSeed("linkedTori: options.seed", opts.seed));
  const inputs = new Float32Array(3 * count);
  const labels = new Int32Array(count);
  for (let k = 0; k < count; k += 1) {
    const theta = 2 * Math.PI * random();
    let phi: number;
    do phi = 2 * Math.PI * random();
    while (random() * (big + small) > big + small * Math.cos(phi));
    const rho = big + small * Math.cos(phi);
    const a = rho * Math.cos(theta);
    const b = rho * Math.sin(theta);
    const c = small * Math.sin(phi);
    const label = k % 2;
    const point = label === 0 ? [a, b, c] : [big + a, c, b];
    for (let j = 0; j < 3; j += 1) {
      inputs[3 * k + j] = point[j]! + (noise > 0 ? noise * gaussian(random) : 0);
    }
    labels[k] = label;
  }
  return createDataset({
    name: "linked-tori",
    sampleShape: [3],
    inputs,
    labels,
    classNames: ["torus 0", "torus 1"],
  });
}
