import assert from "node:assert/strict";
import { test } from "node:test";
import { PivotMap } from "./pivot-map.js";

test("PivotMap keeps keys past 2^53 apart, also those equal in their low 64 bits", () => {
  const map = new PivotMap();
  // Encoded wide indices: doubles like 2^(51+q) + m 2^(q-1); for large q their low integer bits are all 0.
  const keys: number[] = [];
  for (let q = 2; q < 900; q += 7)
    for (let m = 0; m < 40; m++) keys.push(2 ** (51 + q) + m * 2 ** (q - 1));
  for (let m = 0; m < 200; m++) keys.push(m, 2 ** 52 + m);
  keys.forEach((key, column) => {
    map.set(key, column, 1 + (column % 7));
  });
  assert.equal(map.size, keys.length);
  keys.forEach((key, column) => {
    assert.equal(map.column(key), column);
    assert.equal(map.coefficient(key), 1 + (column % 7));
  });
  assert.equal(map.column(2 ** 60 + 41 * 2 ** 8), -1);
});
