import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { npyBytes } from "../test-support/npy-bytes.js";
import { readNpy } from "./npy.js";

describe("readNpy", () => {
  it("reads a little-endian float64 C-order matrix as np.save writes it", () => {
    const parsed = readNpy(npyBytes([3, 2], [1.5, 2, 3, 4, 5, 6]), "x.npy");
    assert.deepEqual(parsed, {
      kind: "matrix",
      rows: 3,
      columns: 2,
      values: Float64Array.of(1.5, 2, 3, 4, 5, 6),
    });
  });

  it("reads big-endian, Fortran order and every integer and float dtype", () => {
    for (const descr of [
      ">f8",
      "<f4",
      ">f4",
      "<i2",
      ">i4",
      "<i8",
      ">u2",
      "<u4",
      ">u8",
      "|i1",
      "|u1",
    ]) {
      // storage order of [[1,2,3],[4,5,6]] in Fortran order: columns
      const parsed = readNpy(
        npyBytes([2, 3], [1, 4, 2, 5, 3, 6], { descr, fortranOrder: true }),
        "f.npy",
      );
      assert.deepEqual([...parsed.values], [1, 2, 3, 4, 5, 6], descr);
    }
  });

  it("reads format versions 2 and 3", () => {
    for (const version of [2, 3] as const) {
      assert.deepEqual([...readNpy(npyBytes([1, 2], [7, 8], { version }), "v.npy").values], [7, 8]);
    }
  });

  it("refuses a truncated file, naming the bytes needed", () => {
    const bytes = npyBytes([3, 2], [1, 2, 3, 4, 5, 6]);
    assert.throws(() => readNpy(bytes.subarray(0, bytes.length - 3), "cut.npy"), {
      name: "RangeError",
      message: "cut.npy: truncated .npy file: shape (3, 2) of <f8 needs 48 bytes of data, found 45",
    });
    assert.throws(
      () => readNpy(bytes.subarray(0, 40), "cut.npy"),
      /truncated \.npy file: the header says/,
    );
    assert.throws(() => readNpy(bytes.subarray(0, 7), "cut.npy"), /truncated/);
  });

  it("refuses arrays that are not 2-D, unsupported dtypes and NaN", () => {
    assert.throws(
      () => readNpy(npyBytes([3], [1, 2, 3]), "a.npy"),
      /shape \(3,\); expected a 2-D array/,
    );
    assert.throws(() => readNpy(npyBytes([1, 1, 1], [1]), "a.npy"), /shape \(1, 1, 1\)/);
    const complex = new TextDecoder("latin1").decode(npyBytes([1, 1], [1])).replace("<f8", "<c8");
    assert.throws(
      () =>
        readNpy(
          Uint8Array.from(complex, (c) => c.charCodeAt(0)),
          "c.npy",
        ),
      {
        name: "TypeError",
        message: /\.npy dtype "<c8" is not supported/,
      },
    );
    assert.throws(
      () => readNpy(npyBytes([1, 2], [1, Number.NaN]), "n.npy"),
      /value NaN at row 0, column 1/,
    );
  });

  it("refuses a malformed header", () => {
    const good = new TextDecoder("latin1").decode(npyBytes([1, 1], [1]));
    const bad = good.replace("'shape'", "'shap' ");
    assert.throws(
      () =>
        readNpy(
          Uint8Array.from(bad, (c) => c.charCodeAt(0)),
          "h.npy",
        ),
      /malformed \.npy header at character \d+: unknown key "shap"/,
    );
  });
});
