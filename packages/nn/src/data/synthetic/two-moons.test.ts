import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixtureJson } from "../../test-support/fixtures.js";
import { twoMoons } from "./two-moons.js";

interface MoonsFixture {
  readonly noiseFree: { count: number; inputs: [number, number][]; labels: number[] };
  readonly noisy: {
    count: number;
    noise: number;
    classes: Record<string, { count: number; mean: number[]; cov: number[][] }>;
  };
}

// scikit-learn's make_moons, written by scripts/fixtures/data.py.
const sklearn = fixtureJson<MoonsFixture>("moons.json")!;

describe("twoMoons", () => {
  it("gives scikit-learn's make_moons points without noise and shuffling", () => {
    const { count, inputs, labels } = sklearn.noiseFree;
    const d = twoMoons({ count, shuffle: false });
    assert.deepEqual([...d.labels!], labels);
    inputs.forEach(([x, y], k) => {
      assert.equal(d.inputs[2 * k], Math.fround(x));
      assert.equal(d.inputs[2 * k + 1], Math.fround(y));
    });
  });

  it("shuffles the same points with their labels, seeded", () => {
    const plain = twoMoons({ count: 40, shuffle: false });
    const mixed = twoMoons({ count: 40, seed: 2 });
    const key = (d: typeof plain, k: number) =>
      `${d.inputs[2 * k]},${d.inputs[2 * k + 1]},${d.labels![k]}`;
    const a = Array.from({ length: 40 }, (_, k) => key(plain, k)).sort();
    const b = Array.from({ length: 40 }, (_, k) => key(mixed, k)).sort();
    assert.deepEqual(b, a);
    assert.deepEqual(twoMoons({ count: 40, seed: 2 }).inputs, mixed.inputs);
  });

  it("matches the per-class mean and covariance of make_moons(noise=0.1) statistically", () => {
    const n = 50000;
    const d = twoMoons({ count: n, noise: sklearn.noisy.noise, seed: 11 });
    for (const label of [0, 1]) {
      const ref = sklearn.noisy.classes[String(label)]!;
      const xs: number[] = [];
      const ys: number[] = [];
      d.labels!.forEach((l, k) => {
        if (l === label) {
          xs.push(d.inputs[2 * k]!);
          ys.push(d.inputs[2 * k + 1]!);
        }
      });
      assert.equal(xs.length, n / 2);
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      const [mx, my] = [mean(xs), mean(ys)];
      const cov = (u: number[], mu: number, v: number[], mv: number) =>
        u.reduce((a, ui, k) => a + (ui - mu) * (v[k]! - mv), 0) / (u.length - 1);
      // Standard errors: about 0.7/sqrt(25000) = 0.0045 for the means; 0.01 is over 2 of them.
      assert.ok(
        Math.abs(mx - ref.mean[0]!) < 0.015 && Math.abs(my - ref.mean[1]!) < 0.015,
        `mean ${mx},${my} vs ${ref.mean}`,
      );
      const c = [
        [cov(xs, mx, xs, mx), cov(xs, mx, ys, my)],
        [cov(ys, my, xs, mx), cov(ys, my, ys, my)],
      ];
      c.forEach((row, i) => {
        row.forEach((v, j) => {
          assert.ok(
            Math.abs(v - ref.cov[i]![j]!) < 0.015,
            `cov[${i}][${j}] ${v} vs ${ref.cov[i]![j]}`,
          );
        });
      });
    }
  });
});
