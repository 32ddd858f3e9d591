import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { gaussian, seededRandom } from "../random.js";
import { radiusKernel } from "./radius-kernel.js";
import { radiusPairs } from "./radius-pairs.js";
import { squaredDistance } from "./squared-distance.js";

type Coordinates = Float32Array | Float64Array;

/** Every pair within the radius by the plain double loop: the reference decision, as "i,j" with i < j. */
function brutePairs(x: Coordinates, d: number, indices: Int32Array, radius: number): string[] {
  const found: string[] = [];
  for (let a = 0; a < indices.length; a++) {
    for (let b = a + 1; b < indices.length; b++) {
      if (squaredDistance(x, d, indices[a]!, indices[b]!) <= radius * radius)
        found.push(`${a},${b}`);
    }
  }
  return found.sort();
}

function pairsOf(
  x: Coordinates,
  d: number,
  indices: Int32Array,
  radius: number,
  engine: "simd" | "float64",
) {
  const pairs = radiusPairs(x, d, indices, radius, engine);
  const found: string[] = [];
  for (let k = 0; k < pairs.count; k++) {
    assert.ok(pairs.first[k]! < pairs.second[k]!);
    found.push(`${pairs.first[k]},${pairs.second[k]}`);
  }
  return found.sort();
}

/**
 * Points drawn from a pool of `distinct` rows (so duplicates are common),
 * either small integers (exact squared distances: many pairs at exactly the
 * radius) or Gaussian values times `scale`.
 */
function cloud(
  seed: number,
  n: number,
  d: number,
  distinct: number,
  integers: boolean,
  scale: number,
  float32: boolean,
): Coordinates {
  const random = seededRandom(seed);
  const pool = Array.from({ length: distinct * d }, () =>
    integers ? Math.floor(random() * 5) - 2 : scale * gaussian(random),
  );
  const x = float32 ? new Float32Array(n * d) : new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = Math.floor(random() * distinct);
    for (let j = 0; j < d; j++) x[i * d + j] = pool[row * d + j]!;
  }
  return x;
}

/** Some of the points, in a shuffled order (the local order of a cover element). */
function someIndices(seed: number, n: number): Int32Array {
  const random = seededRandom(seed + 1);
  const all = Array.from({ length: n }, (_, i) => i).filter(() => random() < 0.85);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return Int32Array.from(all);
}

describe("radiusPairs", () => {
  it("radiusPairs equals the double loop on integer points with ties and duplicates, in 1 to 40 dimensions, on both engines", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 700 }),
        fc.constantFrom(1, 2, 3, 15, 16, 17, 33, 40),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(1, 2, 3, Math.sqrt(5), 4),
        fc.boolean(),
        (seed, n, d, distinct, radius, float32) => {
          const x = cloud(seed, n, d, distinct, true, 1, float32);
          const indices = someIndices(seed, n);
          const expected = brutePairs(x, d, indices, radius);
          assert.deepEqual(pairsOf(x, d, indices, radius, "simd"), expected);
          assert.deepEqual(pairsOf(x, d, indices, radius, "float64"), expected);
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });

  it("radiusPairs equals the double loop on Gaussian points at any scale, the radius at a quantile of the distances", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 2, max: 600 }),
        fc.constantFrom(2, 7, 16, 31, 64),
        fc.constantFrom(1e-30, 1e-3, 1, 1e4, 1e30),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.boolean(),
        (seed, n, d, scale, quantile, float32) => {
          const x = cloud(seed, n, d, n, false, scale, float32);
          const indices = someIndices(seed, n);
          // A radius equal to one of the distances: that pair sits exactly on the boundary.
          const distances: number[] = [];
          for (let a = 1; a < indices.length; a++) {
            distances.push(Math.sqrt(squaredDistance(x, d, indices[0]!, indices[a]!)));
          }
          distances.sort((a, b) => a - b);
          const radius = distances[Math.floor(quantile * distances.length)] ?? scale;
          if (!(radius > 0)) return;
          const expected = brutePairs(x, d, indices, radius);
          assert.deepEqual(pairsOf(x, d, indices, radius, "simd"), expected);
          assert.deepEqual(pairsOf(x, d, indices, radius, "float64"), expected);
        },
      ),
      { seed: 12, numRuns: 60 },
    );
  });

  it("radiusPairs equals the double loop on pairs within a few roundings of the radius, far from the origin", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(1, 3, 16, 40),
        fc.constantFrom(1e-3, 1, 1e3),
        fc.constantFrom(0, 10, 1e4),
        fc.boolean(),
        (seed, d, radius, offset, float32) => {
          // Points offset + s e_1 (plus the same noise in the other coordinates) with the gaps
          // s_i - s_j within 1e-6 relative of the radius: the decisions hinge on the last bits.
          const random = seededRandom(seed);
          const n = 120;
          const x = float32 ? new Float32Array(n * d) : new Float64Array(n * d);
          const shared = Array.from({ length: d }, () => offset * gaussian(random));
          for (let i = 0; i < n; i++) {
            const s = radius * (Math.floor(i / 2) + (i % 2) * 1e-6 * (random() - 0.5));
            for (let j = 0; j < d; j++) x[i * d + j] = shared[j]! + (j === 0 ? s : 0);
          }
          const indices = someIndices(seed, n);
          const expected = brutePairs(x, d, indices, radius);
          assert.deepEqual(pairsOf(x, d, indices, radius, "simd"), expected);
          assert.deepEqual(pairsOf(x, d, indices, radius, "float64"), expected);
        },
      ),
      { seed: 13, numRuns: 40 },
    );
  });

  it("radiusPairs runs its SIMD kernel in Node", () => {
    assert.notEqual(radiusKernel(), null);
  });

  it("radiusPairs lets a kernel grown past 64 MiB go, and the next one gives the same pairs", () => {
    const before = radiusKernel();
    const n = 3000;
    const d = 2048;
    const big = cloud(1, n, d, n, false, 1, true);
    const all = Int32Array.from({ length: n }, (_, i) => i);
    radiusPairs(big, d, all, 1);
    const after = radiusKernel();
    assert.notEqual(after, before);
    const x = cloud(2, 300, 17, 100, true, 1, false);
    const indices = someIndices(2, 300);
    assert.deepEqual(pairsOf(x, 17, indices, 2, "simd"), brutePairs(x, 17, indices, 2));
  });

  it("the committed kernel bytes are those its .wat assembles to", () => {
    const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
    const result = spawnSync(
      process.execPath,
      [resolve(repo, "scripts/build-wasm.mjs"), "--check"],
      {
        encoding: "utf8",
      },
    );
    assert.equal(result.status, 0, result.stderr);
  });
});
