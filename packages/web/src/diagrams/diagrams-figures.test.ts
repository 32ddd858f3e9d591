import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bootstrapFile, diagramsData, plainFile } from "../test-support/fixture-diagrams.js";
import { barcodeFigure, bettiFigure, diagramFigure } from "./diagrams-figures.js";

type Rows = Record<string, unknown>[];
const rows = (spec: Record<string, unknown> | null) => (spec!.data as { values: Rows }).values;
const colourRange = (spec: Record<string, unknown> | null) =>
  (spec!.layer as { encoding: { color?: { scale: { range: string[] } } } }[]).at(-1)!.encoding
    .color!.scale.range;

describe("the diagrams page's figures", () => {
  const data = diagramsData([plainFile(), bootstrapFile()]);

  it("draw the chosen dimensions of one diagram, and nothing without a dimension", () => {
    const spec = diagramFigure(data, { file: 0, repeat: 0, dims: [1] });
    assert.deepEqual(
      rows(spec).map((r) => [r.dimension, r.birth, r.death]),
      [
        ["H1", 1, 3],
        ["H1", 2, 2.5],
      ],
    );
    assert.equal(spec!.title, "Persistence diagram, a.json");
    assert.equal(diagramFigure(data, { file: 0, repeat: 0, dims: [] }), null);
  });

  it("overlay the pairs of all repeats, or one shape per file", () => {
    const repeats = diagramFigure(data, { file: 1, repeat: "all", dims: [0, 1] });
    assert.equal(rows(repeats).length, 6 + 6);
    assert.equal(repeats!.title, "Persistence diagram, all 3 repeats");
    const files = diagramFigure(data, { file: "all", repeat: "all", dims: [1] });
    assert.deepEqual(
      [...new Set(rows(files).map((r) => r.diagram))],
      ["a.json", "boot.json (repeat 1)"],
    );
  });

  it("draw the barcode of the chosen repeat, or of the first when all are shown", () => {
    assert.equal(
      barcodeFigure(data, { file: 1, repeat: 1, dims: [1] })!.title,
      "Barcode, boot.json, repeat 2",
    );
    assert.equal(
      barcodeFigure(data, { file: 1, repeat: "all", dims: [1] })!.title,
      "Barcode, repeat 1 of 3",
    );
    assert.equal(rows(barcodeFigure(data, { file: 1, repeat: 2, dims: [1] })).length, 3);
  });

  it("draw a bootstrap's mean Betti curve with its band clipped at 0, and one repeat over it", () => {
    const mean = bettiFigure(data, { file: 1, repeat: "all", dims: [1] }, 1);
    assert.deepEqual(
      rows(mean).map((r) => r.lower),
      [0, 1, 0.5, 0],
    );
    assert.deepEqual(colourRange(mean), ["#D55E00"]);
    const one = bettiFigure(data, { file: 1, repeat: 1, dims: [1] }, 1);
    assert.deepEqual(
      rows(one)
        .filter((r) => r.series === "repeat 2")
        .map((r) => r.y),
      [0, 1, 2, 0],
    );
    assert.deepEqual(
      [...new Set(rows(one).map((r) => r.series))],
      ["repeat 2", "mean of 3 repeats"],
    );
    // A repeat without an H1 pair still shows the file's mean and band.
    const boot = bootstrapFile();
    const bare = {
      ...boot,
      repeats: [{ diagrams: [{ dim: 1, pairs: [] }] }, ...boot.repeats.slice(1)],
    };
    const zero = bettiFigure(diagramsData([bare]), { file: 0, repeat: 0, dims: [1] }, 1);
    assert.ok(rows(zero).some((r) => r.series === "mean of 3 repeats"));
  });

  it("compute the Betti curve of a plain diagram in its dimension's colour, and none for an empty dimension", () => {
    const spec = bettiFigure(data, { file: 0, repeat: 0, dims: [1] }, 1);
    const values = rows(spec).map((r) => r.y as number);
    assert.equal(Math.max(...values), 2);
    assert.deepEqual(colourRange(spec), ["#D55E00"]);
    assert.equal(bettiFigure(data, { file: 0, repeat: 0, dims: [2] }, 2), null);
    const essentialOnly = diagramsData([
      { ...plainFile(), repeats: [{ diagrams: [{ dim: 0, pairs: [[0, null]] }] }] },
    ]);
    assert.equal(bettiFigure(essentialOnly, { file: 0, repeat: 0, dims: [0] }, 0), null);
    const files = bettiFigure(data, { file: "all", repeat: "all", dims: [1] }, 1);
    assert.deepEqual(
      [...new Set(rows(files).map((r) => r.series))],
      ["a.json", "boot.json (repeat 1)"],
    );
  });
});
