import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  assertGridCase,
  barcodeArb,
  type GridCase,
  permuted,
  readVectorizeFixture,
  sampleRangeArb,
  withDiagonal,
} from "../../test-support/vectorize-fixtures.js";
import { barcode } from "../barcode.js";
import { type BettiCurveOptions, bettiCurve, fitBettiCurve } from "./betti-curve.js";

// Made by scripts/fixtures/vectorize.py from gudhi.representations.BettiCurve.
const fixture = readVectorizeFixture<GridCase<BettiCurveOptions>>("betti-curve");
const runs = { seed: 20250301, numRuns: 120 };

describe("bettiCurve parity with GUDHI", () => {
  for (const c of fixture.cases) {
    it(`bettiCurve equals GUDHI's BettiCurve: ${c.name} (${c.diagram})`, () => {
      assertGridCase(fixture, c, bettiCurve, fitBettiCurve, 0);
    });
  }
});

describe("bettiCurve conventions", () => {
  it("bettiCurve counts a bar at its birth but not at its death, and an essential class to the end", () => {
    const curve = bettiCurve(
      barcode([
        [0, 2],
        [1, null],
        [1.5, 1.5],
      ]),
      { grid: [-1, 0, 1, 1.5, 2, 3, Number.POSITIVE_INFINITY] },
    );
    // [0, 2) is alive at 0, 1, 1.5; [1, inf) from 1 on (not at inf itself,
    // as GUDHI: a death of inf is <= inf); [1.5, 1.5) never.
    assert.deepEqual(Array.from(curve.values), [0, 1, 2, 2, 1, 1, 0]);
  });

  it("bettiCurve's documented example holds", () => {
    const curve = bettiCurve(
      barcode([
        [0, 2],
        [1, null],
      ]),
      { resolution: 4, sampleRange: [0, 3] },
    );
    assert.deepEqual(Array.from(curve.grid), [0, 1, 2, 3]);
    assert.deepEqual(Array.from(curve.values), [1, 2, 1, 1]);
  });

  it("fitBettiCurve fits [smallest birth, largest finite death or essential birth] and trims the ends", () => {
    const settings = fitBettiCurve(
      [
        barcode([
          [0, 1],
          [3, null],
        ]),
        barcode([[0.5, 2]]),
      ],
      { resolution: 2 },
    );
    assert.deepEqual(settings.sampleRange, [0, 3]);
    assert.equal(settings.keepEndpoints, false);
    assert.deepEqual(Array.from(bettiCurve(barcode([[0, 1.5]]), settings).grid), [1, 2]);
  });

  it("bettiCurve fits its range on the barcode alone when none is given", () => {
    const bars = barcode([
      [0.25, 1],
      [0.5, 4],
    ]);
    const curve = bettiCurve(bars, { resolution: 7 });
    assert.deepEqual(curve.settings.sampleRange, [0.25, 4]);
    assert.deepEqual(
      curve.values,
      bettiCurve(bars, fitBettiCurve([bars], { resolution: 7 })).values,
    );
  });

  it("fitBettiCurve falls back to [0, 1] when there is no pair", () => {
    assert.deepEqual(fitBettiCurve([]).sampleRange, [0, 1]);
    const curve = bettiCurve(barcode([]));
    assert.equal(curve.values.length, 100);
    assert.ok(curve.values.every((v) => v === 0));
  });

  it("bettiCurve does not modify its inputs", () => {
    const bars = barcode([
      [0, 1],
      [0.5, null],
    ]);
    const grid = [0, 0.5, 1];
    const options = { grid };
    bettiCurve(bars, options);
    assert.deepEqual(Array.from(bars.deaths), [1, Number.POSITIVE_INFINITY]);
    assert.deepEqual(grid, [0, 0.5, 1]);
  });
});

describe("bettiCurve properties", () => {
  const settingsArb = fc.record({
    resolution: fc.integer({ min: 1, max: 40 }),
    sampleRange: sampleRangeArb(),
    keepEndpoints: fc.boolean(),
  });

  it("bettiCurve values are non-negative integers equal to a direct count of b <= x < d", () => {
    fc.assert(
      fc.property(barcodeArb({ essential: true }), settingsArb, (bars, options) => {
        const { grid, values } = bettiCurve(bars, options);
        for (let i = 0; i < grid.length; i += 1) {
          let alive = 0;
          for (let k = 0; k < bars.births.length; k += 1) {
            if (bars.births[k]! <= grid[i]! && grid[i]! < bars.deaths[k]!) alive += 1;
          }
          assert.ok(Number.isInteger(values[i]) && values[i]! >= 0);
          assert.equal(values[i], alive);
        }
      }),
      runs,
    );
  });

  it("bettiCurve is unchanged by points on the diagonal and by the order of the pairs", () => {
    fc.assert(
      fc.property(
        barcodeArb({ essential: true }),
        settingsArb,
        fc.array(fc.double({ min: -6, max: 16, noNaN: true }), { maxLength: 6 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
        (bars, options, diagonal, keys) => {
          const reference = bettiCurve(bars, options).values;
          assert.deepEqual(bettiCurve(withDiagonal(bars, diagonal), options).values, reference);
          assert.deepEqual(bettiCurve(permuted(bars, keys), options).values, reference);
        },
      ),
      runs,
    );
  });
});

describe("bettiCurve validation", () => {
  const bars = barcode([[0, 1]]);

  it("bettiCurve rejects bad options with errors that name them", () => {
    assert.throws(() => bettiCurve(bars, { resolution: 0 }), RangeError);
    assert.throws(() => bettiCurve(bars, { resolution: 2.5 }), /options\.resolution/);
    assert.throws(
      () => bettiCurve(bars, { sampleRange: [1, 0] }),
      (e: unknown) => e instanceof RangeError && /sampleRange must have min <= max/.test(e.message),
    );
    assert.throws(
      () => bettiCurve(bars, { sampleRange: [0, Number.NaN] }),
      (e: unknown) => e instanceof RangeError && /sampleRange\[1\] must be finite/.test(e.message),
    );
    assert.throws(
      () => bettiCurve(bars, { keepEndpoints: 1 as unknown as boolean }),
      (e: unknown) => e instanceof TypeError && /keepEndpoints/.test(e.message),
    );
    assert.throws(
      () => bettiCurve(bars, { grid: [0, 2, 1] }),
      (e: unknown) => e instanceof RangeError && /sorted ascending/.test(e.message),
    );
    assert.throws(() => bettiCurve(bars, { grid: [] }), RangeError);
    assert.throws(() => bettiCurve(bars, "fast" as unknown as BettiCurveOptions), TypeError);
  });

  it("bettiCurve and fitBettiCurve reject what is not a barcode", () => {
    assert.throws(() => bettiCurve({ births: [0], deaths: [1] } as never), /bettiCurve: bars/);
    assert.throws(
      () => fitBettiCurve([bars, { births: new Float64Array([1]), deaths: new Float64Array([0]) }]),
      (e: unknown) => e instanceof RangeError && /fitBettiCurve: barcodes\[1\]/.test(e.message),
    );
    assert.throws(() => fitBettiCurve(bars as never), TypeError);
  });
});
