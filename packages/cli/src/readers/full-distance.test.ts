import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFullDistance } from "./full-distance.js";

describe("readFullDistance", () => {
  it("keeps the lower triangle of a symmetric matrix", () => {
    const parsed = readFullDistance("0,1,2\n1,0,3\n2,3,0\n", "full.txt");
    assert.equal(parsed.count, 3);
    assert.deepEqual([...parsed.values], [1, 2, 3]);
  });

  it("skips blank lines and accepts trailing separators", () => {
    const parsed = readFullDistance("\n0 1 ,\n\n1 0,\n", "blank.txt");
    assert.deepEqual([...parsed.values], [1]);
  });

  it("accepts an asymmetry of printed rounding (1e-5 at five decimals)", () => {
    const parsed = readFullDistance("0 0.10916\n0.10917 0\n", "rounded.txt");
    assert.deepEqual([...parsed.values], [0.10917]);
  });

  it("refuses an asymmetric matrix, naming both entries", () => {
    assert.throws(() => readFullDistance("0 1 2\n1 0 3\n2 4 0\n", "asym.txt"), {
      name: "RangeError",
      message:
        "asym.txt:2:5: asymmetric distance matrix: 3 at row 1, column 2 but 4 at row 2, column 1; expected a symmetric matrix",
    });
  });

  it("refuses a non-square matrix", () => {
    assert.throws(() => readFullDistance("0 1 2\n1 0 3\n", "rect.txt"), {
      name: "RangeError",
      message: "rect.txt: a full distance matrix must be square; got 2 rows of 3 values",
    });
  });

  it("refuses ragged rows with the line of the short row", () => {
    assert.throws(() => readFullDistance("0 1 2\n1 0\n2 3 0\n", "ragged.txt"), {
      name: "RangeError",
      message: /^ragged\.txt:2:4: row 2 has 2 values; expected 3 like the first row \(line 1\)$/,
    });
  });

  it("refuses a non-zero diagonal and a negative entry", () => {
    assert.throws(
      () => readFullDistance("0 1\n1 0.5\n", "diag.txt"),
      /diag\.txt:2:3: diagonal entry 0\.5/,
    );
    assert.throws(
      () => readFullDistance("0 -1\n-1 0\n", "neg.txt"),
      /neg\.txt:1:3: negative distance -1/,
    );
  });
});
