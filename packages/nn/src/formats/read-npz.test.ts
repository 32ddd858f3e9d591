import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { assertOneLineError } from "../test-support/errors.js";
import {
  fixtureBytes,
  fixtureJson,
  type JsonNumber,
  sameNumber,
} from "../test-support/fixtures.js";
import { assertSameArray } from "./read-npy.test.js";
import { readNpz } from "./read-npz.js";
import { writeNpy } from "./write-npy.js";
import { arbitraryArray } from "./write-npy.test.js";
import { writeNpz } from "./write-npz.js";

interface NpzCase {
  readonly file: string;
  readonly methods: number[];
  readonly arrays: { name: string; dtype: string; shape: number[]; values: JsonNumber[] }[];
}

// Made by scripts/fixtures/data.py with np.savez (stored) and np.savez_compressed (deflated).
const cases = fixtureJson<{ npz: NpzCase[] }>("manifest.json")!.npz;

const numpy = existsSync("/usr/bin/python3")
  ? spawnSync("/usr/bin/python3", ["-c", "import numpy"]).status === 0
  : false;

describe("readNpz", () => {
  it("reads np.savez and np.savez_compressed files as np.load does, keys in file order", () => {
    assert.deepEqual(
      cases.map((c) => c.methods),
      [[0], [8]],
    );
    for (const c of cases) {
      const arrays = readNpz(fixtureBytes(c.file));
      assert.deepEqual(
        arrays.map((a) => a.name),
        c.arrays.map((a) => a.name),
      );
      c.arrays.forEach((expected, k) => {
        assertSameArray(arrays[k]!, expected, `${c.file}[${expected.name}]`);
      });
    }
  });

  it("round-trips arrays through writeNpz, stored or deflated", () => {
    fc.assert(
      fc.property(fc.array(arbitraryArray, { maxLength: 4 }), fc.boolean(), (list, compress) => {
        const named = list.map((a, k) => ({ ...a, name: `layer.${k}` }));
        const back = readNpz(writeNpz(named, { compress }));
        assert.deepEqual(
          back.map((a) => a.name),
          named.map((a) => a.name),
        );
        back.forEach((a, k) => {
          assert.deepEqual([...a.shape], named[k]!.shape);
          assert.equal(a.dtype, named[k]!.dtype);
          if (a.dtype !== "float16")
            a.data.forEach((v, j) => {
              assert.ok(sameNumber(v, named[k]!.data[j]!));
            });
        });
      }),
      { numRuns: 60, seed: 8 },
    );
  });

  it("writes the same bytes for the same arrays (entries are dated 1980-01-01)", () => {
    const arrays = [{ name: "a", shape: [2], data: Float32Array.of(1, 2) }];
    assert.deepEqual(writeNpz(arrays), writeNpz(arrays));
  });

  it("detects a corrupt entry by its CRC-32 and a renamed one by its local header", () => {
    const bytes = fixtureBytes("npz/stored.npz");
    const arrays = readNpz(bytes);
    const x = arrays.find((a) => a.name === "x")!;
    // Flip one bit of the first value of x inside the stored archive.
    const needle = writeNpy(x).subarray(128, 132);
    const at = bytes.findIndex((_, k) => needle.every((b, j) => bytes[k + j] === b));
    assert.ok(at > 0);
    const corrupt = bytes.slice();
    corrupt[at]! ^= 1;
    assertOneLineError(
      () => readNpz(corrupt, { source: "a.npz" }),
      /^a\.npz: entry "x\.npy": CRC-32 mismatch/,
      RangeError,
    );
  });

  it("refuses other compression methods, duplicate keys, non-.npy entries and bytes that are not zip", () => {
    assertOneLineError(
      () => readNpz(fixtureBytes("npy/f4_le.npy")),
      /not a zip archive/,
      TypeError,
    );
    const text = zipSync({ "notes.txt": [strToU8("hello"), { level: 0 }] });
    assertOneLineError(() => readNpz(text), /notes\.txt.*not a \.npy file/, TypeError);
    const twice = zipSync({
      a: writeNpy({ shape: [1], data: Float32Array.of(1) }),
      "a.npy": writeNpy({ shape: [1], data: Float32Array.of(2) }),
    });
    assertOneLineError(() => readNpz(twice), /two entries are named "a"/, RangeError);
    const deflated = zipSync({
      "a.npy": [writeNpy({ shape: [1], data: Float32Array.of(1) }), { level: 6 }],
    });
    // Method 8 -> 12 (bzip2) in the central directory.
    const central = deflated.findIndex(
      (_, k) =>
        deflated[k] === 0x50 &&
        deflated[k + 1] === 0x4b &&
        deflated[k + 2] === 1 &&
        deflated[k + 3] === 2,
    );
    deflated[central + 10] = 12;
    assertOneLineError(
      () => readNpz(deflated),
      /compression method 12; only stored \(0\) and deflate \(8\)/,
      TypeError,
    );
    assertOneLineError(
      () =>
        writeNpz([
          { name: "a", shape: [1], data: new Float32Array(1) },
          { name: "a", shape: [1], data: new Float32Array(1) },
        ]),
      /two arrays are named "a"/,
      RangeError,
    );
    assertOneLineError(
      () => writeNpz([{ name: "", shape: [1], data: new Float32Array(1) }]),
      /non-empty string/,
      TypeError,
    );
    assertOneLineError(
      () => writeNpz([{ name: "w", shape: [2], data: new Float32Array(1) }]),
      /^writeNpz: arrays\[0\] \("w"\)\.data has 1 values; shape \(2,\) needs 2$/,
      RangeError,
    );
  });

  it("writes files that NumPy's np.load reads back (when /usr/bin/python3 has numpy)", {
    skip: !numpy,
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), "nettopo-npz-"));
    try {
      const arrays = [
        { name: "conv1", shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) },
        { name: "labels", shape: [3], data: Int32Array.of(7, 8, 9) },
      ];
      writeFileSync(join(dir, "s.npz"), writeNpz(arrays));
      writeFileSync(join(dir, "c.npz"), writeNpz(arrays, { compress: true }));
      const script = `import json, sys, numpy as np
out = []
for name in ("s", "c"):
    z = np.load(sys.argv[1] + "/" + name + ".npz")
    out.append([[k, str(z[k].dtype), list(z[k].shape), z[k].ravel().tolist()] for k in z.files])
print(json.dumps(out))`;
      const run = spawnSync("/usr/bin/python3", ["-c", script, dir], { encoding: "utf8" });
      assert.equal(run.status, 0, run.stderr);
      const expected = [
        ["conv1", "float32", [2, 2], [1, 2, 3, 4]],
        ["labels", "int32", [3], [7, 8, 9]],
      ];
      assert.deepEqual(JSON.parse(run.stdout), [expected, expected]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
