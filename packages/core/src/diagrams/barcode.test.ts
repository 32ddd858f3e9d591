import assert from "node:assert/strict";
import { test } from "node:test";
import { barcode, barcodeOf, requireBarcode, splitEssential } from "./barcode.js";

test("barcode reads [birth, death] pairs with null as an essential class", () => {
  const bars = barcode([
    [0, 1],
    [0.5, null],
  ]);
  assert.deepEqual([...bars.births], [0, 0.5]);
  assert.deepEqual([...bars.deaths], [1, Number.POSITIVE_INFINITY]);
});

test("requireBarcode names the first pair that dies before its birth or holds NaN", () => {
  const births = new Float64Array([0, 2]);
  assert.throws(
    () => requireBarcode("x", { births, deaths: new Float64Array([1, 1]) }),
    /x: pair 1 dies at 1 before its birth 2/,
  );
  assert.throws(
    () => requireBarcode("x", { births, deaths: new Float64Array([1, Number.NaN]) }),
    /NaN/,
  );
  assert.throws(
    () =>
      requireBarcode("x", {
        births: new Float64Array([Number.NaN]),
        deaths: new Float64Array([1]),
      }),
    /finite/,
  );
  assert.throws(() => requireBarcode("x", { births, deaths: new Float64Array([1]) }), /pair up/);
  assert.throws(() => requireBarcode("x", { births: [0], deaths: [1] }), TypeError);
});

test("barcodeOf gives an empty barcode for a dimension the diagram lacks", () => {
  const dim0 = { dim: 0, births: new Float64Array([0]), deaths: new Float64Array([1]) };
  assert.equal(barcodeOf({ dimensions: [dim0] }, 0), dim0);
  assert.equal(barcodeOf({ dimensions: [dim0] }, 2).births.length, 0);
  assert.throws(() => barcodeOf({ dimensions: [] }, -1), RangeError);
});

test("splitEssential separates finite pairs from essential births in order", () => {
  const { finite, essentialBirths } = splitEssential(
    barcode([
      [0, null],
      [1, 2],
      [3, null],
      [4, 5],
    ]),
  );
  assert.deepEqual([...finite.births], [1, 4]);
  assert.deepEqual([...finite.deaths], [2, 5]);
  assert.deepEqual([...essentialBirths], [0, 3]);
});
