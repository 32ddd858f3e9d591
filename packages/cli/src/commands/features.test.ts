import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { runCli } from "../test-support/run-cli.js";
import { scratchDirectory } from "../test-support/scratch-directory.js";

const { file } = scratchDirectory("nettopo-features-");

const A = file(
  "a.json",
  '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,null]]},{"dim":1,"pairs":[[1,3],[2,2.5]]}]}',
);
const B = file("b.csv", "birth,death\n0.5,4\n");

describe("nettopo features", () => {
  it("prints the summary and statistics of a diagram by default", () => {
    const { status, stdout, stderr } = runCli(["features", A]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    const [entry] = JSON.parse(stdout).diagrams;
    assert.equal(entry.source, A);
    assert.deepEqual(
      entry.summary.map((row: { pairs: number }) => row.pairs),
      [2, 2],
    );
    assert.equal(entry.statistics["h1.count"], 2);
    assert.equal(entry.statistics["h1.lifetime.mean"], 1.25);
    assert.deepEqual(entry.statistics["h1.top2.lifetime"], 0.5);
  });

  it("fits one grid on all diagrams so their Betti curves line up", () => {
    const { status, stdout } = runCli([
      "features",
      A,
      B,
      "--dim",
      "1",
      "--vectorize",
      "betti,count",
    ]);
    assert.equal(status, 0);
    const [a, b] = JSON.parse(stdout).diagrams.map(
      (d: { dimensions: { betti: { grid: number[]; values: number[] }; count: number }[] }) =>
        d.dimensions[0],
    );
    assert.deepEqual(a.betti.grid, b.betti.grid);
    assert.equal(a.count, 2);
    assert.equal(b.count, 1);
    // Betti numbers are direct counts of the bars alive at each grid value (birth <= x < death).
    a.betti.grid.forEach((x: number, k: number) => {
      const alive = [
        [1, 3],
        [2, 2.5],
      ].filter(([birth, death]) => birth <= x && x < death).length;
      assert.equal(a.betti.values[k], alive);
    });
  });

  it("gives landscapes as layers and an image with its axes", () => {
    const args = ["features", A, "--dim", "1", "--vectorize", "landscape,image", "--layers", "2"];
    const { status, stdout } = runCli([...args, "--resolution", "7", "--image-size", "3,4"]);
    assert.equal(status, 0);
    const { landscape, image } = JSON.parse(stdout).diagrams[0].dimensions[0];
    assert.equal(landscape.layers.length, 2);
    assert.equal(landscape.layers[0].length, 7);
    assert.equal(image.values.length, 12);
    assert.equal(image.births.length, 3);
    assert.equal(image.persistences.length, 4);
  });

  it("rejects an unknown vectorization and a bad diagram in one line", () => {
    let result = runCli(["features", A, "--vectorize", "betti,wavelets"]);
    assert.equal(result.status, 2);
    assertOneLineError(
      result.stderr,
      /--vectorize "wavelets" is not known; expected one of summary, stats/,
    );
    result = runCli(["features", file("bad.csv", "0,1\n2,nan\n")]);
    assert.equal(result.status, 1);
    assertOneLineError(result.stderr, /bad\.csv: line 2 has "nan"/);
    result = runCli(["features", A, "--range", "3,1"]);
    assert.equal(result.status, 2);
    assertOneLineError(result.stderr, /--range "3,1" must be MIN,MAX with MIN < MAX/);
  });
});
