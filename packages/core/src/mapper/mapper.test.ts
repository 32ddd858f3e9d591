import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pointCloud } from "../metric/point-cloud.js";
import type { Progress } from "../types.js";
import { givenLens } from "./given-lens.js";
import { mapper } from "./mapper.js";
import { mapperAsync } from "./mapper-async.js";
import { mapperGraphToJSON } from "./mapper-graph-to-json.js";
import { mapperSteps } from "./mapper-steps.js";

const members = (graph: ReturnType<typeof mapper>) => graph.nodes.map((n) => Array.from(n.members));

/** Two groups on a line and one far point: 0, 0.1, 0.2 | 5, 5.1 | 20. */
const line = pointCloud([0, 0.1, 0.2, 5, 5.1, 20], 6, 1);

describe("mapper", () => {
  it("mapper makes one node per cluster of each cover element and joins nodes that share points", () => {
    const graph = mapper(line, {
      lens: { kind: "coordinate" },
      cover: { kind: "uniform", intervals: 2, overlap: 0.5 },
      cluster: { kind: "dbscan", eps: 0.15, minSamples: 1 },
    });
    // L = 20 / 1.5; intervals [0, 13.33] and [6.67, 20].
    assert.deepEqual(members(graph), [[0, 1, 2], [3, 4], [5]]);
    assert.equal(graph.links.source.length, 0);
    const overlapping = mapper(line, {
      lens: { kind: "coordinate" },
      cover: { kind: "uniform", intervals: 2, overlap: 0.8 },
      cluster: { kind: "dbscan", eps: 0.15, minSamples: 1 },
    });
    // L = 20 / 1.2 = 16.67; intervals [0, 16.67] and [3.33, 20]: {3, 4} is in both.
    assert.deepEqual(members(overlapping), [[0, 1, 2], [3, 4], [3, 4], [5]]);
    assert.deepEqual(Array.from(overlapping.links.source), [1]);
    assert.deepEqual(Array.from(overlapping.links.target), [2]);
    assert.deepEqual(Array.from(overlapping.links.weight), [2]);
    assert.deepEqual(Array.from(overlapping.links.jaccard), [1]);
  });

  it("mapper leaves DBSCAN's noise out of every node and counts it", () => {
    const graph = mapper(line, {
      lens: { kind: "coordinate" },
      cover: { kind: "uniform", intervals: 1, overlap: 0 },
      cluster: { kind: "dbscan", eps: 0.15, minSamples: 2 },
    });
    assert.deepEqual(members(graph), [
      [0, 1, 2],
      [3, 4],
    ]);
    assert.equal(graph.noise, 1);
  });

  it("mapper computes the label histogram, majority, purity, lens means and node means", () => {
    const graph = mapper(line, {
      lens: { kind: "coordinate" },
      cover: { kind: "uniform", intervals: 1, overlap: 0 },
      cluster: { kind: "dbscan", eps: 0.15, minSamples: 1 },
      labels: [1, 1, 0, 2, 2, 0],
      labelNames: ["a", "b", "c"],
      nodeMeans: true,
    });
    const first = graph.nodes[0]!;
    assert.deepEqual(Array.from(first.labels!.labels), [0, 1]);
    assert.deepEqual(Array.from(first.labels!.counts), [1, 2]);
    assert.equal(first.majority, 1);
    assert.equal(first.purity, 2 / 3);
    assert.ok(Math.abs(first.lens[0]! - 0.1) < 1e-15);
    assert.ok(Math.abs(first.means![0]! - 0.1) < 1e-15);
    const json = mapperGraphToJSON(graph);
    assert.deepEqual(json.nodes[0]!.labels, { "0": 1, "1": 2 });
    assert.deepEqual(json.meta.labels, { names: ["a", "b", "c"] });
    assert.deepEqual(json.nodes[0]!.means, [first.means![0]]);
    assert.equal(mapperGraphToJSON(graph, { means: false }).nodes[0]!.means, undefined);
  });

  it("mapperGraphToJSON writes the contract's meta, nodes and links", () => {
    const graph = mapper(line, {
      lens: { kind: "coordinate" },
      cover: { kind: "uniform", intervals: 2, overlap: 0.8 },
      cluster: { kind: "dbscan", eps: 0.15, minSamples: 1 },
    });
    const json = JSON.parse(JSON.stringify(mapperGraphToJSON(graph)));
    assert.deepEqual(json.meta.lens, {
      coordinates: [0],
      kind: "coordinate",
      dims: 1,
      min: [0],
      max: [20],
    });
    assert.deepEqual(json.meta.cover, { kind: "uniform", intervals: [2], overlap: 0.8 });
    assert.deepEqual(json.meta.cluster, { kind: "dbscan", eps: 0.15, minSamples: 1 });
    assert.equal(json.meta.points, 6);
    assert.equal(json.meta.dims, 1);
    assert.equal(json.meta.labels, null);
    assert.deepEqual(json.nodes[1], {
      id: 1,
      members: [3, 4],
      size: 2,
      cover: [0],
      cluster: 1,
      lens: [5.05],
    });
    assert.deepEqual(json.links, [{ source: 1, target: 2, weight: 2, jaccard: 1 }]);
    assert.equal(json.simplices, undefined);
  });

  it("mapper lists the 2-simplices of the nerve when asked", () => {
    const graph = mapper(pointCloud([0, 0, 0], 3, 1), {
      lens: { kind: "given", values: [0, 0, 0] },
      cover: {
        kind: "given",
        elements: [
          [0, 1],
          [1, 2],
          [0, 1, 2],
        ],
      },
      cluster: { kind: "dbscan", eps: 1, minSamples: 1 },
      nerveDimension: 2,
    });
    assert.deepEqual(Array.from(graph.simplices[0]!.vertices), [0, 1, 2]);
    assert.deepEqual(mapperGraphToJSON(graph).simplices, [[0, 1, 2]]);
  });

  it("mapper with given cluster labels makes a node per label present in each element", () => {
    const graph = mapper(line, {
      lens: { kind: "coordinate" },
      cover: { kind: "uniform", intervals: 1, overlap: 0 },
      cluster: { kind: "given", labels: [7, 7, 3, -1, 3, 7] },
    });
    assert.deepEqual(members(graph), [
      [0, 1, 5],
      [2, 4],
    ]);
  });

  it("mapperSteps, mapper and mapperAsync give the same graph and report every cover element", async () => {
    const options = {
      lens: { kind: "coordinate" } as const,
      cover: { kind: "uniform", intervals: 3, overlap: 0.3 } as const,
      cluster: { kind: "single-linkage" } as const,
    };
    const reports: Progress[] = [];
    const sync = mapper(line, { ...options, onProgress: (p) => reports.push(p) });
    const asynchronous = await mapperAsync(line, options);
    const steps = mapperSteps(line, options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    assert.deepEqual(members(sync), members(asynchronous));
    assert.deepEqual(members(sync), members(step.value));
    const clusterReports = reports.filter((p) => p.stage === "cluster");
    assert.equal(clusterReports.at(-1)!.done, sync.cover.elements.length);
    assert.deepEqual(
      [...new Set(reports.map((p) => p.stage))],
      ["lens", "cover", "cluster", "nerve", "statistics"],
    );
  });

  it("mapperAsync rejects with the signal's reason when aborted between steps", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    await assert.rejects(
      mapperAsync(line, {
        lens: { kind: "coordinate" },
        onProgress: (p) => {
          if (p.stage === "cover") controller.abort(reason);
        },
        signal: controller.signal,
      }),
      (error) => error === reason,
    );
    assert.throws(() => mapper(line, { signal: AbortSignal.abort() }), { name: "AbortError" });
  });
});

describe("mapper rejects bad input with one-line errors", () => {
  const oneLine = (pattern: RegExp) => (error: unknown) =>
    error instanceof RangeError && pattern.test(error.message) && !error.message.includes("\n");
  it("mapper rejects eps <= 0", () => {
    for (const eps of [0, -1, Number.NaN]) {
      assert.throws(
        () => mapper(line, { cluster: { kind: "dbscan", eps } }),
        oneLine(/^mapper: options\.cluster: eps must be a finite number > 0; got/),
      );
    }
  });
  it("mapper rejects a lens with NaN, naming the point", () => {
    assert.throws(
      () => mapper(line, { lens: { kind: "given", values: [0, 1, Number.NaN, 3, 4, 5] } }),
      oneLine(/givenLens: the given lens is NaN at point 2; lens values must be finite/),
    );
    const lens = { ...givenLens([0, 1, 2, 3, 4, 5]) };
    lens.values[4] = Number.NaN;
    assert.throws(() => mapper(line, { lens }), oneLine(/the given lens is NaN at point 4/));
  });
  it("mapper rejects labels of the wrong length", () => {
    assert.throws(
      () => mapper(line, { labels: [0, 1, 2] }),
      oneLine(/^mapper: options\.labels has 3 labels for 6 points; expected one label per point$/),
    );
    assert.throws(
      () => mapper(line, { cluster: { kind: "given", labels: [0] } }),
      oneLine(/options\.cluster\.labels has 1 labels for 6 points/),
    );
  });
  it("mapper rejects an empty element of a given cover, and of a uniform cover under emptyElements error", () => {
    assert.throws(
      () => mapper(line, { cover: { kind: "given", elements: [[0, 1], []] } }),
      oneLine(/^givenCover: elements\[1\] is empty; every cover element must hold a point$/),
    );
    // Intervals of length 20/4.6 over 0..20: [4.35, 8.7] and others hold no point.
    assert.throws(
      () =>
        mapper(line, {
          lens: { kind: "coordinate" },
          cover: { kind: "uniform", intervals: 7, overlap: 0.4, emptyElements: "error" },
        }),
      oneLine(/^uniformCover: cover element \[\d\] holds no point \(\d of 7 elements are empty\)/),
    );
    const skipped = mapper(line, {
      lens: { kind: "coordinate" },
      cover: { kind: "uniform", intervals: 7, overlap: 0.4 },
    });
    assert.ok(skipped.cover.emptyElements > 0);
  });
  it("mapper rejects bad cover options and a lens of another length", () => {
    assert.throws(
      () => mapper(line, { cover: { kind: "uniform", overlap: 1 } }),
      oneLine(/overlap must be a number in \[0, 1\)/),
    );
    assert.throws(
      () => mapper(line, { cover: { kind: "uniform", intervals: 0 } }),
      oneLine(/intervals must be integers >= 1/),
    );
    assert.throws(
      () => mapper(line, { lens: { kind: "given", values: [1, 2] } }),
      oneLine(/lens has values for 2 points but there are 6/),
    );
    assert.throws(
      () => mapper({ count: 1, dimension: 1, coordinates: Float64Array.of(Number.NaN) }),
      oneLine(/points\.coordinates\[0\] \(point 0, coordinate 0\) must be finite; got NaN/),
    );
  });
});
