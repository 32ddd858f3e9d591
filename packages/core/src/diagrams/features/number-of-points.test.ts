import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  arbitraryDiagonal,
  arbitraryPairs,
  bars,
  featureDimensions,
  giottoFeaturesX,
  interleave,
  shuffle,
} from "../../test-support/features.js";
import { barcode } from "../barcode.js";
import { numberOfPoints } from "./number-of-points.js";

describe("numberOfPoints", () => {
  // Fixtures from scripts/fixtures/features.py (counts recomputed in numpy).
  for (const { label, ref, bars: b } of featureDimensions()) {
    it(`numberOfPoints equals numpy on ${label}`, () => {
      const expected = ref.numberOfPoints;
      assert.equal(numberOfPoints(b), expected.default);
      assert.equal(numberOfPoints(b, { includeEssential: true }), expected.includeEssential);
      assert.equal(numberOfPoints(b, { minLifetime: 0.5 }), expected["minLifetime0.5"]);
      assert.equal(
        numberOfPoints(b, { minLifetime: 0.5, includeEssential: true }),
        expected["minLifetime0.5Essential"],
      );
    });
  }

  it("numberOfPoints reproduces giotto-tda's NumberOfPoints golden", () => {
    // giotto-tda gtda/diagrams/tests/test_features_representations.py, test_nop_transform:
    // X = H0 {(0,0), (0,1), (2,3)}, H1 {(4,6), (2,6)} -> [2, 2].
    const { h0, h1 } = giottoFeaturesX();
    assert.deepEqual([numberOfPoints(h0), numberOfPoints(h1)], [2, 2]);
  });

  it("numberOfPoints counts strictly above minLifetime", () => {
    const b = barcode([
      [0, 0],
      [0, 1],
      [2, 3.5],
      [1, null],
    ]);
    assert.equal(numberOfPoints(b), 2);
    assert.equal(numberOfPoints(b, { includeEssential: true }), 3);
    assert.equal(numberOfPoints(b, { minLifetime: 1 }), 1);
    assert.equal(numberOfPoints(b, { minLifetime: 1, includeEssential: true }), 2);
  });

  it("numberOfPoints rejects bad options loudly", () => {
    const b = barcode([[0, 1]]);
    assert.throws(
      () => numberOfPoints(b, { minLifetime: -1 }),
      /options.minLifetime must be a finite number >= 0/,
    );
    assert.throws(() => numberOfPoints(b, { includeEssential: 1 as never }), TypeError);
  });

  it("numberOfPoints is unchanged by diagonal pairs and by reordering", () => {
    fc.assert(
      fc.property(
        arbitraryPairs(),
        arbitraryDiagonal(),
        fc.integer(),
        fc.boolean(),
        (pairs, diagonal, seed, includeEssential) => {
          const n = numberOfPoints(bars(pairs), { includeEssential });
          assert.equal(
            numberOfPoints(bars(interleave(pairs, diagonal, seed)), { includeEssential }),
            n,
          );
          assert.equal(numberOfPoints(bars(shuffle(pairs, seed)), { includeEssential }), n);
        },
      ),
      { seed: 61, numRuns: 150 },
    );
  });
});
