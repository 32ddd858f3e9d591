import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { pairwiseDistances } from "../metric/pairwise-distances.js";
import { pointCloud } from "../metric/point-cloud.js";
import { seededRandom } from "../random.js";
import type { PersistenceDiagram } from "../types.js";
import type { BinomialTableOptions } from "./binomial-table.js";
import { CohomologyReducer } from "./cohomology-reducer.js";
import { DenseRipsComplex } from "./dense-rips-complex.js";
import { neighborListsFromCondensed } from "./neighbor-lists.js";
import { ripsPersistence } from "./rips-persistence.js";
import { SparseRipsComplex } from "./sparse-rips-complex.js";

// Top-dimension cofacets whose indices pass 2^53 are carried as encoded
// doubles (see BinomialTable). A small input forced into that mode, with
// narrow binades so that the encoding really leaves the integers, must give
// exactly the diagram (pairs in the same order, same cocycles) of the ordinary run.

function reduce(
  values: Float32Array | Float64Array,
  count: number,
  settings: { maxDim: number; modulus: number; threshold: number; sparse: boolean },
  binomial?: BinomialTableOptions,
): PersistenceDiagram {
  const { maxDim, modulus, threshold } = settings;
  const complex = settings.sparse
    ? new SparseRipsComplex(
        neighborListsFromCondensed(values, count, threshold),
        count,
        threshold,
        maxDim,
        binomial,
      )
    : new DenseRipsComplex(values, count, threshold, maxDim, binomial);
  return new CohomologyReducer(complex, { maxDim, modulus, cocycles: true }).compute();
}

describe("wide simplex indices", () => {
  test("forcing encoded top-dimension indices leaves the diagram, its order and its cocycles unchanged", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 26 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        fc.constantFrom(2, 3, 5),
        fc.boolean(),
        fc.constantFrom(4, 8, 52),
        (count, maxDim, seed, modulus, sparse, bits) => {
          const random = seededRandom(seed);
          // Coordinates on a coarse grid: many equal diameters, so the tie-breaking by index matters.
          const coordinates = Float64Array.from(
            { length: 3 * count },
            () => Math.round(random() * 4) / 4,
          );
          const { values } = pairwiseDistances(pointCloud(coordinates, 3));
          const settings = {
            maxDim,
            modulus,
            threshold: random() < 0.3 ? Number.POSITIVE_INFINITY : 0.5 + random(),
            sparse,
          };
          let wide: PersistenceDiagram;
          try {
            wide = reduce(values, count, settings, { wideIndexBits: bits });
          } catch (error) {
            // Narrow binades encode only so many indices; skip the sizes past them.
            if (error instanceof RangeError && /overflow/.test(error.message)) return;
            throw error;
          }
          assert.deepEqual(wide, reduce(values, count, settings));
        },
      ),
      { numRuns: 150 },
    );
  });

  test("4096 points up to H3 are computed: a 16-cell on the last vertices gets its H3 bar (o3_4096's size)", () => {
    // C(4096, 5) ≈ 9.58e15 passes 2^53: the 4-simplices of the 16-cell (the
    // boundary of the 4D cross-polytope, an S^3 of 8 points) on vertices
    // 4088..4095 have indices past it, and they are what kills its H3 class.
    const count = 4096;
    const crossPolytope: number[] = [];
    for (let axis = 0; axis < 4; axis++) {
      for (const sign of [1, -1])
        crossPolytope.push(...[0, 1, 2, 3].map((a) => (a === axis ? sign : 0)));
    }
    const coordinates = new Float64Array(4 * count);
    const random = seededRandom(7);
    for (let i = 0; i < count - 8; i++) {
      // Far from each other and from the cross-polytope: isolated vertices.
      coordinates.set([10 + 10 * (i % 64), 10 * Math.floor(i / 64), random(), random()], 4 * i);
    }
    coordinates.set(crossPolytope, 4 * (count - 8));
    const alone = ripsPersistence(pointCloud(crossPolytope, 4), { maxDim: 3 });
    assert.equal(alone.dimensions[3].births.length, 1);
    for (const representation of ["sparse", "dense"] as const) {
      const diagram = ripsPersistence(pointCloud(coordinates, 4), {
        maxDim: 3,
        threshold: 3,
        representation,
      });
      for (let dim = 1; dim <= 3; dim++)
        assert.deepEqual(
          diagram.dimensions[dim],
          alone.dimensions[dim],
          `H${dim} ${representation}`,
        );
      assert.equal(
        diagram.dimensions[0].births.length,
        count - 8 + alone.dimensions[0].births.length,
      );
    }
  });
});
