import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readLowerDistance } from "./lower-distance.js";
import { readUpperDistance } from "./upper-distance.js";

describe("readLowerDistance", () => {
  it("reads Ripser's example with an empty first row and trailing commas", () => {
    // The layout of Ripser's examples/*.lower_distance_matrix files.
    const parsed = readLowerDistance("\n1,\n2,3,\n4,5,6,\n", "example.ldm");
    assert.equal(parsed.count, 4);
    assert.deepEqual([...parsed.values], [1, 2, 3, 4, 5, 6]);
  });

  it("takes the number of points from the count of values, not from the lines", () => {
    const parsed = readLowerDistance("1 2 3\n4 5 6", "flat.txt");
    assert.equal(parsed.count, 4);
    assert.deepEqual([...parsed.values], [1, 2, 3, 4, 5, 6]);
  });

  it("accepts whitespace, commas, tabs and CRLF line ends as separators", () => {
    const parsed = readLowerDistance("\r\n1.5,\r\n2e-1,\t3 ,\r\n", "crlf.txt");
    assert.deepEqual([...parsed.values], [1.5, 0.2, 3]);
  });

  it("reads a single value as two points", () => {
    assert.equal(readLowerDistance("0.5", "two.txt").count, 2);
  });

  it("turns tiny negative rounding noise into 0", () => {
    assert.deepEqual([...readLowerDistance("1 -1e-12 1", "noise.txt").values], [1, 0, 1]);
  });

  it("refuses a count of values that is not n(n-1)/2, naming the nearest sizes", () => {
    assert.throws(() => readLowerDistance("1 2", "bad.txt"), {
      name: "RangeError",
      message:
        /bad\.txt: 2 values do not form a lower-triangular distance matrix.*\(1 for 2 points, 3 for 3\)/,
    });
  });

  it("refuses a non-numeric token with its line and column", () => {
    assert.throws(() => readLowerDistance("\n1\n2 x3 4\n", "tok.txt"), {
      name: "TypeError",
      message: 'tok.txt:3:3: non-numeric token "x3"; expected a decimal number such as 0.5 or 1e-3',
    });
  });

  it("refuses NaN and infinities", () => {
    assert.throws(() => readLowerDistance("1 nan 1", "n.txt"), {
      name: "RangeError",
      message: /n\.txt:1:3: "nan" is not allowed; expected a finite number/,
    });
    assert.throws(() => readLowerDistance("1 1 -Infinity", "i.txt"), /i\.txt:1:5: "-Infinity"/);
    assert.throws(() => readLowerDistance("1 1 1e999", "o.txt"), /out of the range of a double/);
  });

  it("refuses a negative distance with its position", () => {
    assert.throws(() => readLowerDistance("\n1,\n-2,3,\n", "neg.txt"), {
      name: "RangeError",
      message: "neg.txt:3:1: negative distance -2; expected distances >= 0",
    });
  });

  it("refuses two commas in a row and a leading comma", () => {
    assert.throws(
      () => readLowerDistance("1,,2,3", "c.txt"),
      /c\.txt:1:3: empty value before this comma/,
    );
    assert.throws(() => readLowerDistance("1\n,2,3", "c.txt"), /c\.txt:2:1: empty value/);
  });

  it("refuses an empty input", () => {
    assert.throws(() => readLowerDistance(" \n\n", "empty.txt"), /empty\.txt: no values found/);
  });
});

describe("readUpperDistance", () => {
  it("reorders the upper triangle (pdist order) into the lower triangle", () => {
    // d01 d02 d03 d12 d13 d23
    const parsed = readUpperDistance("1 2 3\n4 5\n6\n", "upper.txt");
    assert.equal(parsed.count, 4);
    // lower order: d10 d20 d21 d30 d31 d32
    assert.deepEqual([...parsed.values], [1, 2, 4, 3, 5, 6]);
  });

  it("refuses a count of values that is not n(n-1)/2", () => {
    assert.throws(() => readUpperDistance("1 2 3 4", "u.txt"), /upper-triangular/);
  });
});
