import assert from "node:assert/strict";
import { test } from "node:test";
import type { MapperGraphJSON } from "@nettopo/core";
import { base64ToBytes } from "./base64.js";
import { buildMapperPageData } from "./build-mapper-page-data.js";

const graph = { meta: { points: 100 }, nodes: [], links: [] } as unknown as MapperGraphJSON;
const images = {
  count: 100,
  height: 10,
  width: 10,
  channels: 1 as const,
  bytes: new Uint8Array(10000),
};
const rows = { dimension: 50, values: Float64Array.from({ length: 5000 }, (_, k) => k / 8) };

test("buildMapperPageData embeds labels, images and float32 rows within the budget", () => {
  const data = buildMapperPageData({
    title: "t",
    source: "s",
    graph,
    labels: new Int32Array(100),
    images,
    rows,
  });
  assert.equal(data.points.labels?.length, 100);
  assert.equal(data.points.images?.base64.length, Math.ceil(10000 / 3) * 4);
  const back = base64ToBytes(data.points.rows!.base64);
  assert.deepEqual(new Float32Array(back.buffer), Float32Array.from(rows.values));
  assert.deepEqual(data.notes, []);
});

test("buildMapperPageData leaves the rows out first, then the images, with notes saying so", () => {
  // Images take 13 336 bytes as base64, rows 26 668.
  const noRows = buildMapperPageData({
    title: "t",
    source: "s",
    graph,
    images,
    rows,
    maxBytes: 20_000,
  });
  assert.ok(noRows.points.images !== undefined && noRows.points.rows === undefined);
  assert.match(
    noRows.notes[0]!,
    /^Recomputing is disabled: the activation rows \(100 x 50\) take 0\.0 MB/,
  );
  const none = buildMapperPageData({
    title: "t",
    source: "s",
    graph,
    images,
    rows,
    maxBytes: 1000,
  });
  assert.equal(none.points.images, undefined);
  assert.equal(none.notes.length, 2);
  assert.match(none.notes[0]!, /^Thumbnails are left out/);
});

test("buildMapperPageData rounds node means to 6 significant digits and leaves the graph as it was", () => {
  const withMeans = {
    meta: { points: 2 },
    nodes: [{ id: 0, members: [0, 1], size: 2, means: [0.123456789, 1234567.89] }],
    links: [],
  } as unknown as MapperGraphJSON;
  const data = buildMapperPageData({ title: "t", source: "s", graph: withMeans });
  assert.deepEqual(data.graph.nodes[0]!.means, [0.123457, 1234570]);
  assert.deepEqual(withMeans.nodes[0]!.means, [0.123456789, 1234567.89]);
});
