import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { readFullDistance } from "./full-distance.js";
import { readLowerDistance } from "./lower-distance.js";
import { readPointCloud } from "./point-cloud.js";
import { readSparse } from "./sparse.js";
import { TextScanner } from "./text-scanner.js";
import { bytesSource } from "./text-source.js";

/** What a reader gave: its result as plain data, or its error's kind and message. */
function outcome(read: () => unknown): string {
  try {
    return JSON.stringify(read(), (_, v) =>
      ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
    );
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

const piece = fc.constantFrom(
  "0",
  "1.25",
  "0.123456789012345678",
  "3e-2",
  "-1e-9",
  "12345678901234567890",
  " ",
  ",",
  "\n",
  "\r\n",
  "\t",
  "x",
  "nan",
  "é",
  "\u{1F600}",
  "\ufeff",
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));

describe("TextScanner", () => {
  it("parses every decimal to the double Number gives", () => {
    const decimal = fc
      .tuple(
        fc.constantFrom("", "+", "-"),
        fc.stringMatching(/^\d{0,20}$/),
        fc.constantFrom("", "."),
        fc.stringMatching(/^\d{0,20}$/),
        fc.constantFrom("", "e", "E-", "e+"),
        fc.integer({ min: 0, max: 330 }),
      )
      .filter(([, int, dot, fraction]) => int.length + (dot ? fraction.length : 0) > 0)
      .map(([sign, int, dot, fraction, e, exponent]) =>
        dot
          ? `${sign}${int}.${fraction}${e && `${e}${exponent}`}`
          : `${sign}${int}${e && `${e}${exponent}`}`,
      );
    fc.assert(
      fc.property(decimal, (token) => {
        const scanner = new TextScanner(token, "d.txt");
        assert.ok(scanner.next());
        const expected = Number(token);
        if (!Number.isFinite(expected)) {
          assert.throws(() => scanner.number(), /out of the range of a double/);
        } else {
          assert.ok(Object.is(scanner.number(), expected), `${token}: ${scanner.number()}`);
        }
      }),
      { seed: 21, numRuns: 5000 },
    );
  });

  it("reads a text cut into chunks of any size as it reads it whole, errors and positions alike", () => {
    const readers = [readLowerDistance, readPointCloud, readFullDistance, readSparse];
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 9 }), (input, size) => {
        const bytes = new TextEncoder().encode(input);
        for (const read of readers) {
          assert.equal(
            outcome(() => read(bytesSource(bytes, size), "c.txt")),
            outcome(() => read(bytesSource(bytes), "c.txt")),
          );
        }
      }),
      { seed: 22, numRuns: 1000 },
    );
  });

  it("counts columns in UTF-16 code units of the text, not in bytes", () => {
    // The byte-order mark is 3 bytes, one code unit; row messages count it.
    assert.throws(() => readSparse("\ufeff0 1\n", "s.txt"), {
      name: "RangeError",
      message: "s.txt:1:5: sparse line has 2 values; expected three: i j distance",
    });
    assert.throws(() => readLowerDistance("1 2\n3 \u{1F600}\n", "e.txt"), {
      name: "TypeError",
      message: /^e\.txt:2:3: non-numeric token "\u{1F600}"/u,
    });
  });

  it("skips the byte-order mark a decoder drops from a file, and one more as in text", () => {
    const bom = [0xef, 0xbb, 0xbf];
    const once = Uint8Array.from([...bom, 0x31]);
    const twice = Uint8Array.from([...bom, ...bom, 0x31]);
    assert.deepEqual([...readLowerDistance(bytesSource(once), "b.txt").values], [1]);
    assert.deepEqual([...readLowerDistance(bytesSource(twice), "b.txt").values], [1]);
  });
});

describe("distance readers with a precision", () => {
  it("store each value as its double rounded to float32", () => {
    const parsed = readLowerDistance("0.1 0.2 0.3", "f.txt", { precision: "float32" });
    assert.ok(parsed.values instanceof Float32Array);
    assert.deepEqual([...parsed.values], [0.1, 0.2, 0.3].map(Math.fround));
  });

  it("keep the lower entry of a full matrix and check its symmetry on the exact values", () => {
    const rounded = readFullDistance("0 0.10916\n0.10917 0\n", "r.txt", { precision: "float32" });
    assert.ok(rounded.values instanceof Float32Array);
    assert.deepEqual([...rounded.values], [Math.fround(0.10917)]);
    assert.throws(
      () => readFullDistance("0 1\n1.0002 0\n", "a.txt", { precision: "float32" }),
      /a\.txt:1:3: asymmetric distance matrix: 1 at row 0, column 1 but 1\.0002/,
    );
  });
});
