import assert from "node:assert/strict";
import { test } from "node:test";
import { barcode } from "./barcode.js";
import { pairEssentialClasses } from "./essential-pairing.js";

test("pairEssentialClasses matches essential classes in birth order", () => {
  const pairing = pairEssentialClasses(
    barcode([
      [3, null],
      [0, 1],
      [1, null],
    ]),
    barcode([
      [0.5, null],
      [2, null],
    ]),
  );
  assert.ok(pairing);
  assert.deepEqual([...pairing.a], [2, 0]);
  assert.deepEqual([...pairing.b], [0, 1]);
  assert.deepEqual([...pairing.gaps], [0.5, 1]);
});

test("pairEssentialClasses returns null when the numbers of essential classes differ", () => {
  assert.equal(pairEssentialClasses(barcode([[0, null]]), barcode([[0, 1]])), null);
});
