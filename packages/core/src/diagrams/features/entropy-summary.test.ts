import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  arbitraryDiagonal,
  arbitraryPairs,
  assertAllClose,
  bars,
  type EntropyVectorFixture,
  featureDimensions,
  interleave,
  shuffle,
} from "../../test-support/features.js";
import { type Barcode, barcode } from "../barcode.js";
import { entropySummary } from "./entropy-summary.js";

/** Runs nettopo with the options of a fixture's GUDHI call and compares. */
function checkAgainstGudhi(b: Barcode, ref: EntropyVectorFixture, infinity?: number): void {
  const { resolution, sampleRange, keepEndpoints, normalized } = ref.options;
  const { grid, values } = entropySummary(b, {
    resolution,
    sampleRange: [sampleRange[0] ?? Number.NaN, sampleRange[1] ?? Number.NaN],
    keepEndpoints,
    normalized,
    infinityValue: infinity,
  });
  // GUDHI gives NaN when its curve is all zero and normalized; nettopo gives zeros.
  const expected = ref.values.map((v) => v ?? 0);
  assertAllClose(values, expected, "values", { absolute: 1e-15 });
  // nettopo's grid holds the points the values are computed at: GUDHI's grid_
  // shifted one step left when the lower end is automatic and trimmed.
  const gudhiGrid = ref.gudhiGrid as number[];
  const shifted = sampleRange[0] === null && !keepEndpoints;
  const step = gudhiGrid[1]! - gudhiGrid[0]!;
  const expectedGrid = shifted ? gudhiGrid.map((x) => x - step) : gudhiGrid;
  const spread = Math.abs(gudhiGrid[gudhiGrid.length - 1]!) + Math.abs(gudhiGrid[0]!);
  assertAllClose(grid, expectedGrid, "grid", { absolute: 1e-12 * spread });
}

describe("entropySummary parity with GUDHI", () => {
  // Fixtures from scripts/fixtures/features.py: gudhi.representations.Entropy(mode="vector")
  // with several resolution / sample_range / keep_endpoints / normalized settings.
  for (const { label, fixture, ref, bars: b } of featureDimensions()) {
    if (ref.entropyVector.length === 0) continue;
    it(`entropySummary equals GUDHI's Entropy(mode="vector") on ${label}`, () => {
      for (const v of ref.entropyVector) checkAgainstGudhi(b, v);
      for (const v of ref.entropyVectorInfinity) checkAgainstGudhi(b, v, fixture.infinity);
    });
  }

  it("entropySummary samples at the points its values belong to (GUDHI's grid_ is one step right)", () => {
    // GUDHI 3.7.1: Entropy(mode="vector", normalized=False, resolution=3) on
    // {(0,1), (0.5,1)} gives [0.2703, 0.2703, 0.6365] with grid_ [0.25, 0.5, 0.75]:
    // the second pair (born at 0.5) counts from the third value on.
    const { grid, values } = entropySummary(
      barcode([
        [0, 1],
        [0.5, 1],
      ]),
      { resolution: 3, normalized: false },
    );
    assert.deepEqual([...grid], [0, 0.25, 0.5]);
    assertAllClose(values, [0.2703100720721096, 0.2703100720721096, 0.6365141682948128], "values");
  });
});

describe("entropySummary conventions", () => {
  it("entropySummary of an empty barcode is zero with no automatic grid", () => {
    const { grid, values } = entropySummary(barcode([]), { resolution: 4 });
    assert.deepEqual([...values], [0, 0, 0, 0]);
    assert.ok(grid.every(Number.isNaN));
    const fixed = entropySummary(barcode([]), { resolution: 3, sampleRange: [0, 1] });
    assert.deepEqual([...fixed.grid], [0, 0.5, 1]);
    assert.deepEqual([...fixed.values], [0, 0, 0]);
  });

  it("entropySummary in base 2 is the natural-log curve divided by ln 2", () => {
    const b = barcode([
      [0, 1],
      [0.2, 3],
      [1, 2],
    ]);
    const natural = entropySummary(b, { normalized: false, resolution: 11 });
    const base2 = entropySummary(b, { normalized: false, resolution: 11, base: 2 });
    assertAllClose(
      base2.values,
      natural.values.map((v) => v / Math.LN2),
      "base 2",
    );
  });

  it("entropySummary rejects bad options loudly", () => {
    const b = barcode([[0, 1]]);
    assert.throws(
      () => entropySummary(b, { resolution: 1 }),
      /options.resolution must be an integer >= 2/,
    );
    assert.throws(
      () => entropySummary(b, { sampleRange: [2, 1] }),
      /sample range \[2, 1\] is empty/,
    );
    assert.throws(() => entropySummary(b, { sampleRange: [5, Number.NaN] }), /\[5, 1\] is empty/);
    assert.throws(
      () => entropySummary(b, { sampleRange: [0, Number.POSITIVE_INFINITY] }),
      RangeError,
    );
    assert.throws(() => entropySummary(b, { sampleRange: [0] as never }), TypeError);
    assert.throws(() => entropySummary(b, { normalized: 1 as never }), TypeError);
  });
});

describe("entropySummary properties", () => {
  it("entropySummary is unchanged by pairs on the diagonal and by reordering", () => {
    fc.assert(
      fc.property(
        arbitraryPairs({ minLength: 1 }),
        arbitraryDiagonal(),
        fc.integer(),
        fc.boolean(),
        (pairs, diagonal, seed, normalized) => {
          const options = { resolution: 17, normalized };
          const reference = entropySummary(bars(pairs), options);
          for (const other of [interleave(pairs, diagonal, seed), shuffle(pairs, seed)]) {
            const { grid, values } = entropySummary(bars(other), options);
            assert.deepEqual(grid, reference.grid);
            assertAllClose(values, reference.values, "values", {
              relative: 1e-12,
              absolute: 1e-15,
            });
          }
        },
      ),
      { seed: 21, numRuns: 150 },
    );
  });
});
