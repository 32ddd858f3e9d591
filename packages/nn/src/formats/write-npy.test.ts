import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertOneLineError } from "../test-support/errors.js";
import { fixtureBytes, fixtureJson, sameNumber } from "../test-support/fixtures.js";
import { bfloat16Bits, float16Bits } from "./half-float.js";
import type { Dtype, NdArrayData } from "./nd-array.js";
import { NPY_DTYPES } from "./npy-header.js";
import { readNpy } from "./read-npy.js";
import { writeNpy } from "./write-npy.js";

/** Random arrays of every .npy dtype, with values the dtype holds. */
export const arbitraryArray = fc
  .record({
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 }),
    dtype: fc.constantFrom<Dtype>(...NPY_DTYPES),
    seed: fc.integer(),
  })
  .map(({ shape, dtype, seed }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    let s = seed >>> 0;
    const next = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 4294967296;
    };
    const values = Array.from({ length: size }, () => next());
    const data: Record<Dtype, () => NdArrayData> = {
      float16: () => Float32Array.from(values, (v) => (v - 0.5) * 1000),
      bfloat16: () => Float32Array.from(values),
      float32: () => Float32Array.from(values, (v) => (v - 0.5) * 1e6),
      float64: () => Float64Array.from(values, (v) => (v - 0.5) * 1e300),
      int8: () => Int8Array.from(values, (v) => Math.floor(v * 256) - 128),
      int16: () => Int16Array.from(values, (v) => Math.floor(v * 65536) - 32768),
      int32: () => Int32Array.from(values, (v) => Math.floor(v * 2 ** 32) - 2 ** 31),
      int64: () => Float64Array.from(values, (v) => Math.floor((v - 0.5) * 2 ** 53)),
      uint8: () => Uint8Array.from(values, (v) => Math.floor(v * 256)),
      uint16: () => Uint16Array.from(values, (v) => Math.floor(v * 65536)),
      uint32: () => Uint32Array.from(values, (v) => Math.floor(v * 2 ** 32)),
      uint64: () => Float64Array.from(values, (v) => Math.floor(v * 2 ** 53)),
      bool: () => Uint8Array.from(values, (v) => (v < 0.5 ? 0 : 1)),
    };
    return { shape, dtype, data: data[dtype]() };
  });

const numpy = existsSync("/usr/bin/python3")
  ? spawnSync("/usr/bin/python3", ["-c", "import numpy"]).status === 0
  : false;

describe("writeNpy", () => {
  it("writes NumPy's bytes exactly for little-endian C-order arrays", () => {
    for (const file of [
      "f2",
      "f4_le",
      "i1",
      "i4",
      "i8",
      "u1",
      "u2",
      "u4",
      "u8",
      "b1",
      "scalar",
      "empty",
      "f8_special",
    ]) {
      const bytes = fixtureBytes(`npy/${file}.npy`);
      const array = readNpy(bytes);
      assert.deepEqual(writeNpy(array), bytes, file);
    }
  });

  it("round-trips any shape and dtype through readNpy", () => {
    fc.assert(
      fc.property(arbitraryArray, (array) => {
        const back = readNpy(writeNpy(array));
        assert.equal(back.dtype, array.dtype);
        assert.deepEqual([...back.shape], array.shape);
        const expected =
          array.dtype === "float16"
            ? Array.from(
                array.data,
                (v) =>
                  readNpy(writeNpy({ shape: [1], data: Float32Array.of(v), dtype: "float16" }))
                    .data[0]!,
              )
            : Array.from(array.data);
        expected.forEach((v, k) => {
          assert.ok(sameNumber(back.data[k]!, v));
        });
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it("rounds float16 to nearest even as NumPy's astype does, and bfloat16 as PyTorch does", () => {
    // Made by scripts/fixtures/data.py: NumPy's float16 bits of float64 values (ties, overflow,
    // subnormals, random magnitudes) and PyTorch's bfloat16 bits of float32 values.
    const m = fixtureJson<{
      float16Rounding: [number, number][];
      bfloat16Rounding?: { cases: [number, number][] };
    }>("manifest.json")!;
    assert.ok(m.float16Rounding.length > 100);
    for (const [x, bits] of m.float16Rounding) assert.equal(float16Bits(x), bits, String(x));
    for (const [x, bits] of m.bfloat16Rounding?.cases ?? [])
      assert.equal(bfloat16Bits(x), bits, String(x));
  });

  it("refuses values the dtype cannot hold, bfloat16, and a data length that does not match the shape", () => {
    assertOneLineError(
      () => writeNpy({ shape: [2], data: Float64Array.of(1, 2.5), dtype: "int32" }),
      /element 1 is 2\.5; dtype int32 holds integers/,
      RangeError,
    );
    assertOneLineError(
      () => writeNpy({ shape: [1], data: Float64Array.of(2 ** 60), dtype: "int64" }),
      /int64/,
      RangeError,
    );
    assertOneLineError(
      () => writeNpy({ shape: [1], data: Uint8Array.of(2), dtype: "bool" }),
      /bool/,
      RangeError,
    );
    assertOneLineError(
      () => writeNpy({ shape: [1], data: Float32Array.of(1), dtype: "bfloat16" }),
      /bfloat16/,
      TypeError,
    );
    assertOneLineError(
      () => writeNpy({ shape: [2, 2], data: new Float32Array(3) }),
      /3 values; shape \(2, 2\) needs 4/,
      RangeError,
    );
    assertOneLineError(
      () => writeNpy({ shape: [3], data: [1, 2, 3] as unknown as Float32Array }),
      /Float32Array/,
      TypeError,
    );
    assertOneLineError(
      () => writeNpy({ shape: [-1], data: new Float32Array(0) }),
      /shape\[0\]/,
      RangeError,
    );
  });

  it("writes files that NumPy's np.load reads back (when /usr/bin/python3 has numpy)", {
    skip: !numpy,
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), "nettopo-npy-"));
    try {
      const cases = [
        { shape: [2, 3], data: Float32Array.of(1, -2, 3.5, 0, 1e-3, 7) },
        { shape: [4], data: Float64Array.of(3, -1, 2 ** 52, 0), dtype: "int64" as const },
        { shape: [2, 1, 2], data: Uint8Array.of(1, 0, 0, 1), dtype: "bool" as const },
        { shape: [], data: Float32Array.of(0.1), dtype: "float16" as const },
      ];
      cases.forEach((c, k) => {
        writeFileSync(join(dir, `${k}.npy`), writeNpy(c));
      });
      const script = `import json, sys, numpy as np
print(json.dumps([[str(a.dtype), list(a.shape), a.ravel().tolist()] for a in (np.load(sys.argv[1] + f"/{k}.npy") for k in range(${cases.length}))]))`;
      const run = spawnSync("/usr/bin/python3", ["-c", script, dir], { encoding: "utf8" });
      assert.equal(run.status, 0, run.stderr);
      const loaded = JSON.parse(run.stdout) as [string, number[], number[]][];
      assert.deepEqual(
        loaded.map(([dtype, shape]) => [dtype, shape]),
        [
          ["float32", [2, 3]],
          ["int64", [4]],
          ["bool", [2, 1, 2]],
          ["float16", []],
        ],
      );
      assert.deepEqual(loaded[1]![2], [3, -1, 2 ** 52, 0]);
      assert.deepEqual(loaded[2]![2], [true, false, false, true]);
      assert.equal(loaded[3]![2][0], 0.0999755859375); // np.float16(0.1)
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
