import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { seededRandom } from "../random.js";
import { CommonNeighbors } from "./common-neighbors.js";

describe("CommonNeighbors", () => {
  test("largestCommon is the largest vertex joined to both, as edges are inserted", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (count, density, seed) => {
          const random = seededRandom(seed);
          const graph = new CommonNeighbors(count);
          const adjacent = Array.from({ length: count }, () => new Set<number>());
          for (let step = 0; step < count * 3; step++) {
            const i = Math.floor(random() * count);
            const j = Math.floor(random() * count);
            if (i !== j && random() < density) {
              graph.insert(i, j);
              adjacent[i]!.add(j);
              adjacent[j]!.add(i);
            }
            let expected = -1;
            for (let v = count - 1; v >= 0 && expected === -1; v--) {
              if (adjacent[i]!.has(v) && adjacent[j]!.has(v)) expected = v;
            }
            assert.equal(graph.largestCommon(i, j), expected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
