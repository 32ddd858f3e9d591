import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { activationRows } from "./activation-rows.js";

// Two inputs, 2 channels, a 2 x 3 map; value = 100 n + 10 c + (3 y + x) in NCHW order.
const nchw = new Float32Array(2 * 2 * 2 * 3);
const nhwc = new Float32Array(2 * 2 * 3 * 2);
for (let n = 0; n < 2; n++) {
  for (let c = 0; c < 2; c++) {
    for (let y = 0; y < 2; y++) {
      for (let x = 0; x < 3; x++) {
        const value = 100 * n + 10 * c + 3 * y + x;
        nchw[((n * 2 + c) * 2 + y) * 3 + x] = value;
        nhwc[((n * 2 + y) * 3 + x) * 2 + c] = value;
      }
    }
  }
}

describe("activationRows", () => {
  it("activationRows averages each channel over space by default, in either layout", () => {
    const rows = activationRows(nchw, [2, 2, 2, 3]);
    assert.deepEqual(rows.count, 2);
    assert.deepEqual(rows.dimension, 2);
    assert.deepEqual(Array.from(rows.coordinates), [2.5, 12.5, 102.5, 112.5]);
    assert.ok(rows.coordinates instanceof Float32Array);
    assert.deepEqual(
      Array.from(activationRows(nhwc, [2, 2, 3, 2], { layout: "nhwc" }).coordinates),
      [2.5, 12.5, 102.5, 112.5],
    );
  });
  it("activationRows takes the channels at one position (TopoAct) or the whole map", () => {
    assert.deepEqual(
      Array.from(
        activationRows(nchw, [2, 2, 2, 3], { reduction: "position", position: [1, 2] }).coordinates,
      ),
      [5, 15, 105, 115],
    );
    // Default position: the centre (row 1, column 1).
    assert.deepEqual(
      Array.from(
        activationRows(nhwc, [2, 2, 3, 2], { layout: "nhwc", reduction: "position" }).coordinates,
      ),
      [4, 14, 104, 114],
    );
    const flat = activationRows(nchw, [2, 2, 2, 3], { reduction: "flatten" });
    assert.equal(flat.dimension, 12);
    assert.deepEqual(Array.from(flat.coordinates), Array.from(nchw));
  });
  it("activationRows rejects a wrong length or an outside position in one line", () => {
    assert.throws(
      () => activationRows(nchw, [2, 2, 2, 2]),
      /values\.length must be the product of shape \[2, 2, 2, 2\] = 16; got 24/,
    );
    assert.throws(
      () => activationRows(nchw, [2, 2, 2, 3], { reduction: "position", position: [2, 0] }),
      /position must be \[row, column\] inside 2 x 3/,
    );
  });
});
