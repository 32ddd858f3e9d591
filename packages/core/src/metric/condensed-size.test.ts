import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  allocateCondensed,
  assertCondensedSize,
  estimateCondensedBytes,
  MAX_CONDENSED_LENGTH,
} from "./condensed-size.js";

describe("estimateCondensedBytes", () => {
  it("counts count*(count-1)/2 entries of 4 or 8 bytes", () => {
    assert.equal(estimateCondensedBytes(1000, "float64"), 499500 * 8);
    assert.equal(estimateCondensedBytes(1000, "float32"), 499500 * 4);
    assert.equal(estimateCondensedBytes(0, "float32"), 0);
    assert.equal(estimateCondensedBytes(1, "float64"), 0);
  });

  it("refuses a negative or fractional count and an unknown precision", () => {
    assert.throws(() => estimateCondensedBytes(-1, "float32"), RangeError);
    assert.throws(() => estimateCondensedBytes(2.5, "float32"), RangeError);
    assert.throws(() => estimateCondensedBytes(10, "float16" as never), /"float32" or "float64"/);
    assert.throws(() => estimateCondensedBytes(10, undefined as never), TypeError);
  });
});

describe("assertCondensedSize", () => {
  it("accepts 65536 points, the largest count under MAX_CONDENSED_LENGTH", () => {
    assert.equal(MAX_CONDENSED_LENGTH, 2 ** 31 - 1);
    assert.ok((65536 * 65535) / 2 <= MAX_CONDENSED_LENGTH);
    assertCondensedSize(65536);
  });

  it("refuses 65537 points with advice to use a threshold, sparse input or fewer points", () => {
    assert.throws(
      () => assertCondensedSize(65537, "pairwiseDistances"),
      (error: unknown) =>
        error instanceof RangeError &&
        /^pairwiseDistances: 65537 points/.test(error.message) &&
        /threshold/.test(error.message) &&
        /sparseDistances/.test(error.message) &&
        /fewer points/.test(error.message),
    );
  });

  it("allocates arrays of the named precision", () => {
    assert.ok(allocateCondensed(5, "float32", "test") instanceof Float32Array);
    const values = allocateCondensed(5, "float64", "test");
    assert.ok(values instanceof Float64Array);
    assert.equal(values.length, 10);
  });
});
