import assert from "node:assert/strict";
import { test } from "node:test";
import type { MapperGraphJSON } from "@nettopo/core";
import { graphParameterFields } from "./graph-parameter-fields.js";
import { pageParameters } from "./page-parameters.js";

/** A graph's `meta` as mapperGraphToJSON writes it, with the given cover and clustering. */
function meta(
  cover: MapperGraphJSON["meta"]["cover"],
  cluster: MapperGraphJSON["meta"]["cluster"],
  lens: { kind: MapperGraphJSON["meta"]["lens"]["kind"]; dims: number } = { kind: "l2", dims: 1 },
): MapperGraphJSON["meta"] {
  return {
    points: 10,
    dims: 3,
    lens: { ...lens, min: Array(lens.dims).fill(0), max: Array(lens.dims).fill(1) },
    cover,
    cluster,
    labels: null,
    noise: 0,
    seconds: 0,
  };
}

test("graphParameterFields starts the form with a DBSCAN graph's parameters", () => {
  const fields = graphParameterFields(
    meta(
      { kind: "uniform", intervals: [8, 8], overlap: 0.4 },
      { kind: "dbscan", eps: 1.5, minSamples: 3 },
      { kind: "pca", dims: 2 },
    ),
  );
  assert.deepEqual(fields, {
    lens: "pca2",
    cover: "uniform",
    intervals: "8",
    overlap: "0.4",
    cluster: "dbscan",
    eps: "1.5",
    minSamples: "3",
    relativeGap: "0.3",
  });
});

test("graphParameterFields starts the form with a balanced cover and single linkage", () => {
  const fields = graphParameterFields(
    meta(
      { kind: "balanced", intervals: [6], overlap: 0.25 },
      { kind: "single-linkage", relativeGap: 0.45 },
    ),
  );
  assert.deepEqual(pageParameters(fields), {
    ok: true,
    lens: "l2",
    cover: { kind: "balanced", intervals: 6, overlap: 0.25 },
    cluster: { kind: "single-linkage", relativeGap: 0.45 },
  });
  // DBSCAN's fields hold core's defaults, ready when the user switches.
  assert.deepEqual([fields.eps, fields.minSamples], ["0.5", "5"]);
});

test("graphParameterFields falls back to core's defaults for what the page does not compute", () => {
  const fields = graphParameterFields(
    meta(
      { kind: "given", intervals: [], overlap: null },
      { kind: "given" },
      { kind: "umap", dims: 2 },
    ),
  );
  assert.deepEqual(fields, {
    lens: "l2",
    cover: "uniform",
    intervals: "10",
    overlap: "0.3",
    cluster: "dbscan",
    eps: "0.5",
    minSamples: "5",
    relativeGap: "0.3",
  });
});
