import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readCsv } from "./csv.js";
import { readPointCloud } from "./point-cloud.js";

describe("readPointCloud", () => {
  it("reads one point per line, skipping blank lines and trailing separators", () => {
    const parsed = readPointCloud("0 0\n\n1, 0,\n0.5\t2\n", "cloud.txt");
    assert.deepEqual(parsed, {
      kind: "matrix",
      rows: 3,
      columns: 2,
      values: Float64Array.of(0, 0, 1, 0, 0.5, 2),
    });
  });

  it("refuses a row with more coordinates at its first extra value", () => {
    assert.throws(() => readPointCloud("0 0\n1 2 3\n", "more.txt"), {
      name: "RangeError",
      message:
        "more.txt:2:5: point 2 has more than 2 values; expected 2 like the first point (line 1)",
    });
  });

  it("refuses a row with fewer coordinates", () => {
    assert.throws(() => readPointCloud("0 0 0\n\n1 2\n", "fewer.txt"), {
      name: "RangeError",
      message: "fewer.txt:3:4: point 2 has 2 values; expected 3 like the first point (line 1)",
    });
  });

  it("refuses non-numeric tokens, NaN and no points", () => {
    assert.throws(() => readPointCloud("0 0\n1 a\n", "t.txt"), {
      name: "TypeError",
      message: /t\.txt:2:3/,
    });
    assert.throws(() => readPointCloud("0 NaN\n", "n.txt"), {
      name: "RangeError",
      message: /n\.txt:1:3/,
    });
    assert.throws(() => readPointCloud("\n \n", "e.txt"), /no values found/);
  });
});

describe("readCsv", () => {
  it("skips a header row of names", () => {
    const parsed = readCsv("x,y,z\n1,2,3\n4,5,6\n", "data.csv");
    assert.equal(parsed.rows, 2);
    assert.deepEqual([...parsed.values], [1, 2, 3, 4, 5, 6]);
  });

  it("reads a file without a header and with a byte-order mark", () => {
    const parsed = readCsv("\ufeff1,2\n3,4\n", "bom.csv");
    assert.deepEqual([...parsed.values], [1, 2, 3, 4]);
  });

  it("does not take a row of NaN for a header", () => {
    assert.throws(() => readCsv("nan,nan\n1,2\n", "nan.csv"), /nan\.csv:1:1: "nan" is not allowed/);
  });

  it("refuses names after the header and empty fields", () => {
    assert.throws(() => readCsv("a,b\n1,2\nc,4\n", "names.csv"), {
      name: "TypeError",
      message: /names\.csv:3:1/,
    });
    assert.throws(() => readCsv("a,b\n1,,2\n", "empty.csv"), /empty\.csv:2:3: empty value/);
  });
});
