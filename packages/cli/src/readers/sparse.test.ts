import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readSparse } from "./sparse.js";

describe("readSparse", () => {
  it("reads i j value lines, the count being the largest index + 1", () => {
    const parsed = readSparse("0 1 0.5\n1 2 0.7\n\n0,2,0.9\n", "graph.txt");
    assert.equal(parsed.count, 3);
    assert.deepEqual([...parsed.rows], [1, 2, 2]);
    assert.deepEqual([...parsed.cols], [0, 0, 1]);
    assert.deepEqual([...parsed.values], [0.5, 0.9, 0.7]);
  });

  it("keeps one entry for an edge listed in both orientations with one value", () => {
    const parsed = readSparse("0 1 1\n1 0 1\n3 3 0\n", "both.txt");
    assert.equal(parsed.count, 4);
    assert.deepEqual([...parsed.values], [1]);
  });

  it("refuses an edge listed twice with different values", () => {
    assert.throws(() => readSparse("0 1 1\n1 0 2\n", "twice.txt"), {
      name: "RangeError",
      message: /twice\.txt:2: edge 0 1 has distance 2 but 1 on line 1/,
    });
  });

  it("refuses a line without three values, a fractional index and a vertex value", () => {
    assert.throws(
      () => readSparse("0 1\n", "short.txt"),
      /short\.txt:1:4: sparse line has 2 values/,
    );
    assert.throws(() => readSparse("0 1 1 5\n", "long.txt"), /long\.txt:1:7: extra value "5"/);
    assert.throws(() => readSparse("0 1.5 1\n", "frac.txt"), {
      name: "TypeError",
      message: /frac\.txt:1:3/,
    });
    assert.throws(() => readSparse("2 2 1\n", "diag.txt"), /diag\.txt:1:5: diagonal entry 2 2/);
  });

  it("refuses negative distances, NaN and an empty file", () => {
    assert.throws(() => readSparse("0 1 -1\n", "neg.txt"), /neg\.txt:1:5: negative distance -1/);
    assert.throws(() => readSparse("0 1 NaN\n", "nan.txt"), /nan\.txt:1:5/);
    assert.throws(() => readSparse("", "e.txt"), /no values found/);
  });
});
