import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bootstrapFile, plainFile } from "../test-support/fixture-diagrams.js";
import { repeatDiagram } from "./diagram-selection.js";
import { summarizeDimensions } from "./dimension-summary.js";

describe("summarizeDimensions", () => {
  it("gives exact counts and persistence of one diagram", () => {
    const [h0, h1, h2] = summarizeDimensions([repeatDiagram(plainFile().repeats[0]!)], [0, 1, 2]);
    assert.deepEqual(
      [h0!.count.mean, h0!.essential.mean, h0!.maxPersistence.mean, h0!.totalPersistence.mean],
      [3, 1, 1, 1.5],
    );
    assert.deepEqual(
      [h1!.count.mean, h1!.count.std, h1!.maxPersistence.mean, h1!.totalPersistence.mean],
      [2, 0, 2, 2.5],
    );
    // A dimension the diagram lacks is empty, with no longest bar.
    assert.equal(h2!.count.mean, 0);
    assert.ok(Number.isNaN(h2!.maxPersistence.mean));
  });

  it("gives mean, std and range over bootstrap repeats", () => {
    const [h1] = summarizeDimensions(bootstrapFile().repeats.map(repeatDiagram), [1]);
    assert.deepEqual(h1!.count, { mean: 2, std: 1, min: 1, max: 3 });
    assert.ok(Math.abs(h1!.maxPersistence.max - 0.4) < 1e-12);
  });
});
