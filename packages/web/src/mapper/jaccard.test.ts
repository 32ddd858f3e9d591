import assert from "node:assert/strict";
import { test } from "node:test";
import { jaccard, linkWidth } from "./jaccard.js";

test("jaccard is |A ∩ B| / |A ∪ B| of sorted member lists", () => {
  assert.equal(jaccard([1, 2, 3, 4], [3, 4, 5, 6]), 2 / 6);
  assert.equal(jaccard([1, 2], [1, 2]), 1);
  assert.equal(jaccard([1, 2], [3]), 0);
  assert.equal(jaccard([], []), 0);
  assert.equal(jaccard([0, 5, 9], [5]), 1 / 3);
});

test("linkWidth grows with the overlap from a hairline to the maximum, clamped", () => {
  assert.equal(linkWidth(0), 0.6);
  assert.equal(linkWidth(1), 6);
  assert.equal(linkWidth(2), 6);
  assert.equal(linkWidth(Number.NaN), 0.6);
  assert.ok(linkWidth(0.1) < linkWidth(0.2));
  assert.equal(linkWidth(1, 3), 3);
});
