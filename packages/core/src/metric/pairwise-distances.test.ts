import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { PointCloud, Progress } from "../types.js";
import { condensedIndex } from "./condensed-index.js";
import { type PointMetric, pairwiseDistances } from "./pairwise-distances.js";
import { pointCloud } from "./point-cloud.js";

// Made by scripts/fixtures/metric.py (NumPy; the float32 column imitates
// Ripser 1.2.1's euclidean_distance_matrix operation by operation, and the
// script confirms every one of its values against Debian's ripser binary).
const fixture = JSON.parse(
  readFileSync(new URL("../../../../fixtures/metric/points.json", import.meta.url), "utf8"),
) as {
  count: number;
  dimension: number;
  coordinates: number[];
  euclidean: number[];
  euclideanFloat32Ripser: number[];
  manhattan: number[];
  chebyshev: number[];
  cosine: number[];
  ripserAgrees: boolean | null;
};

function assertClose(
  actual: ArrayLike<number>,
  expected: readonly number[],
  relative: number,
): void {
  assert.equal(actual.length, expected.length);
  for (let r = 0; r < expected.length; r++) {
    const a = actual[r]!;
    const e = expected[r]!;
    if (Math.abs(a - e) > relative * Math.max(1, Math.abs(e))) {
      assert.fail(`entry ${r}: got ${a}, expected ${e}`);
    }
  }
}

/** A direct, unblocked distance between points i and j (the test oracle). */
function direct(cloud: PointCloud, metric: PointMetric, i: number, j: number): number {
  const d = cloud.dimension;
  const x = cloud.coordinates;
  let sum = 0;
  let max = 0;
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (let k = 0; k < d; k++) {
    const a = x[i * d + k]!;
    const b = x[j * d + k]!;
    sum += metric === "manhattan" ? Math.abs(a - b) : (a - b) ** 2;
    max = Math.max(max, Math.abs(a - b));
    dot += a * b;
    nx += a * a;
    ny += b * b;
  }
  if (metric === "euclidean") return Math.sqrt(sum);
  if (metric === "manhattan") return sum;
  if (metric === "chebyshev") return max;
  return nx === 0 || ny === 0 ? 1 : Math.min(2, Math.max(0, 1 - dot / Math.sqrt(nx * ny)));
}

const smallCloud = fc
  .record({ count: fc.integer({ min: 3, max: 12 }), dimension: fc.integer({ min: 1, max: 5 }) })
  .chain(({ count, dimension }) =>
    fc
      // Millesimal coordinates: away from underflow, which unscaled sums of squares do not survive.
      .array(
        fc.integer({ min: -100000, max: 100000 }).map((v) => v / 1000),
        {
          minLength: count * dimension,
          maxLength: count * dimension,
        },
      )
      .map((values) => pointCloud(values, count, dimension)),
  );

describe("pairwiseDistances", () => {
  const cloud = pointCloud(fixture.coordinates, fixture.count, fixture.dimension);

  it("matches NumPy's euclidean, manhattan, chebyshev and cosine distances on the fixture", () => {
    for (const metric of ["euclidean", "manhattan", "chebyshev", "cosine"] as const) {
      const result = pairwiseDistances(cloud, { metric, precision: "float64" });
      assert.ok(result.values instanceof Float64Array);
      assertClose(result.values, fixture[metric], 1e-12);
    }
  });

  it("computes euclidean distances in float32 exactly as Ripser does, by default", () => {
    assert.equal(fixture.ripserAgrees, true, "regenerate the fixture where ripser is installed");
    const result = pairwiseDistances(cloud);
    assert.ok(result.values instanceof Float32Array);
    assert.deepEqual(Array.from(result.values), fixture.euclideanFloat32Ripser);
  });

  it("defaults to float64 for the other metrics and rounds once when float32 is asked", () => {
    const wide = pairwiseDistances(cloud, { metric: "manhattan" });
    assert.ok(wide.values instanceof Float64Array);
    const narrow = pairwiseDistances(cloud, { metric: "manhattan", precision: "float32" });
    assert.deepEqual(Array.from(narrow.values), Array.from(wide.values, Math.fround));
  });

  it("gives a zero vector cosine distance exactly 1 to every other point", () => {
    const zeroAndOthers = pointCloud([
      [0, 0, 0],
      [1, 2, 3],
      [0, 0, 0],
      [-1e-300, 0, 0],
    ]);
    const { values } = pairwiseDistances(zeroAndOthers, { metric: "cosine" });
    // pairs (1,0) (2,0) (2,1) (3,0) (3,1) (3,2)
    assert.deepEqual(Array.from(values), [1, 1, 1, 1, values[4], 1]);
    assert.ok(values[4]! > 1 && values[4]! < 2);
  });

  it("gives cosine 0 for the same direction and 2 for opposite ones, whatever the scale", () => {
    const { values } = pairwiseDistances(
      pointCloud([
        [1e300, 2e300],
        [1e-300, 2e-300],
        [-3, -6],
      ]),
      { metric: "cosine" },
    );
    assert.ok(Math.abs(values[0]!) < 1e-15);
    assert.ok(Math.abs(values[1]! - 2) < 1e-15 && Math.abs(values[2]! - 2) < 1e-15);
  });

  it("follows the documented example", () => {
    const c = pointCloud([
      [0, 0],
      [3, 4],
      [6, 8],
    ]);
    assert.deepEqual(Array.from(pairwiseDistances(c).values), [5, 10, 5]);
    assert.deepEqual(Array.from(pairwiseDistances(c, { metric: "manhattan" }).values), [7, 14, 7]);
  });

  it("stores the distance of i and j at condensedIndex(count, i, j) for every metric (property)", () => {
    fc.assert(
      fc.property(
        smallCloud,
        fc.constantFrom<PointMetric>("euclidean", "manhattan", "chebyshev", "cosine"),
        (c, metric) => {
          const { values, count } = pairwiseDistances(c, { metric, precision: "float64" });
          for (let i = 0; i < count; i++) {
            for (let j = 0; j < count; j++) {
              if (i === j) continue;
              const expected = direct(c, metric, i, j);
              if (
                Math.abs(values[condensedIndex(count, i, j)]! - expected) >
                1e-12 * Math.max(1, expected)
              ) {
                return false;
              }
            }
          }
          return true;
        },
      ),
      { seed: 3, numRuns: 100 },
    );
  });

  it("satisfies the triangle inequality for euclidean, manhattan and chebyshev (property)", () => {
    const cases = [
      ["euclidean", "float64", 1e-12],
      ["euclidean", "float32", 1e-6],
      ["manhattan", "float64", 1e-12],
      ["chebyshev", "float64", 1e-12],
    ] as const;
    for (const [metric, precision, slack] of cases) {
      fc.assert(
        fc.property(smallCloud, (c) => {
          const { values, count } = pairwiseDistances(c, { metric, precision });
          const d = (i: number, j: number) => (i === j ? 0 : values[condensedIndex(count, i, j)]!);
          for (let i = 0; i < count; i++) {
            for (let j = 0; j < count; j++) {
              for (let k = 0; k < count; k++) {
                if (d(i, k) > (d(i, j) + d(j, k)) * (1 + slack) + 1e-300) return false;
              }
            }
          }
          return true;
        }),
        { seed: 4, numRuns: 60 },
      );
    }
  });

  it("returns no values for zero or one point", () => {
    assert.equal(pairwiseDistances(pointCloud([], 0, 2)).values.length, 0);
    assert.equal(pairwiseDistances(pointCloud([[1, 2]])).values.length, 0);
  });

  it("refuses distances that overflow to Infinity, naming the pair", () => {
    const far = pointCloud([[0], [1], [1e20]]);
    assert.throws(() => pairwiseDistances(far), {
      name: "RangeError",
      message: /points 2 and 0 overflows float32.*precision "float64"/,
    });
    assert.equal(pairwiseDistances(far, { precision: "float64" }).values[1], 1e20);
    assert.throws(
      () => pairwiseDistances(pointCloud([[0], [1e200]]), { precision: "float64" }),
      /points 1 and 0 overflows float64/,
    );
  });

  it("reports progress up to the count and stops on an aborted signal", () => {
    const reports: Progress[] = [];
    pairwiseDistances(cloud, { onProgress: (p) => reports.push(p) });
    assert.deepEqual(reports.at(-1), {
      stage: "pairwise distances",
      done: cloud.count,
      total: cloud.count,
    });
    const reason = new Error("stop");
    assert.throws(() => pairwiseDistances(cloud, { signal: { aborted: true, reason } }), reason);
  });

  it("names the point of a non-finite coordinate in a hand-made PointCloud", () => {
    const bad = {
      kind: "point-cloud",
      count: 2,
      dimension: 2,
      coordinates: Float64Array.of(0, 0, 1, Number.NaN),
    } as const;
    assert.throws(
      () => pairwiseDistances(bad),
      /coordinates\[3\] \(point 1, coordinate 1\) must be finite/,
    );
  });

  it("refuses an unknown metric or precision and a non point cloud", () => {
    assert.throws(
      () => pairwiseDistances(cloud, { metric: "cityblock" as PointMetric }),
      /options\.metric/,
    );
    assert.throws(
      () => pairwiseDistances(cloud, { precision: "half" as never }),
      /options\.precision/,
    );
    assert.throws(() => pairwiseDistances({ kind: "condensed" } as never), TypeError);
  });
});
