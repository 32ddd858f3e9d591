import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { npyBytes } from "../test-support/npy-bytes.js";
import { readCsv } from "./csv.js";
import { readFullDistance } from "./full-distance.js";
import { readLowerDistance } from "./lower-distance.js";
import { readNpy } from "./npy.js";
import { readPointCloud } from "./point-cloud.js";
import { readSparse } from "./sparse.js";
import { readUpperDistance } from "./upper-distance.js";

const TEXT_READERS = {
  "lower-distance": readLowerDistance,
  "upper-distance": readUpperDistance,
  distance: readFullDistance,
  "point-cloud": readPointCloud,
  sparse: readSparse,
  csv: readCsv,
} as const;

/** Runs a reader: it must return, or throw a TypeError / RangeError with a one-line message. */
function parsesOrRefusesCleanly(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    assert.ok(
      error instanceof TypeError || error instanceof RangeError,
      `expected a TypeError or RangeError, got ${String(error)}`,
    );
    assert.doesNotMatch(error.message, /[\r\n]/, "the message must be one line");
    assert.ok(error.message.length > 0);
  }
}

/** Texts built from the pieces matrix files are made of, plus troublemakers. */
const matrixText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom("0", "1", "2", "0.5", "1e-3", "3.25", "10", "7") },
      { weight: 4, arbitrary: fc.constantFrom(" ", ",", "\n", "\t", "\r\n", ", ") },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "-1",
          "nan",
          "inf",
          "-Infinity",
          "1e999",
          "x",
          ".",
          "-",
          "+",
          "1e",
          "\ufeff",
          "\u2028",
          "\0",
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("text readers under fuzzing", () => {
  for (const [name, read] of Object.entries(TEXT_READERS)) {
    it(`${name} parses or refuses with a one-line TypeError/RangeError on matrix-like text`, {
      timeout: 60_000,
    }, () => {
      fc.assert(
        fc.property(matrixText, (text) => parsesOrRefusesCleanly(() => read(text, "fuzz.txt"))),
        { seed: 11, numRuns: 1500 },
      );
    });

    it(`${name} parses or refuses cleanly on arbitrary unicode text`, { timeout: 60_000 }, () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) =>
          parsesOrRefusesCleanly(() => read(text, "fuzz.txt")),
        ),
        { seed: 12, numRuns: 500 },
      );
    });
  }

  it("a file name with a newline still gives one-line messages", () => {
    parsesOrRefusesCleanly(() => readLowerDistance("1 x", "bad\nname.txt"));
    assert.throws(() => readLowerDistance("1 x", "bad\nname.txt"), /"bad\\nname\.txt":1:3/);
  });
});

describe("npy reader under fuzzing", () => {
  const valid = fc
    .record({
      rows: fc.integer({ min: 0, max: 4 }),
      columns: fc.integer({ min: 0, max: 4 }),
      descr: fc.constantFrom("<f8", ">f8", "<f4", ">f4", "<i4", ">i2", "|u1", "<u8", "<i8"),
      fortranOrder: fc.boolean(),
      version: fc.constantFrom(1 as const, 2 as const, 3 as const),
    })
    .map(({ rows, columns, descr, fortranOrder, version }) =>
      npyBytes(
        [rows, columns],
        Array.from({ length: rows * columns }, (_, k) => k % 100),
        { descr, fortranOrder, version },
      ),
    );

  it("reads every valid file it writes", () => {
    fc.assert(
      fc.property(valid, (bytes) => parsesOrRefusesCleanly(() => readNpy(bytes, "v.npy"))),
      { seed: 13, numRuns: 300 },
    );
  });

  it("parses or refuses cleanly when valid files are mutated", { timeout: 60_000 }, () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant("flip" as const),
        at: fc.nat(),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), value: fc.constant(0) }),
      fc.record({
        kind: fc.constant("grow" as const),
        at: fc.nat({ max: 16 }),
        value: fc.integer({ min: 0, max: 255 }),
      }),
    );
    fc.assert(
      fc.property(valid, fc.array(mutation, { minLength: 1, maxLength: 4 }), (bytes, mutations) => {
        let data = Uint8Array.from(bytes);
        for (const { kind, at, value } of mutations) {
          if (kind === "flip" && data.length > 0) data[at % data.length] = value;
          else if (kind === "cut") data = data.subarray(0, at % (data.length + 1));
          else if (kind === "grow") data = Uint8Array.from([...data, ...new Array(at).fill(value)]);
        }
        parsesOrRefusesCleanly(() => readNpy(data, "m.npy"));
      }),
      { seed: 14, numRuns: 3000 },
    );
  });

  it("parses or refuses cleanly on random bytes after the magic", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        const data = Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, ...tail]);
        parsesOrRefusesCleanly(() => readNpy(data, "r.npy"));
        parsesOrRefusesCleanly(() => readNpy(tail, "r.npy"));
      }),
      { seed: 15, numRuns: 1000 },
    );
  });

  it("parses or refuses cleanly when the header text is mutated", () => {
    const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
    fc.assert(
      fc.property(
        fc.nat(header.length),
        fc.string({ maxLength: 3 }),
        fc.nat(3),
        (at, insert, remove) => {
          const dict = header.slice(0, at) + insert + header.slice(at + remove);
          const body = new TextEncoder().encode(`${dict}\n`);
          const out = new Uint8Array(10 + body.length + 32);
          out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, body.length & 0xff, body.length >> 8]);
          out.set(body, 10);
          parsesOrRefusesCleanly(() => readNpy(out, "h.npy"));
        },
      ),
      { seed: 16, numRuns: 2000 },
    );
  });
});
