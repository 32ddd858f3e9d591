import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertUnchangedByDiagonalAndOrder } from "../../test-support/diagonal-and-order-invariance.js";
import {
  assertClose,
  assertGridCase,
  barcodeArb,
  type GridCase,
  readVectorizeFixture,
  sampleRangeArb,
} from "../../test-support/vectorize-fixtures.js";
import { barcode } from "../barcode.js";
import {
  fitPersistenceSilhouette,
  type PersistenceSilhouetteOptions,
  persistenceSilhouette,
} from "./persistence-silhouette.js";

// Made by scripts/fixtures/vectorize.py from gudhi.representations.Silhouette.
const fixture = readVectorizeFixture<GridCase<PersistenceSilhouetteOptions>>("silhouette");
const runs = { seed: 20250303, numRuns: 100 };

describe("persistenceSilhouette parity with GUDHI", () => {
  for (const c of fixture.cases) {
    it(`persistenceSilhouette equals GUDHI's Silhouette within 1e-9: ${c.name} (${c.diagram})`, () => {
      assertGridCase(fixture, c, persistenceSilhouette, fitPersistenceSilhouette);
    });
  }
});

// giotto-tda's golden values, gtda/diagrams/tests/test_features_representations.py
// (test_silhouette_transform, test_silhouette_big_order), checked there with
// assert_almost_equal (7 decimals). giotto-tda fits the range
// [min birth, max death] and samples it end to end (keepEndpoints: true),
// without GUDHI's sqrt(2) (scale 1, our default).
describe("persistenceSilhouette parity with giotto-tda's unit tests", () => {
  it("persistenceSilhouette reproduces giotto-tda's test_silhouette_transform", () => {
    // Homology dimension 0 of the test's X: [0, 0], [0, 1], [2, 3].
    const bars = barcode([
      [0, 0],
      [0, 1],
      [2, 3],
    ]);
    const expected = [
      0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.2, 0.15, 0.1, 0.05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.05,
      0.1, 0.15, 0.2, 0.25, 0.2, 0.15, 0.1, 0.05, 0,
    ];
    const s = persistenceSilhouette(bars, { resolution: 31, power: 1, keepEndpoints: true });
    assertClose(s.values, expected, "Silhouette(n_bins=31, power=1.)", 0, 1.5e-7);
  });

  it("persistenceSilhouette reproduces giotto-tda's test_silhouette_big_order", () => {
    const bars = barcode([
      [0, 2],
      [1, 4],
    ]);
    const expected = [
      0, 0.00170459, 0.00340919, 0.00511378, 0.00681837, 0.00852296, 0.01022756, 0.01193215,
      0.01363674, 0.01534133, 0.01704593, 0.11363674, 0.21022756, 0.30681837, 0.40340919, 0.5,
      0.59659081, 0.69318163, 0.78977244, 0.88636326, 0.98295407, 1.08124948, 1.17954489,
      1.27784029, 1.3761357, 1.47443111, 1.3761357, 1.27784029, 1.17954489, 1.08124948, 0.98295407,
      0.88465867, 0.78636326, 0.68806785, 0.58977244, 0.49147704, 0.39318163, 0.29488622,
      0.19659081, 0.09829541, 0,
    ];
    const s = persistenceSilhouette(bars, { resolution: 41, power: 10, keepEndpoints: true });
    assertClose(s.values, expected, "Silhouette(n_bins=41, power=10.)", 0, 1.5e-7);
  });
});

describe("persistenceSilhouette conventions", () => {
  it("persistenceSilhouette's documented example holds", () => {
    // Weights 2 and 1 (lifetimes), normalised to 2/3 and 1/3; tents of
    // [0, 2] and [1, 2] at 0, 0.5, 1, 1.5, 2.
    const s = persistenceSilhouette(
      barcode([
        [0, 2],
        [1, 2],
      ]),
      { resolution: 5, sampleRange: [0, 2] },
    );
    assertClose(s.values, [0, 1 / 3, 2 / 3, 1 / 2, 0], "example", 1e-15, 1e-15);
  });

  it("persistenceSilhouette is zero when every weight is zero", () => {
    const diagonal = barcode([
      [0.5, 0.5],
      [1, 1],
    ]);
    const s = persistenceSilhouette(diagonal, { resolution: 5, sampleRange: [0, 2] });
    assert.deepEqual(Array.from(s.values), [0, 0, 0, 0, 0]);
    assert.deepEqual(
      Array.from(persistenceSilhouette(barcode([]), { resolution: 3 }).values),
      [0, 0, 0],
    );
  });

  it("persistenceSilhouette handles very large powers without overflow", () => {
    const bars = barcode([
      [0, 1e10],
      [0, 5e9],
    ]);
    const s = persistenceSilhouette(bars, { power: 400, resolution: 3, sampleRange: [0, 1e10] });
    // The longer bar carries all but 2^-400 of the weight.
    assertClose(s.values, [0, 5e9, 0], "power 400", 1e-12, 1e-12);
  });

  it("fitPersistenceSilhouette drops essential classes from the range unless infinityValue is set", () => {
    const bars = [
      barcode([
        [0, 1],
        [0.5, null],
      ]),
    ];
    assert.deepEqual(fitPersistenceSilhouette(bars).sampleRange, [0, 1]);
    assert.deepEqual(fitPersistenceSilhouette(bars, { infinityValue: 3 }).sampleRange, [0, 3]);
    assert.equal(fitPersistenceSilhouette(bars).power, 1);
  });
});

describe("persistenceSilhouette properties", () => {
  const optionsArb = fc.record({
    power: fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 12, noNaN: true })),
    resolution: fc.integer({ min: 1, max: 30 }),
    sampleRange: sampleRangeArb(),
  });

  it("persistenceSilhouette (power > 0) is unchanged by points on the diagonal and by the order of the pairs", () => {
    assertUnchangedByDiagonalAndOrder(persistenceSilhouette, optionsArb, runs);
  });

  it("persistenceSilhouette lies between zero and the largest tent (a weighted mean of tents)", () => {
    fc.assert(
      fc.property(barcodeArb(), optionsArb, (bars, options) => {
        const s = persistenceSilhouette(bars, options);
        s.grid.forEach((x, i) => {
          let top = 0;
          for (let p = 0; p < bars.births.length; p += 1) {
            top = Math.max(top, Math.min(x - bars.births[p]!, bars.deaths[p]! - x));
          }
          assert.ok(s.values[i]! >= 0 && s.values[i]! <= top * (1 + 1e-12) + 1e-15);
        });
      }),
      runs,
    );
  });
});

describe("persistenceSilhouette validation", () => {
  it("persistenceSilhouette rejects bad options with errors that name them", () => {
    const bars = barcode([[0, 1]]);
    assert.throws(
      () => persistenceSilhouette(bars, { power: -1 }),
      /options\.power must be finite and >= 0/,
    );
    assert.throws(() => persistenceSilhouette(bars, { power: Number.NaN }), RangeError);
    assert.throws(() => persistenceSilhouette(bars, { scale: -1 }), /options\.scale/);
    assert.throws(() => persistenceSilhouette(bars, { sampleRange: [0] as never }), RangeError);
  });
});
