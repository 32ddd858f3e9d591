import assert from "node:assert/strict";
import { test } from "node:test";
import { type ParameterFields, pageParameters } from "./page-parameters.js";

const fields: ParameterFields = {
  lens: "pca2",
  cover: "uniform",
  intervals: "10",
  overlap: "0.4",
  cluster: "dbscan",
  eps: "3",
  minSamples: "5",
  relativeGap: "0.3",
};

const problem = (change: Partial<ParameterFields>) => {
  const result = pageParameters({ ...fields, ...change });
  return result.ok ? null : result.problem;
};

test("pageParameters turns the form into core's cover and DBSCAN options", () => {
  assert.deepEqual(pageParameters(fields), {
    ok: true,
    lens: "pca2",
    cover: { kind: "uniform", intervals: 10, overlap: 0.4 },
    cluster: { kind: "dbscan", eps: 3, minSamples: 5 },
  });
});

test("pageParameters turns the form into core's balanced cover and single linkage options", () => {
  assert.deepEqual(
    pageParameters({
      ...fields,
      cover: "balanced",
      cluster: "single-linkage",
      relativeGap: "0.25",
    }),
    {
      ok: true,
      lens: "pca2",
      cover: { kind: "balanced", intervals: 10, overlap: 0.4 },
      cluster: { kind: "single-linkage", relativeGap: 0.25 },
    },
  );
});

test("pageParameters says what is wrong with a field", () => {
  assert.equal(problem({ intervals: "2.5" }), "Intervals must be a whole number ≥ 1.");
  assert.equal(problem({ intervals: "" }), "Intervals must be a whole number ≥ 1.");
  assert.equal(problem({ overlap: "1" }), "Overlap must be in [0, 1).");
  assert.equal(problem({ eps: "0" }), "eps must be > 0.");
  assert.equal(problem({ eps: "x" }), "eps must be > 0.");
  assert.equal(problem({ minSamples: "0" }), "Min samples must be a whole number ≥ 1.");
  assert.equal(problem({ lens: "umap" }), 'The lens "umap" is not one the page computes.');
  assert.equal(
    problem({ cover: "given" }),
    'The cover "given" is not one the page computes; expected uniform or balanced.',
  );
  assert.equal(
    problem({ cluster: "kmeans" }),
    'The clustering "kmeans" is not one the page computes; expected dbscan or single-linkage.',
  );
});

test("pageParameters checks the relative gap of single linkage in (0, 1]", () => {
  const linkage = (relativeGap: string) => problem({ cluster: "single-linkage", relativeGap });
  for (const bad of ["0", "-0.1", "1.5", "", "x"]) {
    assert.equal(linkage(bad), "The relative gap must be in (0, 1].", `gap ${JSON.stringify(bad)}`);
  }
  assert.equal(linkage("1"), null);
});

test("pageParameters reads only the chosen clustering's fields", () => {
  // The hidden fields of the other clustering may hold anything.
  assert.equal(problem({ cluster: "single-linkage", eps: "0", minSamples: "" }), null);
  assert.equal(problem({ cluster: "dbscan", relativeGap: "7" }), null);
});
