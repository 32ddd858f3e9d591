import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gaussian, seededRandom } from "../random.js";
import { balancedCover } from "./balanced-cover.js";
import { coordinateLens } from "./coordinate-lens.js";
import { givenLens } from "./given-lens.js";
import { l2NormLens } from "./l2-norm-lens.js";
import { singleLinkageGap } from "./single-linkage-gap.js";
import { umapLens } from "./umap-lens.js";

describe("Mapper lenses, covers and clusterings", () => {
  it("l2NormLens is the Euclidean length and coordinateLens picks columns", () => {
    const points = { count: 2, dimension: 3, coordinates: Float32Array.of(3, 4, 0, 1, 2, 2) };
    assert.deepEqual(Array.from(l2NormLens(points).values), [5, 3]);
    const lens = coordinateLens(points, { coordinates: [2, 0] });
    assert.equal(lens.dims, 2);
    assert.deepEqual(Array.from(lens.values), [0, 3, 2, 1]);
    assert.throws(
      () => coordinateLens(points, { coordinates: [3] }),
      /columns must be integers in \[0, 3\)/,
    );
  });

  it("umapLens gives the same embedding for the same seed", () => {
    const random = seededRandom(3);
    const coordinates = Float64Array.from({ length: 60 * 4 }, () => gaussian(random));
    const points = { count: 60, dimension: 4, coordinates };
    const a = umapLens(points, { seed: 5, epochs: 50 });
    const b = umapLens(points, { seed: 5, epochs: 50 });
    assert.equal(a.dims, 2);
    assert.deepEqual(a.values, b.values);
    assert.ok(a.values.every(Number.isFinite));
  });

  it("balancedCover puts about the same number of points in each interval", () => {
    const values = Array.from({ length: 100 }, (_, i) => (i / 10) ** 3);
    const cover = balancedCover(givenLens(values), { intervals: 4, overlap: 0 });
    assert.deepEqual(
      cover.elements.map((e) => e.members.length),
      [25, 25, 25, 25],
    );
  });

  it("singleLinkageGap cuts the dendrogram at the first large gap, or keeps one cluster", () => {
    const points = { count: 5, dimension: 1, coordinates: Float64Array.of(0, 1, 2, 10, 11) };
    // Merges 1, 1, 1, 8: the gap 7 > 0.3 * 8 cuts at 1.
    assert.deepEqual(Array.from(singleLinkageGap(points)), [0, 0, 0, 1, 1]);
    const even = { count: 4, dimension: 1, coordinates: Float64Array.of(0, 1, 2, 3) };
    assert.deepEqual(Array.from(singleLinkageGap(even)), [0, 0, 0, 0]);
  });
});
