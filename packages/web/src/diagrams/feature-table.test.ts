import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bootstrapFile, plainFile } from "../test-support/fixture-diagrams.js";
import { featureTable } from "./feature-table.js";

describe("featureTable", () => {
  it("lays out the summary's spreads by feature and dimension, count first", () => {
    const table = featureTable(bootstrapFile(), [0, 1])!;
    assert.deepEqual(table.columns, ["H1", "All"]);
    assert.deepEqual(
      table.rows.map((r) => r.label),
      ["number of finite bars", "persistent entropy"],
    );
    assert.deepEqual(table.rows[0]!.cells, [
      { mean: 2, std: 1, min: 1, max: 3 },
      { mean: 4, std: 1, min: 3, max: 5 },
    ]);
    assert.equal(table.rows[1]!.cells[1], null);
    assert.equal(table.rows[0]!.repeatValues, undefined);
  });

  it("adds the chosen repeat's values, null where not finite", () => {
    const table = featureTable(bootstrapFile(), [1], 0)!;
    assert.deepEqual(
      table.rows.map((r) => r.repeatValues),
      [
        [1, 3],
        [null, null],
      ],
    );
  });

  it("is null for a file without features", () => {
    assert.equal(featureTable(plainFile(), [0, 1]), null);
  });
});
