import assert from "node:assert/strict";
import { test } from "node:test";
import { pageParameters } from "./page-parameters.js";

const fields = { lens: "pca2", intervals: "10", overlap: "0.4", eps: "3", minSamples: "5" };

test("pageParameters turns the form into core's cover and DBSCAN options", () => {
  assert.deepEqual(pageParameters(fields), {
    ok: true,
    lens: "pca2",
    cover: { kind: "uniform", intervals: 10, overlap: 0.4 },
    cluster: { kind: "dbscan", eps: 3, minSamples: 5 },
  });
});

test("pageParameters says what is wrong with a field", () => {
  const problem = (change: Partial<typeof fields>) => {
    const result = pageParameters({ ...fields, ...change });
    return result.ok ? null : result.problem;
  };
  assert.equal(problem({ intervals: "2.5" }), "Intervals must be a whole number ≥ 1.");
  assert.equal(problem({ intervals: "" }), "Intervals must be a whole number ≥ 1.");
  assert.equal(problem({ overlap: "1" }), "Overlap must be in [0, 1).");
  assert.equal(problem({ eps: "0" }), "eps must be > 0.");
  assert.equal(problem({ eps: "x" }), "eps must be > 0.");
  assert.equal(problem({ minSamples: "0" }), "Min samples must be a whole number ≥ 1.");
  assert.equal(problem({ lens: "umap" }), 'The lens "umap" is not one the page computes.');
});
