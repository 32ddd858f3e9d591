import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertOneLineError } from "../test-support/errors.js";
import {
  decodeNumber,
  fixtureBytes,
  fixtureJson,
  type JsonNumber,
  sameNumber,
} from "../test-support/fixtures.js";
import { readSafetensors } from "./read-safetensors.js";
import { arbitraryArray } from "./write-npy.test.js";
import { writeSafetensors } from "./write-safetensors.js";

interface SafetensorsCase {
  readonly file: string;
  readonly metadata: Record<string, string>;
  readonly arrays: { name: string; dtype: string; shape: number[]; values: JsonNumber[] }[];
}

// Written by scripts/fixtures/data.py byte by byte from the format's specification.
const fixture = fixtureJson<{ safetensors: SafetensorsCase }>("manifest.json")!.safetensors;

const DTYPE: Record<string, string> = {
  F32: "float32",
  F64: "float64",
  I64: "int64",
  BOOL: "bool",
  F16: "float16",
  BF16: "bfloat16",
  U8: "uint8",
  I16: "int16",
  U32: "uint32",
};

/** A .safetensors file with the given header object and data bytes. */
function file(header: unknown, data: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe("readSafetensors", () => {
  it("reads every dtype of the fixture, tensors in data order, with the metadata", () => {
    const { arrays, metadata } = readSafetensors(fixtureBytes(fixture.file));
    assert.deepEqual(metadata, fixture.metadata);
    assert.deepEqual(
      arrays.map((a) => a.name),
      fixture.arrays.map((a) => a.name),
    );
    fixture.arrays.forEach((e, k) => {
      const a = arrays[k]!;
      assert.equal(a.dtype, DTYPE[e.dtype], e.name);
      assert.deepEqual([...a.shape], e.shape, e.name);
      e.values.forEach((v, j) => {
        assert.ok(sameNumber(a.data[j]!, decodeNumber(v)), `${e.name}[${j}]`);
      });
    });
  });

  it("round-trips tensors and metadata through writeSafetensors", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryArray, { maxLength: 4 }),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
        (list, metadata) => {
          const named = list.map((a, k) => ({ ...a, name: `t${k}` }));
          const back = readSafetensors(writeSafetensors(named, { metadata }));
          assert.deepEqual(back.metadata, { ...metadata });
          back.arrays.forEach((a, k) => {
            assert.equal(a.name, named[k]!.name);
            assert.deepEqual([...a.shape], named[k]!.shape);
            if (a.dtype !== "float16")
              a.data.forEach((v, j) => {
                assert.ok(sameNumber(v, named[k]!.data[j]!));
              });
          });
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  it("writes bfloat16 and a tensor named __proto__", () => {
    const bytes = writeSafetensors([
      { name: "__proto__", shape: [2], data: Float32Array.of(1.5, -3), dtype: "bfloat16" },
    ]);
    const [a] = readSafetensors(bytes).arrays;
    assert.equal(a!.name, "__proto__");
    assert.equal(a!.dtype, "bfloat16");
    assert.deepEqual([...a!.data], [1.5, -3]);
  });

  it("validates offsets: overlap, gap, out of range, size mismatch, trailing bytes", () => {
    const data = new Uint8Array(16);
    const entry = (begin: number, end: number, shape = [(end - begin) / 4]) => ({
      dtype: "F32",
      shape,
      data_offsets: [begin, end],
    });
    assertOneLineError(
      () => readSafetensors(file({ a: entry(0, 8), b: entry(4, 12) }, data.subarray(0, 12))),
      /tensors "a" and "b" overlap/,
      RangeError,
    );
    assertOneLineError(
      () => readSafetensors(file({ a: entry(0, 4), b: entry(8, 16) }, data)),
      /data bytes 4 to 8 belong to no tensor/,
      RangeError,
    );
    assertOneLineError(
      () => readSafetensors(file({ a: entry(0, 16) }, data.subarray(0, 12))),
      /beyond the 12-byte data section/,
      RangeError,
    );
    assertOneLineError(
      () => readSafetensors(file({ a: entry(0, 8, [3]) }, data.subarray(0, 8))),
      /8 bytes of data; shape \(3,\) of F32 needs 12/,
      RangeError,
    );
    assertOneLineError(
      () => readSafetensors(file({ a: entry(0, 8) }, data)),
      /8 bytes after the last tensor/,
      RangeError,
    );
    assertOneLineError(
      () => readSafetensors(file({ a: entry(8, 4, [1]) }, data)),
      /end before begin/,
      RangeError,
    );
    assertOneLineError(
      () =>
        readSafetensors(
          file({ a: { dtype: "F8_E4M3", shape: [1], data_offsets: [0, 1] } }, data.subarray(0, 1)),
        ),
      /dtype "F8_E4M3"/,
      TypeError,
    );
    assertOneLineError(
      () => readSafetensors(file({ __metadata__: { n: 1 } }, new Uint8Array(0))),
      /__metadata__\.n is 1/,
      TypeError,
    );
    assertOneLineError(
      () => readSafetensors(file([1, 2], new Uint8Array(0))),
      /not a JSON object/,
      TypeError,
    );
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, 2n ** 63n, true);
    assertOneLineError(
      () => readSafetensors(huge),
      /truncated \.safetensors file: the header length says 9223372036854775808 bytes/,
      RangeError,
    );
    assertOneLineError(
      () => readSafetensors(new Uint8Array(5)),
      /shorter than the 8-byte header length/,
      RangeError,
    );
  });

  it("refuses reserved or repeated names in writeSafetensors", () => {
    const t = { shape: [1], data: Float32Array.of(1) };
    assertOneLineError(
      () => writeSafetensors([{ ...t, name: "__metadata__" }]),
      /reserved or repeated/,
      RangeError,
    );
    assertOneLineError(
      () =>
        writeSafetensors([
          { ...t, name: "a" },
          { ...t, name: "a" },
        ]),
      /reserved or repeated/,
      RangeError,
    );
    assertOneLineError(
      () => writeSafetensors([{ ...t, name: "a" }], { metadata: { k: 1 as unknown as string } }),
      /metadata\.k must be a string/,
      TypeError,
    );
  });
});
