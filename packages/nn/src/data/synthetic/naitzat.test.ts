import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { naitzatCircles } from "./naitzat-circles.js";
import { naitzatRings } from "./naitzat-rings.js";
import { naitzatSpheres } from "./naitzat-spheres.js";

const CENTRES_2D = [
  [0, 0],
  ...Array.from({ length: 8 }, (_, k) => [
    7 * Math.cos((Math.PI * k) / 4),
    7 * Math.sin((Math.PI * k) / 4),
  ]),
];

/** The smallest distance between a point of class 0 and one of class 1. */
function classGap(inputs: Float32Array, labels: Int32Array, dimension: number): number {
  const zero: number[] = [];
  const one: number[] = [];
  labels.forEach((l, k) => {
    (l === 0 ? zero : one).push(k);
  });
  let min = Number.POSITIVE_INFINITY;
  for (const i of zero) {
    for (const j of one) {
      let s = 0;
      for (let c = 0; c < dimension; c += 1)
        s += (inputs[i * dimension + c]! - inputs[j * dimension + c]!) ** 2;
      min = Math.min(min, s);
    }
  }
  return Math.sqrt(min);
}

describe("Naitzat, Zhitnikov, Lim (2020) data sets", () => {
  it("D-I: nine discs of radius 1.3 in class 0, the square beyond a 0.5 margin in class 1, uniform", () => {
    const d = naitzatCircles({ count: 20000, seed: 2 });
    let discs = 0;
    for (let k = 0; k < d.count; k += 1) {
      const [x, y] = [d.inputs[2 * k]!, d.inputs[2 * k + 1]!];
      assert.ok(x >= -10 && x <= 10 && y >= -10 && y <= 10);
      const nearest = Math.min(...CENTRES_2D.map(([cx, cy]) => Math.hypot(x - cx!, y - cy!)));
      if (d.labels![k] === 0) {
        assert.ok(nearest < 1.3);
        discs += 1;
      } else assert.ok(nearest >= 1.8);
    }
    const discArea = 9 * Math.PI * 1.3 ** 2;
    const p = discArea / (400 - 9 * Math.PI * (1.8 ** 2 - 1.3 ** 2));
    assert.ok(
      Math.abs(discs / d.count - p) < 4 * Math.sqrt((p * (1 - p)) / d.count),
      `${discs / d.count} vs ${p}`,
    );
    assert.ok(Math.abs(p - 0.134) < 0.001);
  });

  it("D-II: 18 rings of 2.2 to 2.5 radius, equal classes, in [-1, 1]^3, separated when the noise is small", () => {
    const d = naitzatRings({ count: 1800, seed: 1 });
    assert.equal(
      d.labels!.reduce((a, b) => a + b, 0),
      900,
    );
    for (const v of d.inputs) assert.ok(v >= -1 && v <= 1);
    const quiet = naitzatRings({ count: 1800, seed: 1, noise: 0.1 });
    // Without noise the core circles of the two classes come within 0.6; noise of 0.1 per coordinate keeps a gap.
    assert.ok(classGap(quiet.inputs, quiet.labels!, 3) > 0.02);
    // At the authors' noise (0.7) neighbouring bands touch: some points of different classes nearly coincide.
    assert.ok(classGap(d.inputs, d.labels!, 3) < 0.05);
  });

  it("D-III: points on spheres of radius 0.5, 1, 1.05, 2, 2.05 around nine centres, 40% in class 0", () => {
    const d = naitzatSpheres({ count: 4500, seed: 3 });
    const centres = [
      [0, 0, 0],
      ...[-3, 3].flatMap((x) => [-3, 3].flatMap((y) => [-3, 3].map((z) => [x, y, z]))),
    ];
    let zero = 0;
    for (let k = 0; k < d.count; k += 1) {
      const p = [0, 1, 2].map((c) => d.inputs[3 * k + c]! * 5.05);
      const r = Math.min(
        ...centres.map((c) => Math.hypot(p[0]! - c[0]!, p[1]! - c[1]!, p[2]! - c[2]!)),
      );
      const label = d.labels![k];
      const radii = label === 0 ? [1, 1.05] : [0.5, 2, 2.05];
      assert.ok(
        radii.some((q) => Math.abs(r - q) < 1e-5),
        `point ${k} at radius ${r} with label ${label}`,
      );
      if (label === 0) zero += 1;
    }
    assert.equal(zero, 1800);
    assert.ok(classGap(d.inputs.subarray(0, 3 * 900), d.labels!.subarray(0, 900), 3) > 0.4 / 5.05);
  });
});
