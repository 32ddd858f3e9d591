import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  arbitraryDiagonal,
  arbitraryPairs,
  assertAllClose,
  assertClose,
  bars,
  interleave,
  shuffle,
} from "../../test-support/features.js";
import { barcode } from "../barcode.js";
import { type BarcodeStatistics, barcodeStatistics } from "./barcode-statistics.js";

/** The statistics as one array, in a fixed order. */
function flat(s: BarcodeStatistics): number[] {
  return [
    s.count,
    s.birthMean,
    s.birthStd,
    s.deathMean,
    s.deathStd,
    s.lifetimeMean,
    s.lifetimeStd,
    s.midlifeMean,
    s.midlifeStd,
    ...s.topLifetimes,
  ];
}

describe("barcodeStatistics", () => {
  it("barcodeStatistics gives population means, standard deviations and top lifetimes", () => {
    // births 0, 1, 1; deaths 2, 2, 4; lifetimes 2, 1, 3; midlives 1, 1.5, 2.5
    const s = barcodeStatistics(
      barcode([
        [0, 2],
        [1, 2],
        [1, 4],
        [0, null],
        [3, 3],
      ]),
      { topK: 4 },
    );
    assert.equal(s.count, 3);
    assertClose(s.birthMean, 2 / 3, "birth mean");
    assertClose(s.birthStd, Math.sqrt(2 / 9), "birth std");
    assertClose(s.deathMean, 8 / 3, "death mean");
    assertClose(s.deathStd, Math.sqrt(8 / 9), "death std");
    assert.equal(s.lifetimeMean, 2);
    assertClose(s.lifetimeStd, Math.sqrt(2 / 3), "lifetime std");
    assertClose(s.midlifeMean, 5 / 3, "midlife mean");
    assertClose(s.midlifeStd, Math.sqrt(7 / 18), "midlife std");
    assert.deepEqual([...s.topLifetimes], [3, 2, 1, 0]);
  });

  it("barcodeStatistics counts essential classes only with infinity", () => {
    const s = barcodeStatistics(
      barcode([
        [0, 2],
        [1, null],
      ]),
      { infinityValue: 5, topK: 2 },
    );
    assert.equal(s.count, 2);
    assert.equal(s.deathMean, 3.5);
    assert.deepEqual([...s.topLifetimes], [4, 2]);
  });

  it("barcodeStatistics of no pair is all zeros", () => {
    const s = barcodeStatistics(barcode([[1, 1]]), { topK: 2 });
    assert.deepEqual(flat(s), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(barcodeStatistics(barcode([])).topLifetimes.length, 5);
  });

  it("barcodeStatistics rejects bad options loudly", () => {
    const b = barcode([[0, 1]]);
    assert.throws(() => barcodeStatistics(b, { topK: -1 }), /options.topK must be an integer >= 0/);
    assert.throws(() => barcodeStatistics(b, { topK: 1.5 }), RangeError);
  });

  it("barcodeStatistics is unchanged by diagonal pairs and by reordering", () => {
    fc.assert(
      fc.property(arbitraryPairs(), arbitraryDiagonal(), fc.integer(), (pairs, diagonal, seed) => {
        const reference = flat(barcodeStatistics(bars(pairs)));
        for (const other of [interleave(pairs, diagonal, seed), shuffle(pairs, seed)]) {
          assertAllClose(flat(barcodeStatistics(bars(other))), reference, "statistics", {
            relative: 1e-12,
            absolute: 1e-14,
          });
        }
      }),
      { seed: 71, numRuns: 150 },
    );
  });
});
