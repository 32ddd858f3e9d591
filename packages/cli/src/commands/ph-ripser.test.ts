import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { seededRandom } from "@nettopo/core";
import { runCli } from "../test-support/run-cli.js";

/** Debian's `ripser` package: C++ Ripser 1.2.1, the reference of `--format text`. */
const RIPSER = "/usr/bin/ripser";
const skip = existsSync(RIPSER)
  ? false
  : `${RIPSER} is absent (install Debian's ripser package, as CI does): skipping the comparisons with Ripser`;

let dir = "";
before(() => {
  dir = mkdtempSync(join(tmpdir(), "nettopo-ripser-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function randomPoints(count: number, dimension: number, seed: number, scale = 1): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: dimension }, () => random() * scale),
  );
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(...a.map((x, k) => x - b[k]!));
}

const pointCloudText = (points: number[][]) => `${points.map((p) => p.join(" ")).join("\n")}\n`;
const round = (x: number) => Number(x.toFixed(6));

/**
 * Ripser's example layout of a lower-distance file: an empty first row and a
 * comma after each value (Debian's 1.2.1 reads it line by line, current Ripser
 * by counting values; both agree on this layout).
 */
function lowerText(points: number[][]): string {
  const rows = points.map((p, i) =>
    points
      .slice(0, i)
      .map((q) => `${round(distance(p, q))},`)
      .join(""),
  );
  return `${rows.join("\n")}\n`;
}

function fullText(points: number[][]): string {
  return `${points.map((p) => points.map((q) => round(distance(p, q))).join(",")).join("\n")}\n`;
}

function upperText(points: number[][]): string {
  const values: number[] = [];
  points.forEach((p, i) => {
    for (let j = i + 1; j < points.length; j += 1) values.push(round(distance(p, points[j]!)));
  });
  return `${values.join(" ")}\n`;
}

function sparseText(count: number, edges: number, seed: number): string {
  const random = seededRandom(seed);
  const lines = new Set<string>();
  while (lines.size < edges) {
    const i = Math.floor(random() * count);
    const j = Math.floor(random() * count);
    if (i !== j) lines.add(`${Math.max(i, j)} ${Math.min(i, j)}`);
  }
  return `${[...lines].map((pair) => `${pair} ${round(random())}`).join("\n")}\n`;
}

/** The barcode lines of Ripser's standard output (its other lines describe the input). */
function ripserBarcodes(args: string[]): string {
  const result = spawnSync(RIPSER, args, { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout
    .split("\n")
    .filter((line) => /^persistence intervals in dim \d+:$/.test(line) || line.startsWith(" ["))
    .map((line) => `${line}\n`)
    .join("");
}

interface Comparison {
  readonly name: string;
  readonly file: string;
  readonly content: () => string;
  readonly format: string;
  readonly extra: string[];
}

const angles = Array.from({ length: 24 }, (_, i) => (2 * Math.PI * i) / 24);
const circle = seededRandom(7);
const comparisons: Comparison[] = [
  {
    name: "a lower-distance matrix in Ripser's example layout, dimensions 0 to 2",
    file: "random.ldm",
    content: () => lowerText(randomPoints(12, 3, 1)),
    format: "lower-distance",
    extra: ["--dim", "2"],
  },
  {
    name: "three points asked for dimension 2 (Ripser prints no dimension above n - 2)",
    file: "three.txt",
    content: () => pointCloudText(randomPoints(3, 2, 5)),
    format: "point-cloud",
    extra: ["--dim", "2"],
  },
  {
    name: "a noisy circle as a point cloud",
    file: "circle.txt",
    content: () =>
      pointCloudText(
        angles.map((a) => [Math.cos(a) + 0.1 * circle(), Math.sin(a) + 0.1 * circle()]),
      ),
    format: "point-cloud",
    extra: ["--dim", "1"],
  },
  {
    name: "a full distance matrix with comma separators",
    file: "full.txt",
    content: () => fullText(randomPoints(11, 4, 2)),
    format: "distance",
    extra: ["--dim", "2"],
  },
  {
    name: "an upper-distance matrix",
    file: "upper.txt",
    content: () => upperText(randomPoints(10, 2, 3)),
    format: "upper-distance",
    extra: ["--dim", "1"],
  },
  {
    name: "a sparse graph",
    file: "graph.sparse",
    content: () => sparseText(14, 45, 4),
    format: "sparse",
    extra: ["--dim", "2"],
  },
  {
    name: "a point cloud under a threshold",
    file: "threshold.txt",
    content: () => pointCloudText(randomPoints(30, 2, 5)),
    format: "point-cloud",
    extra: ["--dim", "1", "--threshold", "0.3"],
  },
  {
    name: "tiny and huge scales printed in exponent form",
    file: "scales.txt",
    content: () =>
      pointCloudText([
        ...randomPoints(8, 2, 6, 1e-5),
        ...randomPoints(8, 2, 8, 1e7).map((p) => [p[0]! + 1e8, p[1]!]),
      ]),
    format: "point-cloud",
    extra: ["--dim", "1"],
  },
  {
    name: "a grid with many equal distances (ties keep Ripser's order)",
    file: "grid.txt",
    content: () => pointCloudText(Array.from({ length: 16 }, (_, k) => [k % 4, Math.floor(k / 4)])),
    format: "point-cloud",
    extra: ["--dim", "2"],
  },
];

describe("nettopo ph --format text against Ripser 1.2.1", () => {
  for (const { name, file, content, format, extra } of comparisons) {
    it(`prints the same barcode lines as ${RIPSER} for ${name}`, { skip }, () => {
      const path = join(dir, file);
      writeFileSync(path, content());
      const expected = ripserBarcodes(["--format", format, ...extra, path]);
      const ours = runCli(["ph", "--input", format, "--format", "text", ...extra, path]);
      assert.equal(ours.stderr, "");
      assert.equal(ours.status, 0);
      assert.ok(expected.length > 0);
      assert.equal(ours.stdout, expected);
    });
  }
});
