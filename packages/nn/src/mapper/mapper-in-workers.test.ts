import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gaussian, mapper, seededRandom } from "@nettopo/core";
import { mapperInWorkers } from "./mapper-in-workers.js";

const random = seededRandom(4);
const count = 400;
const dimension = 8;
const coordinates = new Float32Array(count * dimension);
for (let i = 0; i < count; i++) {
  const center = i % 3;
  for (let j = 0; j < dimension; j++)
    coordinates[i * dimension + j] = 3 * center * (j % 2) + gaussian(random);
}
const points = { count, dimension, coordinates };
const labels = Int32Array.from({ length: count }, (_, i) => i % 3);

describe("mapperInWorkers", () => {
  it("mapperInWorkers gives core mapper's graph, with DBSCAN and single linkage", async () => {
    for (const cluster of [
      { kind: "dbscan", eps: 1.6, minSamples: 4 } as const,
      { kind: "single-linkage", relativeGap: 0.2 } as const,
    ]) {
      const options = {
        cover: { kind: "uniform", intervals: 6, overlap: 0.3 } as const,
        cluster,
        labels,
        nerveDimension: 2,
      };
      const expected = mapper(points, options);
      const actual = await mapperInWorkers(points, { ...options, workers: 2 });
      assert.deepEqual(
        actual.nodes.map((n) => ({ ...n })),
        expected.nodes.map((n) => ({ ...n })),
      );
      assert.deepEqual(actual.links, expected.links);
      assert.deepEqual(actual.simplices, expected.simplices);
      assert.equal(actual.noise, expected.noise);
    }
  });

  it("mapperInWorkers rejects bad options in one line and stops on abort", async () => {
    await assert.rejects(
      mapperInWorkers(points, { cluster: { kind: "dbscan", eps: 0 }, workers: 2 }),
      /eps must be a finite number > 0; got 0/,
    );
    const controller = new AbortController();
    const reason = new Error("stop");
    await assert.rejects(
      mapperInWorkers(points, {
        workers: 2,
        onProgress: (p) => {
          if (p.stage === "cover") controller.abort(reason);
        },
        signal: controller.signal,
      }),
      (error) => error === reason,
    );
  });
});
