import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import fc from "fast-check";
import { formatRipserBarcodes } from "../diagrams/ripser-barcodes.js";
import { correlationDissimilarity } from "../metric/correlation-dissimilarity.js";
import { gaussian, seededRandom } from "../random.js";
import type { CondensedDistances } from "../types.js";
import { ripsPersistence } from "./rips-persistence.js";

// The dense representation reduces with MergedCoboundaryColumn and finds the
// apparent pairs of edges with CommonNeighbors; the sparse one with Ripser's
// heap of entries and vertex scans (HeapColumn). Same complex, same pivots.

/** Small integer distances: most of them tie, so the order among equal diameters matters. */
function tiedMatrix(count: number, levels: number, seed: number): CondensedDistances {
  const random = seededRandom(seed);
  const values = Float32Array.from(
    { length: (count * (count - 1)) / 2 },
    () => 1 + Math.floor(random() * levels),
  );
  return { kind: "condensed", count, values };
}

/**
 * 1 - |corr| of the neurons of a random ReLU layer on random inputs, in
 * float32: dissimilarities bunched near 1, as the neuron matrices whose long
 * chains of apparent pairs the merged column was written for.
 */
function neuronMatrix(neurons: number, samples: number, seed: number): CondensedDistances {
  const random = seededRandom(seed);
  const inputs = Float64Array.from({ length: samples * 4 }, () => gaussian(random));
  const weights = Float64Array.from({ length: 4 * neurons }, () => gaussian(random));
  const activations = new Float64Array(samples * neurons);
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < neurons; j++) {
      let a = 0.3 * gaussian(random);
      for (let k = 0; k < 4; k++) a += inputs[4 * s + k] * weights[k * neurons + j];
      activations[s * neurons + j] = Math.max(0, a);
    }
  }
  return correlationDissimilarity(activations, { samples, neurons }, { precision: "float32" });
}

const RIPSER = "/usr/bin/ripser";
const directory = mkdtempSync(join(tmpdir(), "nettopo-merged-"));
after(() => rmSync(directory, { recursive: true, force: true }));

function ripserBarcodes(distances: CondensedDistances, maxDim: number): string {
  const { count, values } = distances;
  const lines = [""];
  for (let i = 1; i < count; i++) {
    const row = [];
    for (let j = 0; j < i; j++) row.push(values[(i * (i - 1)) / 2 + j].toPrecision(9));
    lines.push(row.join(","));
  }
  const file = join(directory, "lower.txt");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const output = execFileSync(
    RIPSER,
    ["--format", "lower-distance", "--dim", String(maxDim), file],
    { encoding: "utf8" },
  );
  return output
    .split("\n")
    .filter((line) => line.startsWith("persistence") || line.startsWith(" ["))
    .map((line) => `${line}\n`)
    .join("");
}

describe("the merged coboundary column", () => {
  test("gives the heap column's pairs, their order and their cocycles on matrices with ties", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 28 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(2, 3, 5, 7),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        fc.integer(),
        (count, maxDim, levels, modulus, threshold, seed) => {
          const distances = tiedMatrix(count, levels, seed);
          const options = {
            maxDim,
            modulus,
            cocycles: true,
            ...(threshold === undefined ? {} : { threshold }),
          };
          const dense = ripsPersistence(distances, { ...options, representation: "dense" });
          const sparse = ripsPersistence(distances, { ...options, representation: "sparse" });
          assert.deepEqual(dense, sparse);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  test("gives the heap column's diagram on neuron-like 1 - |corr| matrices", () => {
    for (const [neurons, seed] of [
      [60, 1],
      [120, 2],
      [200, 3],
    ] as const) {
      const distances = neuronMatrix(neurons, 300, seed);
      for (const maxDim of [1, 2]) {
        if (maxDim === 2 && neurons > 120) continue;
        const dense = ripsPersistence(distances, { maxDim, representation: "dense" });
        const sparse = ripsPersistence(distances, { maxDim, representation: "sparse" });
        assert.deepEqual(dense, sparse, `${neurons} neurons, maxDim ${maxDim}`);
      }
    }
  });

  test("prints byte for byte Ripser's barcodes of neuron-like 1 - |corr| matrices", () => {
    assert.ok(existsSync(RIPSER), `${RIPSER} is missing: apt-get install ripser`);
    for (const [neurons, seed, maxDim] of [
      [80, 4, 2],
      [250, 5, 1],
    ] as const) {
      const distances = neuronMatrix(neurons, 400, seed);
      const ours = ripsPersistence(distances, { maxDim });
      assert.equal(
        formatRipserBarcodes(ours, { vertexCount: neurons }),
        ripserBarcodes(distances, maxDim),
        `${neurons} neurons, maxDim ${maxDim}`,
      );
    }
  });
});
