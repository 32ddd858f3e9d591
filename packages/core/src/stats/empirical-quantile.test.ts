import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { empiricalQuantile, quantileRank } from "./empirical-quantile.js";

interface QuantileFixture {
  readonly reference: string;
  readonly cases: ReadonlyArray<{
    readonly values: number[];
    readonly confidences: number[];
    readonly quantiles: number[];
  }>;
}

// Made by scripts/fixtures/stats.py with numpy.
const fixture = JSON.parse(
  readFileSync(new URL("../../../../fixtures/stats/quantile.json", import.meta.url), "utf8"),
) as QuantileFixture;

describe("empiricalQuantile", () => {
  it("empiricalQuantile equals numpy's inverted_cdf quantile on the fixtures", () => {
    let checked = 0;
    for (const { values, confidences, quantiles } of fixture.cases) {
      confidences.forEach((confidence, c) => {
        assert.equal(
          empiricalQuantile(Float64Array.from(values), confidence),
          quantiles[c],
          `${values.length} values at ${confidence} (${fixture.reference})`,
        );
        checked++;
      });
    }
    assert.ok(checked >= 25);
  });

  it("quantileRank is ceil(confidence * count), exact products counting as integers", () => {
    assert.equal(quantileRank(0.95, 1000), 950);
    assert.equal(quantileRank(0.95, 30), 29); // 28.5 rounds up
    assert.equal(quantileRank(0.07, 100), 7); // 0.07 * 100 is 7.000000000000001
    assert.equal(quantileRank(0.01, 10), 1); // 0.1 rounds up to 1
    assert.equal(quantileRank(0.999, 3), 3);
  });

  it("empiricalQuantile is the smallest value with at most 1 - confidence of the values above it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (list, confidence) => {
          const values = Float64Array.from(list);
          const q = empiricalQuantile(values, confidence);
          const above = (z: number) => list.filter((v) => v > z).length / list.length;
          assert.ok(list.includes(q));
          assert.ok(above(q) <= 1 - confidence + 1e-9);
          for (const v of list) if (v < q) assert.ok(above(v) > 1 - confidence + 1e-9);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it("empiricalQuantile does not reorder its input", () => {
    const values = Float64Array.from([3, 1, 2]);
    empiricalQuantile(values, 0.5);
    assert.deepEqual(Array.from(values), [3, 1, 2]);
  });
});
