import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { condensedFromFull } from "./condensed-from-full.js";
import { condensedIndex } from "./condensed-index.js";

/** A random symmetric, zero-diagonal, non-negative count x count matrix, row-major. */
const fullMatrix = fc.integer({ min: 0, max: 12 }).chain((count) =>
  fc
    .array(fc.double({ min: 0, max: 1e6, noNaN: true }), {
      minLength: (count * (count - 1)) / 2,
      maxLength: (count * (count - 1)) / 2,
    })
    .map((lower) => {
      const full = new Float64Array(count * count);
      let r = 0;
      for (let i = 0; i < count; i++) {
        for (let j = 0; j < i; j++, r++) {
          full[i * count + j] = lower[r]!;
          full[j * count + i] = lower[r]!;
        }
      }
      return { count, full };
    }),
);

describe("condensedFromFull", () => {
  it("keeps the strict lower triangle row by row", () => {
    const d = condensedFromFull([0, 1, 2, 1, 0, 3, 2, 3, 0], 3);
    assert.equal(d.kind, "condensed");
    assert.equal(d.count, 3);
    assert.ok(d.values instanceof Float64Array);
    assert.deepEqual(Array.from(d.values), [1, 2, 3]);
  });

  it("puts entry (i, j) of the full matrix at condensedIndex(count, i, j) (property)", () => {
    fc.assert(
      fc.property(fullMatrix, ({ count, full }) => {
        const { values } = condensedFromFull(full, count, { tolerance: 0 });
        for (let i = 0; i < count; i++) {
          for (let j = 0; j < count; j++) {
            if (i !== j && values[condensedIndex(count, i, j)] !== full[i * count + j])
              return false;
          }
        }
        return values.length === (count * (count - 1)) / 2;
      }),
      { seed: 5, numRuns: 100 },
    );
  });

  it("keeps the input's precision unless another one is named", () => {
    const f32 = new Float32Array([0, 0.1, 0.1, 0]);
    assert.ok(condensedFromFull(f32, 2).values instanceof Float32Array);
    const widened = condensedFromFull(f32, 2, { precision: "float64" });
    assert.ok(widened.values instanceof Float64Array);
    assert.equal(widened.values[0], Math.fround(0.1));
    assert.ok(
      condensedFromFull([0, 0.1, 0.1, 0], 2, { precision: "float32" }).values instanceof
        Float32Array,
    );
  });

  it("repairs rounding noise within the tolerance: asymmetry, diagonal and tiny negatives", () => {
    const noisy = [2e-16, 0.5 + 1e-12, -1e-17, 0.5, 0, 0.25, -1e-17, 0.25, 0];
    const d = condensedFromFull(noisy, 3);
    assert.deepEqual(Array.from(d.values), [0.5, 0, 0.25]);
    assert.ok(Object.is(d.values[1], 0));
  });

  it("refuses an asymmetric matrix, naming both entries", () => {
    assert.throws(() => condensedFromFull([0, 1, 2, 0], 2), {
      name: "RangeError",
      message:
        "condensedFromFull: the matrix must be symmetric (within tolerance 0.0001); got 2 at (1, 0) but 1 at (0, 1)",
    });
  });

  it("refuses a non-zero diagonal and hints at similarity matrices", () => {
    assert.throws(() => condensedFromFull([1, 0.3, 0.3, 1], 2), /diagonal must be 0.*similarity/);
    assert.throws(() => condensedFromFull([0, 0, 0, 1e-3], 2), /got 0.001 at \(1, 1\)/);
  });

  it("refuses negative distances beyond the tolerance", () => {
    assert.throws(
      () => condensedFromFull([0, -0.5, -0.5, 0], 2),
      /must be >= 0.*got -0.5 at \(1, 0\)/,
    );
    assert.throws(() => condensedFromFull([0, -1e-12, -1e-12, 0], 2, { tolerance: 0 }), RangeError);
  });

  it("names the row and column of a NaN or infinite entry", () => {
    assert.throws(() => condensedFromFull([0, 1, 2, 1, 0, Number.NaN, 2, 3, 0], 3), {
      name: "RangeError",
      message:
        /^condensedFromFull: matrix\[5\] \(row 1, column 2\) must be finite; got NaN; .*sparseDistances/,
    });
    assert.throws(
      () => condensedFromFull([0, Number.POSITIVE_INFINITY, 1, 0], 2),
      /row 0, column 1/,
    );
  });

  it("refuses a length other than count*count and bad options", () => {
    assert.throws(
      () => condensedFromFull([0, 1, 1, 0], 3),
      /count\*count = 9; got 4 \(count 2\?\)/,
    );
    assert.throws(() => condensedFromFull([0], 1, { tolerance: -1 }), RangeError);
    assert.throws(() => condensedFromFull([0], 1, { tolerance: "1" as never }), TypeError);
    assert.throws(() => condensedFromFull({} as never, 1), TypeError);
    assert.throws(() => condensedFromFull([0], 1, { precision: "float16" as never }), RangeError);
  });

  it("does not mutate its input", () => {
    const input = new Float64Array([0, -1e-17, -1e-17, 0]);
    condensedFromFull(input, 2);
    assert.deepEqual(Array.from(input), [0, -1e-17, -1e-17, 0]);
  });
});
