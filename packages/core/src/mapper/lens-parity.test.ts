import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { densityLens } from "./density-lens.js";
import { distanceToMeasureLens } from "./distance-to-measure-lens.js";
import { eccentricityLens } from "./eccentricity-lens.js";
import { pcaLens } from "./pca-lens.js";

// Made by scripts/fixtures/mapper.py from scikit-learn 1.2.1 and scipy.
const fixture = JSON.parse(
  readFileSync(new URL("../../../../fixtures/mapper/lenses.json", import.meta.url), "utf8"),
);

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]!));
    assert.ok(
      Math.abs(actual[i]! - expected[i]!) <= tolerance * scale,
      `index ${i}: ${actual[i]} vs ${expected[i]}`,
    );
  }
}

const q = {
  count: fixture.q.count,
  dimension: fixture.q.dimension,
  coordinates: Float64Array.from(fixture.q.points),
};

describe("Mapper lenses equal scikit-learn's and scipy's", () => {
  it("pcaLens equals sklearn PCA's scores, signs included, and its explained variance", () => {
    const { pca } = fixture;
    const lens = pcaLens(
      { count: pca.count, dimension: pca.dimension, coordinates: Float64Array.from(pca.points) },
      { components: pca.components },
    );
    assertClose(lens.values, pca.scores, 1e-9);
    assertClose(lens.parameters.explainedVariance as number[], pca.explainedVariance, 1e-10);
  });
  it("pcaLens does not depend on the seed beyond rounding", () => {
    const { pca } = fixture;
    const points = {
      count: pca.count,
      dimension: pca.dimension,
      coordinates: Float64Array.from(pca.points),
    };
    assertClose(pcaLens(points, { components: 3, seed: 7 }).values, pca.scores, 1e-9);
  });
  it("densityLens equals sklearn KernelDensity up to its normalising constant", () => {
    const lens = densityLens(q, { bandwidth: fixture.density.bandwidth });
    assertClose(lens.values, fixture.density.values, 1e-10);
  });
  it("distanceToMeasureLens equals the root mean square distance to sklearn's k nearest neighbours", () => {
    const lens = distanceToMeasureLens(q, { neighbors: fixture.dtm.neighbors });
    assertClose(lens.values, fixture.dtm.values, 1e-12);
  });
  it("eccentricityLens equals scipy's mean, root mean square and largest distances", () => {
    assertClose(eccentricityLens(q).values, fixture.eccentricity1, 1e-12);
    assertClose(eccentricityLens(q, { exponent: 2 }).values, fixture.eccentricity2, 1e-12);
    assertClose(eccentricityLens(q, { exponent: Infinity }).values, fixture.eccentricityInf, 1e-12);
  });
});
