import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { lqNorm } from "../test-support/brute-force-wasserstein.js";
import { powerNorm, powerNormKind, WeightedKdTree } from "./weighted-kd-tree.js";

const value = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((k) => k / 4),
  fc.double({ min: -10, max: 10, noNaN: true }),
);

describe("WeightedKdTree (internal)", () => {
  it("powerNorm is ||(dx, dy)||_q^p for every specialised kind", () => {
    for (const q of [1, 2, 3, Number.POSITIVE_INFINITY]) {
      for (const p of [1, 1.5, 2, 3]) {
        for (const [dx, dy] of [
          [0, 0],
          [3, 4],
          [0.5, 2],
          [7, 0],
        ]) {
          const expected = lqNorm(dx, dy, q) ** p;
          const actual = powerNorm(powerNormKind(q, p), q, p, dx, dy);
          assert.ok(Math.abs(actual - expected) <= 1e-12 * expected, `q=${q} p=${p} ${dx},${dy}`);
        }
      }
    }
  });

  it("WeightedKdTree finds the best and second-best weighted points, also after weight updates", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), value), { maxLength: 30 }),
        fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(1, 2, 3, Number.POSITIVE_INFINITY),
        fc.constantFrom(1, 1.5, 2),
        (points, updates, queries, q, p) => {
          const x = Float64Array.from(points, (t) => t[0]);
          const y = Float64Array.from(points, (t) => t[1]);
          const w = Float64Array.from(points, (t) => t[2]);
          const tree = new WeightedKdTree(x, y, w, q, p);
          for (const [k, weight] of updates) {
            w[k % w.length] = weight;
            tree.setWeight(k % w.length, weight);
          }
          for (const [qx, qy, initial] of queries) {
            const values = Array.from(x, (_, k) => lqNorm(qx - x[k], qy - y[k], q) ** p + w[k]);
            const sorted = [initial, ...values].sort((s, t) => s - t);
            const tolerance = 1e-12 * (1 + Math.abs(sorted[0]) + Math.abs(sorted[1]));
            tree.query(qx, qy, initial);
            assert.ok(Math.abs(tree.bestValue - sorted[0]) <= tolerance, "best value");
            assert.ok(Math.abs(tree.secondValue - sorted[1]) <= tolerance, "second value");
            if (tree.bestPoint >= 0) {
              assert.ok(Math.abs(values[tree.bestPoint] - sorted[0]) <= tolerance, "best point");
            } else {
              assert.ok(initial <= sorted[0] + tolerance, "the initial value wins");
            }
            tree.query(qx, qy, initial, true);
            assert.ok(Math.abs(tree.bestValue - sorted[0]) <= tolerance, "best value (onlyBest)");
          }
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
