import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { condensedIndex, condensedPair } from "./condensed-index.js";

describe("condensedIndex", () => {
  it("numbers the pairs of 4 points (1,0), (2,0), (2,1), (3,0), (3,1), (3,2) as 0..5", () => {
    const pairs = [
      [1, 0],
      [2, 0],
      [2, 1],
      [3, 0],
      [3, 1],
      [3, 2],
    ];
    assert.deepEqual(
      pairs.map(([i, j]) => condensedIndex(4, i!, j!)),
      [0, 1, 2, 3, 4, 5],
    );
  });

  it("enumerates every pair exactly once, row by row, for any count (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), (count) => {
        let expected = 0;
        for (let i = 1; i < count; i++) {
          for (let j = 0; j < i; j++) {
            if (condensedIndex(count, i, j) !== expected) return false;
            expected += 1;
          }
        }
        return expected === (count * (count - 1)) / 2;
      }),
      { seed: 1, numRuns: 40 },
    );
  });

  it("does not depend on the order of i and j, and condensedPair inverts it (property)", () => {
    const pair = fc
      .integer({ min: 2, max: 70000 })
      .chain((count) =>
        fc.tuple(
          fc.constant(count),
          fc.integer({ min: 0, max: count - 1 }),
          fc.integer({ min: 0, max: count - 1 }),
        ),
      )
      .filter(([, i, j]) => i !== j);
    fc.assert(
      fc.property(pair, ([count, i, j]) => {
        const r = condensedIndex(count, i, j);
        const [a, b] = condensedPair(r);
        return r === condensedIndex(count, j, i) && a === Math.max(i, j) && b === Math.min(i, j);
      }),
      { seed: 2, numRuns: 500 },
    );
  });

  it("refuses the diagonal, points out of range and non-integers with a RangeError", () => {
    assert.throws(() => condensedIndex(4, 2, 2), /i and j must differ/);
    assert.throws(() => condensedIndex(4, 4, 0), RangeError);
    assert.throws(() => condensedIndex(4, 1.5, 0), RangeError);
    assert.throws(() => condensedIndex(1, 1, 0), RangeError);
    assert.throws(() => condensedIndex(4, "1" as unknown as number, 0), TypeError);
  });
});
