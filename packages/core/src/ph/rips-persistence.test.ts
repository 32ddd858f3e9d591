import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { condensedFromFull } from "../metric/condensed-from-full.js";
import { pairwiseDistances } from "../metric/pairwise-distances.js";
import { pointCloud } from "../metric/point-cloud.js";
import { seededRandom } from "../random.js";
import { assertSameBarcodes } from "../test-support/barcodes.js";
import { circle, cliffordTorus, sphere } from "../test-support/shapes.js";
import type { CondensedDistances, PersistenceDiagram } from "../types.js";
import { ripsPersistence } from "./rips-persistence.js";

/** Bars of dimension `dim` living longer than `minimum`. */
function longBars(diagram: PersistenceDiagram, dim: number, minimum: number): number {
  const { births, deaths } = diagram.dimensions[dim];
  let count = 0;
  for (let k = 0; k < births.length; k++) if (deaths[k] - births[k] > minimum) count++;
  return count;
}

/** Points of S^2 seen as RP^2: d(x, y) = min(|x - y|, |x + y|). */
function projectivePlane(count: number, seed: number): CondensedDistances {
  const points = sphere(count, 3, seed);
  const values = new Float64Array((count * (count - 1)) / 2);
  for (let i = 1; i < count; i++) {
    for (let j = 0; j < i; j++) {
      let minus = 0;
      let plus = 0;
      for (let k = 0; k < 3; k++) {
        minus += (points[3 * i + k] - points[3 * j + k]) ** 2;
        plus += (points[3 * i + k] + points[3 * j + k]) ** 2;
      }
      values[(i * (i - 1)) / 2 + j] = Math.sqrt(Math.min(minus, plus));
    }
  }
  return { kind: "condensed", count, values };
}

describe("ripsPersistence", () => {
  test("n points give n H0 bars, one of them essential", () => {
    const cloud = pointCloud(sphere(40, 3, 7), 3);
    const h0 = ripsPersistence(cloud, { maxDim: 0 }).dimensions[0];
    assert.equal(h0.births.length, 40);
    assert.equal(h0.deaths.filter((d) => d === Number.POSITIVE_INFINITY).length, 1);
  });

  test("a circle gives exactly one long H1 bar", () => {
    const diagram = ripsPersistence(pointCloud(circle(60, 0.02, 3), 2));
    assert.equal(longBars(diagram, 1, 0.5), 1);
    assert.equal(longBars(diagram, 0, 0.5), 1, "only the essential H0 class is long");
  });

  test("a 2-sphere gives one long H2 bar and no long H1 bar", () => {
    const diagram = ripsPersistence(pointCloud(sphere(120, 3, 11), 3), { maxDim: 2 });
    assert.equal(longBars(diagram, 2, 0.4), 1);
    assert.equal(longBars(diagram, 1, 0.4), 0);
  });

  test("a torus gives two long H1 bars and one long H2 bar", () => {
    const diagram = ripsPersistence(pointCloud(cliffordTorus(12, 5), 4), { maxDim: 2 });
    assert.equal(longBars(diagram, 1, 0.4), 2);
    assert.equal(longBars(diagram, 2, 0.2), 1);
  });

  test("a sample of RP^2 differs between Z/2 and Z/3: the H2 class and the longest H1 bar", () => {
    const rp2 = projectivePlane(90, 13);
    const z2 = ripsPersistence(rp2, { maxDim: 2, modulus: 2 });
    const z3 = ripsPersistence(rp2, { maxDim: 2, modulus: 3 });
    // H2(RP^2; Z/2) = Z/2 but H2(RP^2; Z/3) = 0; the loop of H1 lives until the
    // disc closes over Z/2, while over Z/3 it dies as soon as the loop bounds twice.
    assert.equal(longBars(z2, 2, 0.2), 1);
    assert.equal(longBars(z3, 2, 0.2), 0);
    const longest = (d: PersistenceDiagram) =>
      Math.max(...d.dimensions[1].deaths.map((x, k) => x - d.dimensions[1].births[k]));
    assert.ok(longest(z2) > longest(z3) + 0.2, `Z/2 ${longest(z2)} vs Z/3 ${longest(z3)}`);
  });

  test("permuting the points leaves the diagram unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 24 }), fc.integer(), (count, seed) => {
        const random = seededRandom(seed);
        const coordinates = Float64Array.from({ length: 2 * count }, () => random());
        const order = Array.from({ length: count }, (_, i) => i).sort(() => random() - 0.5);
        const permuted = new Float64Array(2 * count);
        order.forEach((from, to) => {
          permuted[2 * to] = coordinates[2 * from];
          permuted[2 * to + 1] = coordinates[2 * from + 1];
        });
        const a = ripsPersistence(pointCloud(coordinates, 2), { maxDim: 2 });
        const b = ripsPersistence(pointCloud(permuted, 2), { maxDim: 2 });
        assertSameBarcodes(a, b, { relative: 0 });
      }),
      { numRuns: 40 },
    );
  });

  test("the dense and sparse representations give the same diagram", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 30 }),
        fc.integer(),
        fc.constantFrom(2, 3, 5),
        (count, seed, modulus) => {
          const random = seededRandom(seed);
          const distances = pairwiseDistances(
            pointCloud(
              Float64Array.from({ length: 3 * count }, () => random()),
              3,
            ),
          );
          const options = { maxDim: 2, modulus, threshold: 0.3 + random() };
          const dense = ripsPersistence(distances, { ...options, representation: "dense" });
          const sparse = ripsPersistence(distances, { ...options, representation: "sparse" });
          assert.deepEqual(sparse, dense);
        },
      ),
      { numRuns: 40 },
    );
  });

  test("a thresholded point cloud gives the same diagram from its edges alone as from its full matrix", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 30 }),
        fc.integer(),
        fc.constantFrom("euclidean", "manhattan", "cosine"),
        (count, seed, metric) => {
          const random = seededRandom(seed);
          const cloud = pointCloud(
            Float64Array.from({ length: 3 * count }, () => random()),
            3,
          );
          const options = { maxDim: 2, threshold: 0.2 + random() * 0.6, metric } as const;
          const dense = ripsPersistence(cloud, { ...options, representation: "dense" });
          assert.deepEqual(ripsPersistence(cloud, { ...options, representation: "sparse" }), dense);
          assert.deepEqual(ripsPersistence(cloud, options), dense);
        },
      ),
      { numRuns: 40 },
    );
  });

  test("the spatial grid of a large thresholded cloud finds exactly the edges of the full matrix", () => {
    for (const metric of ["euclidean", "manhattan", "chebyshev"] as const) {
      // 1200 points in a flat box (the grid spans the widest axes) with a tiny scale on one axis.
      const random = seededRandom(metric.length);
      const coordinates = Float64Array.from(
        { length: 3 * 1200 },
        (_, k) => (k % 3 === 2 ? 1e-3 : 1) * random(),
      );
      const cloud = pointCloud(coordinates, 3);
      const options = { maxDim: 1, threshold: 0.06, metric } as const;
      const dense = ripsPersistence(cloud, { ...options, representation: "dense" });
      assert.deepEqual(ripsPersistence(cloud, options), dense, metric);
    }
  });

  test("a threshold keeps exactly the bars born at or below it", () => {
    const distances = pairwiseDistances(pointCloud(sphere(50, 3, 2), 3));
    const full = ripsPersistence(distances, { maxDim: 2 });
    const threshold = 0.6;
    const cut = ripsPersistence(distances, { maxDim: 2, threshold });
    for (let dim = 0; dim <= 2; dim++) {
      const expected = [...full.dimensions[dim].births.keys()]
        .filter((k) => full.dimensions[dim].births[k] <= threshold)
        .map((k) => [
          full.dimensions[dim].births[k],
          full.dimensions[dim].deaths[k] > threshold ? Infinity : full.dimensions[dim].deaths[k],
        ])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const actual = [...cut.dimensions[dim].births.keys()]
        .map((k) => [cut.dimensions[dim].births[k], cut.dimensions[dim].deaths[k]])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      assert.deepEqual(actual, expected, `H${dim}`);
    }
  });

  test("representative H1 cocycles are cocycles until their class dies", () => {
    for (const modulus of [2, 3, 7]) {
      const cloud = pointCloud(circle(30, 0.05, 9), 2);
      const distances = pairwiseDistances(cloud);
      const diagram = ripsPersistence(distances, { cocycles: true, modulus });
      const h1 = diagram.dimensions[1];
      assert.ok(h1.cocycles !== undefined && h1.cocycles.length === h1.births.length);
      const d = (i: number, j: number) =>
        i === j ? 0 : distances.values[i > j ? (i * (i - 1)) / 2 + j : (j * (j - 1)) / 2 + i];
      h1.cocycles.forEach((cocycle, pair) => {
        assert.equal(
          d(cocycle.simplices[0], cocycle.simplices[1]),
          h1.births[pair],
          "first simplex is the birth edge",
        );
        const value = new Map<string, number>();
        for (let e = 0; e < cocycle.coefficients.length; e++) {
          const [i, j] = [cocycle.simplices[2 * e], cocycle.simplices[2 * e + 1]];
          assert.ok(i > j, "vertices are listed in decreasing order");
          assert.ok(d(i, j) >= h1.births[pair], "the cocycle starts at its birth edge");
          value.set(`${i},${j}`, cocycle.coefficients[e]);
        }
        const phi = (i: number, j: number) =>
          i > j ? (value.get(`${i},${j}`) ?? 0) : -(value.get(`${j},${i}`) ?? 0);
        for (let a = 2; a < 30; a++) {
          for (let b = 1; b < a; b++) {
            for (let c = 0; c < b; c++) {
              if (Math.max(d(a, b), d(a, c), d(b, c)) >= h1.deaths[pair]) continue;
              const coboundary = phi(b, c) - phi(a, c) + phi(a, b);
              assert.equal(
                ((coboundary % modulus) + modulus) % modulus,
                0,
                `triangle ${a},${b},${c}`,
              );
            }
          }
        }
      });
    }
  });

  test("an empty and a one-point input give the expected diagrams", () => {
    const empty = ripsPersistence({ kind: "condensed", count: 0, values: new Float32Array(0) });
    assert.deepEqual([...empty.dimensions[0].births], []);
    const one = ripsPersistence({ kind: "condensed", count: 1, values: new Float32Array(0) });
    assert.deepEqual([...one.dimensions[0].deaths], [Infinity]);
  });

  test("column indices past 2^53 are refused with what to reduce; top cofacets past it are not", () => {
    const count = 60_000;
    const sparse = {
      kind: "sparse" as const,
      count,
      rows: new Int32Array([1]),
      cols: new Int32Array([0]),
      values: new Float64Array([1]),
    };
    // maxDim 3: C(60000, 4) ≈ 5.4e17 tetrahedra (columns of H3) pass 2^53.
    assert.throws(
      () => ripsPersistence(sparse, { maxDim: 3 }),
      /simplex indices overflow 2\^53.*use at most \d+ points, or a lower maxDim/,
    );
    // maxDim 2: only the 4-vertex cofacets (never columns) pass 2^53.
    const diagram = ripsPersistence(sparse, { maxDim: 2 });
    assert.equal(diagram.dimensions[0].births.length, count);
  });

  test("bad options and distances are refused with a RangeError naming them", () => {
    const distances = condensedFromFull([0, 1, 1, 0], 2);
    assert.throws(
      () => ripsPersistence(distances, { modulus: 4 }),
      /modulus must be a prime.*got 4/,
    );
    assert.throws(
      () => ripsPersistence(distances, { maxDim: -1 }),
      /maxDim must be an integer >= 0; got -1/,
    );
    assert.throws(() => ripsPersistence(distances, { threshold: Number.NaN }), /threshold must be/);
    assert.throws(
      () => ripsPersistence({ kind: "condensed", count: 3, values: new Float64Array([1, -1, 2]) }),
      /distance 1 .* is -1; distances must be >= 0/,
    );
    assert.throws(
      () => ripsPersistence({ kind: "condensed", count: 3, values: new Float64Array([1, 2]) }),
      /need 3 values; got 2/,
    );
  });
});
