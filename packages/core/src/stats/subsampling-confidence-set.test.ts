import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { barcode, barcodeOf } from "../diagrams/barcode.js";
import type { PointMetric } from "../metric/pairwise-distances.js";
import { pairwiseDistances } from "../metric/pairwise-distances.js";
import { pointCloud } from "../metric/point-cloud.js";
import { ripsPersistence } from "../ph/rips-persistence.js";
import { gaussian, seededRandom } from "../random.js";
import { circle } from "../test-support/shapes.js";
import type { PointCloud } from "../types.js";
import {
  drawSubset,
  sampleDistance,
  subsamplingConfidenceSet,
  subsetHausdorff,
} from "./subsampling-confidence-set.js";

interface HausdorffFixture {
  readonly reference: string;
  readonly count: number;
  readonly dimension: number;
  readonly coordinates: number[];
  readonly subsets: number[][];
  readonly hausdorff: Record<PointMetric, number[]>;
}

// Made by scripts/fixtures/stats.py with SciPy.
const fixture = JSON.parse(
  readFileSync(new URL("../../../../fixtures/stats/hausdorff.json", import.meta.url), "utf8"),
) as HausdorffFixture;

/** `indices` first, then the other points: the order subsetHausdorff reads. */
function orderWithSubsetFirst(n: number, indices: readonly number[]): Int32Array {
  const inSubset = new Set(indices);
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !inSubset.has(i));
  return Int32Array.from([...indices, ...rest]);
}

/** n points at uniform random angles on the unit circle, each coordinate jittered by N(0, jitter²). */
function noisyCircle(n: number, jitter: number, seed: number): PointCloud {
  const random = seededRandom(seed);
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const angle = 2 * Math.PI * random();
    xy[2 * i] = Math.cos(angle) + jitter * gaussian(random);
    xy[2 * i + 1] = Math.sin(angle) + jitter * gaussian(random);
  }
  return pointCloud(xy, n, 2);
}

const noBars = barcode([]);

describe("subsamplingConfidenceSet's Hausdorff distance", () => {
  const cloud = pointCloud(fixture.coordinates, fixture.count, fixture.dimension);
  for (const metric of ["euclidean", "manhattan", "chebyshev", "cosine"] as const) {
    it(`subsetHausdorff equals SciPy's on the fixture subsets (${metric})`, () => {
      const distance = sampleDistance(cloud, metric);
      fixture.subsets.forEach((indices, s) => {
        const actual = subsetHausdorff(
          distance,
          orderWithSubsetFirst(cloud.count, indices),
          indices.length,
        );
        const expected = fixture.hausdorff[metric][s]!;
        assert.ok(
          Math.abs(actual - expected) <= 1e-12 * Math.max(1, expected),
          `subset ${s} (${indices.length} points): ${actual} vs ${expected} (${fixture.reference})`,
        );
      });
    });
  }

  it("subsetHausdorff with its early break equals the brute-force max-min distance", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom<PointMetric>("euclidean", "manhattan", "chebyshev", "cosine"),
        (n, d, seed, metric) => {
          const random = seededRandom(seed);
          const cloud = pointCloud(
            Float64Array.from({ length: n * d }, () => Math.round(4 * gaussian(random)) / 2),
            n,
            d,
          );
          const order = Int32Array.from({ length: n }, (_, i) => i);
          const b = 1 + Math.floor(random() * (n - 1));
          drawSubset(order, b, random);
          const distance = sampleDistance(cloud, metric);
          let brute = 0;
          for (let p = b; p < n; p++) {
            let nearest = Number.POSITIVE_INFINITY;
            for (let q = 0; q < b; q++) nearest = Math.min(nearest, distance(order[p]!, order[q]!));
            brute = Math.max(brute, nearest);
          }
          assert.equal(subsetHausdorff(distance, order, b), brute);
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  it("drawSubset draws every point with probability b/n", () => {
    const n = 10;
    const b = 3;
    const draws = 20_000;
    const counts = new Float64Array(n);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const random = seededRandom(2);
    for (let j = 0; j < draws; j++) {
      drawSubset(order, b, random);
      for (let q = 0; q < b; q++) counts[order[q]!]!++;
      assert.deepEqual(
        Array.from(order).sort((x, y) => x - y),
        Array.from({ length: n }, (_, i) => i),
      );
    }
    // Each count is Binomial(20000, 0.3): sd 65; 5 sd is 324.
    for (const c of counts) assert.ok(Math.abs(c - (draws * b) / n) < 325, `${counts}`);
  });
});

describe("subsamplingConfidenceSet", () => {
  it("subsamplingConfidenceSet finds the loop of a noisy circle significant and its noise bars not", () => {
    const cloud = pointCloud(circle(300, 0.03, 7), 300, 2);
    const loops = barcodeOf(ripsPersistence(cloud), 1);
    const lifetimes = Array.from(loops.births, (b, k) => loops.deaths[k]! - b);
    const longest = lifetimes.indexOf(Math.max(...lifetimes));
    assert.ok(loops.births.length > 1, "the jitter makes small noise loops");
    const set = subsamplingConfidenceSet(cloud, loops, { subsampleSize: 150, seed: 1 });
    assert.equal(set.diagramRadius, 2 * set.hausdorffRadius, "rips doubles the radius");
    assert.deepEqual(
      Array.from(set.significant),
      lifetimes.map((_, k) => (k === longest ? 1 : 0)),
      `lifetimes ${lifetimes.map((l) => l.toFixed(3))}, band ${2 * set.diagramRadius}`,
    );
  });

  it("subsamplingConfidenceSet is deterministic for a seed and changes with it", () => {
    const cloud = noisyCircle(200, 0.05, 3);
    const a = subsamplingConfidenceSet(cloud, noBars, { seed: 4, repeats: 40 });
    const b = subsamplingConfidenceSet(cloud, noBars, { seed: 4, repeats: 40 });
    const c = subsamplingConfidenceSet(cloud, noBars, { seed: 5, repeats: 40 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.hausdorffDistances, c.hausdorffDistances);
  });

  it("subsamplingConfidenceSet's radius shrinks as the sample grows", () => {
    const radii = [250, 1000, 4000].map(
      (n) =>
        subsamplingConfidenceSet(noisyCircle(n, 0.02, n), noBars, { repeats: 50 }).hausdorffRadius,
    );
    assert.ok(radii[0]! > radii[1]! && radii[1]! > radii[2]!, `${radii}`);
  });

  it("subsamplingConfidenceSet's radius is twice the quantile of the subsample distances", () => {
    const set = subsamplingConfidenceSet(noisyCircle(100, 0.05, 9), noBars, {
      repeats: 20,
      confidence: 0.9,
    });
    const sorted = Array.from(set.hausdorffDistances).sort((x, y) => x - y);
    assert.equal(set.hausdorffRadius, 2 * sorted[17]!); // ceil(0.9 * 20) = 18th smallest
    assert.equal(set.subsampleSize, Math.floor(100 / Math.log(100)));
  });

  it("subsamplingConfidenceSet gives the same result on condensed distances as on the point cloud", () => {
    const cloud = noisyCircle(120, 0.05, 6);
    for (const metric of ["euclidean", "cosine"] as const) {
      const fromCloud = subsamplingConfidenceSet(cloud, noBars, { metric, repeats: 30 });
      const fromMatrix = subsamplingConfidenceSet(
        pairwiseDistances(cloud, { metric, precision: "float64" }),
        noBars,
        { repeats: 30 },
      );
      assert.deepEqual(fromMatrix, fromCloud, metric);
    }
  });

  it("subsamplingConfidenceSet calls a pair significant exactly when its lifetime exceeds twice the diagram radius", () => {
    const cloud = noisyCircle(60, 0.05, 2);
    for (const filtration of ["rips", "distance-function"] as const) {
      const { diagramRadius, hausdorffRadius } = subsamplingConfidenceSet(cloud, noBars, {
        filtration,
      });
      assert.equal(diagramRadius, filtration === "rips" ? 2 * hausdorffRadius : hausdorffRadius);
      const band = 2 * diagramRadius;
      const bars = barcode([
        [0.1, 0.1 + band], // on the boundary: not significant
        [0.1, 0.1 + band * 1.001],
        [0, band * 0.5],
        [0.3, null], // essential
      ]);
      const set = subsamplingConfidenceSet(cloud, bars, { filtration });
      const expected = [0.1 + band - 0.1 > band ? 1 : 0, 1, 0, 1];
      assert.deepEqual(Array.from(set.significant), expected, filtration);
    }
  });

  it("subsamplingConfidenceSet's documented example holds", () => {
    const angles = Array.from({ length: 200 }, (_, i) => (2 * Math.PI * i) / 200);
    const circle200 = pointCloud(
      angles.flatMap((a) => [Math.cos(a), Math.sin(a)]),
      200,
      2,
    );
    const loops = barcodeOf(ripsPersistence(circle200), 1);
    assert.equal(loops.births.length, 1);
    assert.ok(Math.abs(loops.deaths[0]! - loops.births[0]! - 1.71) < 0.005);
    const set = subsamplingConfidenceSet(circle200, loops, { subsampleSize: 100, seed: 1 });
    assert.deepEqual(Array.from(set.significant), [1]);
    assert.ok(Math.abs(2 * set.diagramRadius - 1.2553) < 1e-4);
    const cautious = subsamplingConfidenceSet(circle200, loops, { seed: 1 });
    assert.equal(cautious.subsampleSize, 37);
    assert.deepEqual(Array.from(cautious.significant), [0]);
  });

  it("subsamplingConfidenceSet rejects bad input and options with messages that name them", () => {
    const cloud = noisyCircle(10, 0.1, 1);
    const cases: Array<[() => unknown, ErrorConstructor, RegExp]> = [
      [
        () => subsamplingConfidenceSet(null as never, noBars),
        TypeError,
        /input must be a point cloud or condensed distances; got null/,
      ],
      [
        () => subsamplingConfidenceSet(pointCloud([[0, 0]]), noBars),
        RangeError,
        /at least 2 points; got 1/,
      ],
      [
        () =>
          subsamplingConfidenceSet(
            { ...cloud, coordinates: cloud.coordinates.map((v, k) => (k === 3 ? Number.NaN : v)) },
            noBars,
          ),
        RangeError,
        /input.coordinates\[3\] \(point 1, coordinate 1\) must be finite/,
      ],
      [
        () =>
          subsamplingConfidenceSet(
            { kind: "condensed", count: 3, values: Float64Array.from([1, -1, 2]) },
            noBars,
          ),
        RangeError,
        /input.values\[1\] is -1; distances must be finite and >= 0/,
      ],
      [
        () =>
          subsamplingConfidenceSet(
            { kind: "condensed", count: 3, values: new Float64Array(2) },
            noBars,
          ),
        RangeError,
        /condensed distances of 3 points need 3 values; got 2/,
      ],
      [
        () => subsamplingConfidenceSet(cloud, { births: [0], deaths: [1] } as never),
        TypeError,
        /bars must have Float64Array/,
      ],
      [
        () => subsamplingConfidenceSet(cloud, noBars, { subsampleSize: 10 }),
        RangeError,
        /subsampleSize must be an integer in \[1, 9\].*got 10/,
      ],
      [
        () => subsamplingConfidenceSet(cloud, noBars, { subsampleSize: 0 }),
        RangeError,
        /subsampleSize must be an integer in \[1, 9\]/,
      ],
      [
        () => subsamplingConfidenceSet(cloud, noBars, { metric: "hamming" as never }),
        RangeError,
        /metric must be one of/,
      ],
      [
        () => subsamplingConfidenceSet(cloud, noBars, { filtration: "cech" as never }),
        RangeError,
        /filtration must be "rips" or "distance-function"; got "cech"/,
      ],
      [
        () => subsamplingConfidenceSet(cloud, noBars, { confidence: 0 }),
        RangeError,
        /confidence must be strictly between 0 and 1/,
      ],
      [
        () => subsamplingConfidenceSet(cloud, noBars, { repeats: 2.5 }),
        RangeError,
        /repeats must be an integer >= 1/,
      ],
    ];
    for (const [call, type, message] of cases) {
      assert.throws(call, (error: unknown) => {
        assert.ok(error instanceof type, `${String(error)} is not a ${type.name}`);
        assert.match((error as Error).message, /^subsamplingConfidenceSet/);
        assert.match((error as Error).message, message);
        return true;
      });
    }
  });

  it("subsamplingConfidenceSet does not mutate its input", () => {
    const cloud = noisyCircle(30, 0.1, 1);
    const before = Array.from(cloud.coordinates);
    const bars = barcode([[0, 1]]);
    subsamplingConfidenceSet(cloud, bars);
    assert.deepEqual(Array.from(cloud.coordinates), before);
    assert.deepEqual(Array.from(bars.deaths), [1]);
  });
});
