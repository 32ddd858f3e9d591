import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertOneLineError } from "../test-support/errors.js";
import { fixtureBytes, fixtureJson, type JsonNumber } from "../test-support/fixtures.js";
import { readIdx } from "./read-idx.js";
import { assertSameArray } from "./read-npy.test.js";
import { writeIdx } from "./write-idx.js";
import { arbitraryArray } from "./write-npy.test.js";

// Written by scripts/fixtures/data.py with struct from the format's description; .gz by Python's gzip.
const cases = fixtureJson<{
  idx: { file: string; dtype: string; shape: number[]; values: JsonNumber[] }[];
}>("manifest.json")!.idx;

describe("readIdx", () => {
  it("reads the IDX fixtures, plain and gzip-compressed", () => {
    assert.ok(cases.some((c) => c.file.endsWith(".gz")));
    for (const c of cases) assertSameArray(readIdx(fixtureBytes(c.file)), c, c.file);
  });

  it("round-trips through writeIdx, plain and gzipped, for the dtypes IDX has", () => {
    const idxTypes = new Set(["uint8", "int8", "int16", "int32", "float32", "float64"]);
    fc.assert(
      fc.property(
        arbitraryArray.filter((a) => idxTypes.has(a.dtype) && a.shape.length > 0),
        fc.boolean(),
        (array, gzip) => {
          const back = readIdx(writeIdx(array, { gzip }));
          assert.equal(back.dtype, array.dtype);
          assert.deepEqual([...back.shape], array.shape);
          assert.deepEqual([...back.data], [...array.data]);
        },
      ),
      { numRuns: 100, seed: 5 },
    );
  });

  it("writes the fixture's bytes exactly", () => {
    for (const file of ["idx/train-images-idx3-ubyte", "idx/int16-idx2", "idx/float64-idx1"]) {
      const bytes = fixtureBytes(file);
      assert.deepEqual(writeIdx(readIdx(bytes)), bytes, file);
    }
  });

  it("names the problem in truncated, corrupt and foreign files", () => {
    const raw = fixtureBytes("idx/train-images-idx3-ubyte");
    assertOneLineError(
      () => readIdx(raw.subarray(0, raw.length - 2), { source: "images" }),
      /^images: truncated IDX file: shape \(3, 4, 5\) of uint8 needs 60 bytes of data, found 58$/,
      RangeError,
    );
    assertOneLineError(
      () => readIdx(raw.subarray(0, 10)),
      /shorter than the 16-byte header of 3 dimensions/,
      RangeError,
    );
    const gz = fixtureBytes("idx/train-images-idx3-ubyte.gz");
    assertOneLineError(
      () => readIdx(gz.subarray(0, gz.length - 5)),
      /corrupt or truncated gzip file/,
      RangeError,
    );
    const flipped = gz.slice();
    flipped[gz.length - 8]! ^= 0x10;
    assertOneLineError(() => readIdx(flipped), /gzip file: CRC-32 mismatch/, RangeError);
    const badType = raw.slice();
    badType[2] = 0x0a;
    assertOneLineError(() => readIdx(badType), /type code 0x0a is unknown/, TypeError);
    assertOneLineError(
      () => readIdx(new TextEncoder().encode("P5 28 28")),
      /not an IDX file/,
      TypeError,
    );
    assertOneLineError(
      () => writeIdx({ shape: [1], data: Uint16Array.of(1) }),
      /IDX has no uint16 type/,
      TypeError,
    );
  });
});
