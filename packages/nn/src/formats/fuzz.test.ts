import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { resultOrBoundaryError } from "../test-support/errors.js";
import { fixtureBytes, sameNumber } from "../test-support/fixtures.js";
import { DTYPES, type NdArray } from "./nd-array.js";
import { readIdx } from "./read-idx.js";
import { readNpy } from "./read-npy.js";
import { readNpz } from "./read-npz.js";
import { readSafetensors } from "./read-safetensors.js";

/** A reader under test: the file's arrays, or a thrown TypeError/RangeError. */
interface Format {
  readonly file: string;
  readonly read: (bytes: Uint8Array) => NdArray[];
  /** Whether the format checksums everything that matters (then a corrupt file must not read differently). */
  readonly checksummed: boolean;
}

const formats: Format[] = [
  ...["f4_le", "f8_be_fortran", "i8", "b1", "f2", "v3", "scalar", "empty"].map((name) => ({
    file: `npy/${name}.npy`,
    read: (b: Uint8Array) => [readNpy(b)],
    checksummed: false,
  })),
  { file: "npz/stored.npz", read: (b) => readNpz(b), checksummed: true },
  { file: "npz/compressed.npz", read: (b) => readNpz(b), checksummed: true },
  {
    file: "safetensors/tensors.safetensors",
    read: (b) => readSafetensors(b).arrays,
    checksummed: false,
  },
  { file: "idx/train-images-idx3-ubyte", read: (b) => [readIdx(b)], checksummed: false },
  { file: "idx/train-images-idx3-ubyte.gz", read: (b) => [readIdx(b)], checksummed: true },
];

/** Asserts the arrays are well formed: a known dtype and as many values as the shape says. */
function assertWellFormed(arrays: NdArray[]): void {
  for (const a of arrays) {
    assert.ok(DTYPES.includes(a.dtype));
    assert.ok(a.shape.every((n) => Number.isSafeInteger(n) && n >= 0));
    assert.equal(
      a.data.length,
      a.shape.reduce((x, y) => x * y, 1),
    );
  }
}

/** Whether two lists of arrays are the same: names, dtypes, shapes and values. */
function assertSameArrays(actual: NdArray[], expected: NdArray[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, k) => {
    const e = expected[k]!;
    assert.equal((a as { name?: string }).name, (e as { name?: string }).name);
    assert.equal(a.dtype, e.dtype);
    assert.deepEqual([...a.shape], [...e.shape]);
    a.data.forEach((v, j) => {
      assert.ok(sameNumber(v, e.data[j]!));
    });
  });
}

describe("array file readers under corruption (fuzz)", () => {
  for (const format of formats) {
    const bytes = fixtureBytes(format.file);
    const original = format.read(bytes);

    it(`refuse every truncation of ${format.file} with a one-line error`, {
      timeout: 30000,
    }, () => {
      for (let length = 0; length < bytes.length; length += 1) {
        const outcome = resultOrBoundaryError(() => format.read(bytes.slice(0, length)));
        assert.ok(
          "error" in outcome,
          `${format.file} cut to ${length} of ${bytes.length} bytes was read without an error`,
        );
      }
    });

    it(`read ${format.file} with corrupt bytes ${format.checksummed ? "as before or refuse it" : "into well-formed arrays or refuse it"}`, {
      timeout: 30000,
    }, () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({ at: fc.nat(bytes.length - 1), mask: fc.integer({ min: 1, max: 255 }) }),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
          (flips) => {
            const corrupt = bytes.slice();
            for (const { at, mask } of flips) corrupt[at]! ^= mask;
            const outcome = resultOrBoundaryError(() => format.read(corrupt));
            if ("value" in outcome) {
              assertWellFormed(outcome.value);
              if (format.checksummed) assertSameArrays(outcome.value, original);
            }
          },
        ),
        { numRuns: 300, seed: 42 },
      );
    });
  }

  it("refuse random bytes, or read them into well-formed arrays", { timeout: 30000 }, () => {
    const prefixes = formats.map((f) => fixtureBytes(f.file).subarray(0, 12));
    fc.assert(
      fc.property(fc.nat(formats.length - 1), fc.uint8Array({ maxLength: 200 }), (k, tail) => {
        const bytes = new Uint8Array(prefixes[k]!.length + tail.length);
        bytes.set(prefixes[k]!);
        bytes.set(tail, prefixes[k]!.length);
        for (const format of formats) {
          const outcome = resultOrBoundaryError(() => format.read(bytes));
          if ("value" in outcome) assertWellFormed(outcome.value);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
