import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { npyBytes } from "../test-support/npy-bytes.js";
import { scratchDirectory } from "../test-support/scratch-directory.js";
import { readDiagramFile } from "./diagram-file.js";

const { dir: directory, file } = scratchDirectory("nettopo-diagram-file-");

const INF = Number.POSITIVE_INFINITY;

test("readDiagramFile reads the JSON of nettopo ph", () => {
  const diagram = readDiagramFile(
    file("ph.json", '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,null]]},{"dim":1,"pairs":[[1,2]]}]}'),
  );
  assert.deepEqual([...diagram.dimensions[0].deaths], [1, INF]);
  assert.deepEqual([...diagram.dimensions[1].births], [1]);
});

test("readDiagramFile reads Ripser's text output, guessed from the content", () => {
  const diagram = readDiagramFile(
    file(
      "ripser.txt",
      "value range: [0,2]\npersistence intervals in dim 0:\n [0, )\npersistence intervals in dim 1:\n [1,2)\n",
    ),
  );
  assert.deepEqual([...diagram.dimensions[1].deaths], [2]);
});

test("readDiagramFile puts the rows of an array file in the dimension asked for", () => {
  const csv = readDiagramFile(file("pairs.csv", "birth,death\n0.5,1\n0.25, inf\n"), {
    arrayDim: 1,
  });
  assert.equal(csv.dimensions.length, 2);
  assert.equal(csv.dimensions[0].births.length, 0);
  assert.deepEqual([...csv.dimensions[1].deaths], [1, INF]);
  const npy = readDiagramFile(file("pairs.npy", npyBytes([2, 2], [0, 1, 0.5, INF])));
  assert.deepEqual([...npy.dimensions[0].deaths], [1, INF]);
  const empty = readDiagramFile(file("empty.npy", npyBytes([0, 2], [])));
  assert.equal(empty.dimensions[0].births.length, 0);
  const json = readDiagramFile(file("pairs.json", "[[0,1],[2,null]]"), { arrayDim: 2 });
  assert.deepEqual([...json.dimensions[2].deaths], [1, INF]);
});

test("readDiagramFile names the file and the problem in one line for bad content", () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    [
      "bad.json",
      '{"diagrams":[{"dim":0,"pairs":[[2,1]]}]}',
      /bad\.json: .*at least the birth 2, got 1/,
    ],
    ["broken.json", '{"diagrams":', /broken\.json: not valid JSON/],
    ["shape.json", '{"pairs":[]}', /shape\.json: .*"diagrams"/],
    ["nan.csv", "0,nan\n", /nan\.csv: line 1 has "nan"; expected a number or inf/],
    ["three.csv", "0,1,2\n", /three\.csv: line 1 has 3 values; expected 2/],
    ["below.csv", "0,1\n3,2\n", /below\.csv: pairs: pair 1 dies at 2 before its birth 3/],
    ["wide.npy", npyBytes([1, 3], [0, 1, 2]), /wide\.npy: \.npy array has 3 columns; expected 2/],
    ["nan.npy", npyBytes([1, 2], [0, Number.NaN]), /nan\.npy: value NaN .*finite numbers or inf/],
    ["pair.json", "[[0]]", /pair\.json: pair 0 must be \[birth, death\]/],
  ];
  for (const [name, content, pattern] of cases) {
    assert.throws(() => readDiagramFile(file(name, content)), pattern, name);
  }
  assert.throws(
    () => readDiagramFile(join(directory, "missing.json")),
    /cannot read .*no such file/,
  );
});
