import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { condensedFromFull } from "./condensed-from-full.js";
import { condensedFromLower } from "./condensed-from-lower.js";

describe("condensedFromLower", () => {
  it("infers the count from a triangular length", () => {
    const d = condensedFromLower([1, 2, 3, 4, 5, 6]);
    assert.equal(d.count, 4);
    assert.deepEqual(Array.from(d.values), [1, 2, 3, 4, 5, 6]);
    assert.equal(condensedFromLower([]).count, 1);
    assert.equal(condensedFromLower([], { count: 0 }).count, 0);
  });

  it("agrees with condensedFromFull on the same matrix (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }).chain((count) =>
          fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
            minLength: (count * (count - 1)) / 2,
            maxLength: (count * (count - 1)) / 2,
          }),
        ),
        (lower) => {
          const d = condensedFromLower(lower);
          const n = d.count;
          const full = new Float64Array(n * n);
          for (let i = 0, r = 0; i < n; i++) {
            for (let j = 0; j < i; j++, r++) {
              full[i * n + j] = lower[r]!;
              full[j * n + i] = lower[r]!;
            }
          }
          return Array.from(condensedFromFull(full, n).values).every((v, r) => v === d.values[r]);
        },
      ),
      { seed: 6, numRuns: 100 },
    );
  });

  it("keeps the input's precision unless another one is named", () => {
    assert.ok(condensedFromLower(new Float32Array([1, 2, 3])).values instanceof Float32Array);
    assert.ok(condensedFromLower([1, 2, 3]).values instanceof Float64Array);
    assert.ok(
      condensedFromLower([1, 2, 3], { precision: "float32" }).values instanceof Float32Array,
    );
  });

  it("refuses a length that is not triangular or does not match the count", () => {
    assert.throws(() => condensedFromLower([1, 2]), /count\*\(count-1\)\/2 for some count .*got 2/);
    assert.throws(() => condensedFromLower([1, 2, 3], { count: 4 }), /= 6 for count 4; got 3/);
  });

  it("names the pair of a NaN, infinite or negative entry", () => {
    assert.throws(() => condensedFromLower([1, 2, Number.NaN]), {
      name: "RangeError",
      message: /^condensedFromLower: lower\[2\] \(pair 2, 1\) must be finite; got NaN/,
    });
    assert.throws(() => condensedFromLower([1, -2, 3]), /got -2 at lower\[1\] \(pair 2, 0\)/);
    assert.deepEqual(Array.from(condensedFromLower([1, -1e-17, 3]).values), [1, 0, 3]);
    assert.throws(() => condensedFromLower([1, "2", 3] as never), TypeError);
  });
});
