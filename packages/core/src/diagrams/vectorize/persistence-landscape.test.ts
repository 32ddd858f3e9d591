import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertUnchangedByDiagonalAndOrder } from "../../test-support/diagonal-and-order-invariance.js";
import {
  assertGridCase,
  barcodeArb,
  type GridCase,
  readVectorizeFixture,
  sampleRangeArb,
} from "../../test-support/vectorize-fixtures.js";
import { type Barcode, barcode, splitEssential } from "../barcode.js";
import {
  fitPersistenceLandscape,
  type PersistenceLandscapeOptions,
  persistenceLandscape,
} from "./persistence-landscape.js";

// Made by scripts/fixtures/vectorize.py from gudhi.representations.Landscape.
const fixture = readVectorizeFixture<GridCase<PersistenceLandscapeOptions>>("landscape");
const runs = { seed: 20250302, numRuns: 100 };

describe("persistenceLandscape parity with GUDHI", () => {
  for (const c of fixture.cases) {
    it(`persistenceLandscape equals GUDHI's Landscape within 1e-9: ${c.name} (${c.diagram})`, () => {
      const landscape = assertGridCase(fixture, c, persistenceLandscape, fitPersistenceLandscape);
      assert.equal(landscape.values.length, landscape.numLandscapes * landscape.resolution);
    });
  }
});

/** Layer k (0-based) at x: the (k+1)-th largest tent, computed directly. */
function directLayer(bars: Barcode, k: number, x: number): number {
  const tents = Array.from(bars.births, (b, p) =>
    Math.max(0, Math.min(x - b, bars.deaths[p]! - x)),
  ).sort((a, b) => b - a);
  return tents[k] ?? 0;
}

describe("persistenceLandscape conventions", () => {
  it("persistenceLandscape's documented example holds", () => {
    const l = persistenceLandscape(
      barcode([
        [0, 2],
        [1, 3],
      ]),
      { numLandscapes: 2, resolution: 5, sampleRange: [0, 3] },
    );
    assert.deepEqual(Array.from(l.grid), [0, 0.75, 1.5, 2.25, 3]);
    assert.deepEqual(Array.from(l.values), [0, 0.75, 0.5, 0.75, 0, 0, 0, 0.5, 0, 0]);
  });

  it("persistenceLandscape drops essential classes by default and replaces them with infinityValue", () => {
    const bars = barcode([
      [0, 1],
      [0.2, null],
      [0.5, 2],
    ]);
    const options = { sampleRange: [0, 3] as [number, number], resolution: 13, numLandscapes: 2 };
    const finite = splitEssential(bars).finite;
    assert.deepEqual(
      persistenceLandscape(bars, options).values,
      persistenceLandscape(finite, options).values,
    );
    const replaced = barcode([
      [0, 1],
      [0.2, 3],
      [0.5, 2],
    ]);
    assert.deepEqual(
      persistenceLandscape(bars, { ...options, infinityValue: 3 }).values,
      persistenceLandscape(replaced, options).values,
    );
    assert.throws(
      () => persistenceLandscape(bars, { infinityValue: 0.1 }),
      (e: unknown) =>
        e instanceof RangeError && /infinityValue 0.1 is below the birth 0.2/.test(e.message),
    );
  });

  it("fitPersistenceLandscape fits over all barcodes and the result carries its settings", () => {
    const settings = fitPersistenceLandscape([barcode([[0, 2]]), barcode([[1, 4]])], {
      numLandscapes: 3,
    });
    assert.deepEqual(settings.sampleRange, [0, 4]);
    assert.equal(settings.keepEndpoints, false);
    assert.equal(settings.resolution, 100);
    assert.equal(settings.scale, 1);
    assert.equal(settings.infinityValue, undefined);
    const l = persistenceLandscape(barcode([[0, 2]]), settings);
    assert.deepEqual(l.settings, settings);
    assert.equal(l.values.length, 300);
    assert.deepEqual(fitPersistenceLandscape([barcode([[0, null]])]).sampleRange, [0, 1]);
  });
});

describe("persistenceLandscape properties", () => {
  const optionsArb = fc.record({
    numLandscapes: fc.integer({ min: 1, max: 6 }),
    resolution: fc.integer({ min: 1, max: 30 }),
    sampleRange: sampleRangeArb(),
  });

  it("persistenceLandscape layers are ordered (layer k >= layer k + 1) and equal the k-th largest tent", () => {
    fc.assert(
      fc.property(barcodeArb(), optionsArb, (bars, options) => {
        const l = persistenceLandscape(bars, options);
        const m = l.resolution;
        for (let k = 0; k < l.numLandscapes; k += 1) {
          for (let i = 0; i < m; i += 1) {
            const v = l.values[k * m + i]!;
            assert.ok(v >= 0);
            if (k > 0)
              assert.ok(l.values[(k - 1) * m + i]! >= v, `layer ${k} above layer ${k - 1}`);
            const direct = directLayer(bars, k, l.grid[i]!);
            assert.ok(Math.abs(v - direct) <= 1e-12 * (1 + Math.abs(direct)), `${v} vs ${direct}`);
          }
        }
      }),
      runs,
    );
  });

  it("persistenceLandscape is unchanged by points on the diagonal and by the order of the pairs", () => {
    assertUnchangedByDiagonalAndOrder(persistenceLandscape, optionsArb, runs);
  });
});

describe("persistenceLandscape validation", () => {
  const bars = barcode([[0, 1]]);

  it("persistenceLandscape rejects bad options with errors that name them", () => {
    assert.throws(() => persistenceLandscape(bars, { numLandscapes: 0 }), /options\.numLandscapes/);
    assert.throws(() => persistenceLandscape(bars, { scale: 0 }), RangeError);
    assert.throws(() => persistenceLandscape(bars, { scale: "2" as unknown as number }), TypeError);
    assert.throws(
      () => persistenceLandscape(bars, { infinityValue: Number.POSITIVE_INFINITY }),
      /options\.infinityValue must be finite/,
    );
    assert.throws(() => persistenceLandscape(bars, { resolution: -1 }), RangeError);
    assert.throws(() => fitPersistenceLandscape([bars, null as never]), /barcodes\[1\]/);
  });
});
