import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bootstrapFile, diagramsData, plainFile } from "../test-support/fixture-diagrams.js";
import {
  dataDims,
  repeatDiagram,
  selectedDiagrams,
  showsAllRepeats,
  unionDiagram,
} from "./diagram-selection.js";

describe("diagram selection", () => {
  const data = diagramsData([plainFile(), bootstrapFile()]);

  it("repeatDiagram reads a null death as Infinity", () => {
    const diagram = repeatDiagram(plainFile().repeats[0]!);
    assert.deepEqual([...diagram.dimensions[0]!.deaths], [0.5, 1, Number.POSITIVE_INFINITY]);
    assert.deepEqual([...diagram.dimensions[1]!.births], [1, 2]);
  });

  it("dataDims lists the dimensions of every file", () => {
    assert.deepEqual(dataDims(data), [0, 1]);
  });

  it("selects one diagram, one repeat, all repeats or the first diagram of every file", () => {
    assert.deepEqual(
      selectedDiagrams(data, { file: 0, repeat: 0, dims: [1] }).map((s) => s.label),
      ["a.json"],
    );
    const one = selectedDiagrams(data, { file: 1, repeat: 2, dims: [1] });
    assert.deepEqual(
      one.map((s) => [s.label, s.repeat]),
      [["boot.json, repeat 3 of 3", 2]],
    );
    assert.equal(one[0]!.diagram.dimensions[1]!.births.length, 3);
    assert.deepEqual(
      selectedDiagrams(data, { file: 1, repeat: "all", dims: [1] }).map((s) => s.label),
      ["repeat 1", "repeat 2", "repeat 3"],
    );
    assert.deepEqual(
      selectedDiagrams(data, { file: "all", repeat: "all", dims: [1] }).map((s) => s.label),
      ["a.json", "boot.json (repeat 1)"],
    );
    assert.equal(showsAllRepeats(data, { file: 1, repeat: "all", dims: [1] }), true);
    assert.equal(showsAllRepeats(data, { file: 0, repeat: "all", dims: [1] }), false);
  });

  it("says which file or repeat a choice names that the data do not have", () => {
    assert.throws(
      () => selectedDiagrams(data, { file: 2, repeat: 0, dims: [] }),
      /no file 2: the page has 2/,
    );
    assert.throws(
      () => selectedDiagrams(data, { file: 1, repeat: 5, dims: [] }),
      /boot\.json has no repeat 6: it has 3/,
    );
  });

  it("unionDiagram puts the pairs of all diagrams together, dimension by dimension", () => {
    const union = unionDiagram(bootstrapFile().repeats.map(repeatDiagram));
    assert.deepEqual(
      union.dimensions.map((d) => [d.dim, d.births.length]),
      [
        [0, 6],
        [1, 6],
      ],
    );
    assert.equal(
      union.dimensions[0]!.deaths.filter((d) => d === Number.POSITIVE_INFINITY).length,
      3,
    );
  });
});
