import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { seededRandom } from "../random.js";
import { DenseRipsComplex } from "./dense-rips-complex.js";
import { neighborsByDistance } from "./neighbors-by-distance.js";
import { sortByFiltration } from "./sort-by-filtration.js";

describe("neighborsByDistance", () => {
  test("lists every neighbour within the threshold, by increasing distance then decreasing vertex", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (count, levels, threshold, seed) => {
          const random = seededRandom(seed);
          const values = Float32Array.from(
            { length: (count * (count - 1)) / 2 },
            () => 1 + Math.floor(random() * levels),
          );
          const complex = new DenseRipsComplex(values, count, threshold, 1);
          const edges = complex.edges();
          const order = sortByFiltration(edges.diameters, edges.indices, edges.count);
          const ends = new Int32Array(2 * edges.count);
          for (let e = 0; e < edges.count; e++) {
            const i = complex.binomial.maxVertex(edges.indices[e], 2, count - 1);
            ends[2 * e] = i;
            ends[2 * e + 1] = edges.indices[e] - complex.binomial.get(i, 2);
          }
          const lists = neighborsByDistance(count, edges, order, ends);
          for (let u = 0; u < count; u++) {
            const expected = [];
            for (let v = 0; v < count; v++) {
              if (v !== u && complex.edgeValue(u, v) <= threshold)
                expected.push([complex.edgeValue(u, v), v]);
            }
            expected.sort((a, b) => a[0]! - b[0]! || b[1]! - a[1]!);
            const got = [];
            for (let p = lists.offsets[u]!; p < lists.offsets[u + 1]!; p++)
              got.push([lists.distances[p], lists.neighbors[p]]);
            assert.deepEqual(got, expected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
