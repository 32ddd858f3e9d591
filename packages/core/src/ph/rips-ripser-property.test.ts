import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import fc from "fast-check";
import { formatRipserBarcodes } from "../diagrams/ripser-barcodes.js";
import { pointCloud } from "../metric/point-cloud.js";
import { ripsPersistence } from "./rips-persistence.js";

// Debian's C++ Ripser 1.2.1 (`apt-get install ripser`; .ci/run installs it).
const RIPSER = "/usr/bin/ripser";
const directory = mkdtempSync(join(tmpdir(), "nettopo-ripser-"));
after(() => rmSync(directory, { recursive: true, force: true }));

/** Ripser's barcode lines for a file (its header lines dropped). */
function ripser(file: string, args: string[]): string {
  const output = execFileSync(RIPSER, [...args, file], { encoding: "utf8" });
  return output
    .split("\n")
    .filter((line) => line.startsWith("persistence") || line.startsWith(" ["))
    .map((line) => `${line}\n`)
    .join("");
}

const floats = (count: number, max: number) =>
  fc.array(fc.float({ min: 0, max: Math.fround(max), noNaN: true, noDefaultInfinity: true }), {
    minLength: count,
    maxLength: count,
  });

// maxDim >= 1 only: Debian's ripser 1.2.1 aborts on an assertion with --dim 0
// (its binomial table is too small for the apparent-pair check of edges).
describe("ripsPersistence against Ripser", () => {
  test("Debian's ripser is installed (apt-get install ripser)", () => {
    assert.ok(existsSync(RIPSER), `${RIPSER} is missing: apt-get install ripser`);
  });

  test("prints byte for byte Ripser's barcodes of random point clouds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.float({ min: Math.fround(0.1), max: 2, noNaN: true }), { nil: undefined }),
        fc.integer(),
        (count, dimension, maxDim, threshold, seed) => {
          // Coordinates on a coarse grid half the time, so that distances tie.
          const random = fc.sample(floats(count * dimension, 1), { seed, numRuns: 1 })[0]!;
          const coordinates = seed % 2 === 0 ? random.map((x) => Math.round(x * 4) / 4) : random;
          const file = join(directory, "points.txt");
          const rows = [];
          for (let i = 0; i < count; i++)
            rows.push(coordinates.slice(i * dimension, (i + 1) * dimension).join(","));
          writeFileSync(file, `${rows.join("\n")}\n`);
          const args = ["--format", "point-cloud", "--dim", String(maxDim)];
          if (threshold !== undefined) args.push("--threshold", String(threshold));
          const ours = ripsPersistence(pointCloud(coordinates, dimension), {
            maxDim,
            ...(threshold === undefined ? {} : { threshold }),
          });
          assert.equal(formatRipserBarcodes(ours, { vertexCount: count }), ripser(file, args));
        },
      ),
      { numRuns: 60, seed: 20261123 },
    );
  });

  test("prints byte for byte Ripser's barcodes of random distance matrices with ties", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (count, maxDim, seed) => {
          const length = (count * (count - 1)) / 2;
          // Small integers: many equal distances exercise the tie-breaking order.
          const values = fc.sample(
            fc.array(fc.integer({ min: 1, max: 12 }), { minLength: length, maxLength: length }),
            {
              seed,
              numRuns: 1,
            },
          )[0]!;
          const file = join(directory, "lower.txt");
          const lines = [""];
          for (let i = 1; i < count; i++)
            lines.push(
              values
                .slice((i * (i - 1)) / 2, (i * (i + 1)) / 2)
                .map((v) => `${v},`)
                .join(""),
            );
          writeFileSync(file, `${lines.join("\n")}\n`);
          const ours = ripsPersistence(
            { kind: "condensed", count, values: Float32Array.from(values) },
            { maxDim },
          );
          assert.equal(
            formatRipserBarcodes(ours, { vertexCount: count }),
            ripser(file, ["--format", "lower-distance", "--dim", String(maxDim)]),
          );
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
