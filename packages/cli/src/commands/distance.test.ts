import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { runCli } from "../test-support/run-cli.js";
import { scratchDirectory } from "../test-support/scratch-directory.js";

const { file } = scratchDirectory("nettopo-distance-");

// H1 of A: [0,4] and [1,2]; of B: [0,3]. Bottleneck (L-inf): [0,4]->[0,3] costs 1,
// [1,2] -> diagonal costs 0.5, so 1. W1 (L-inf): 1 + 0.5 = 1.5.
const A = file(
  "a.json",
  '{"diagrams":[{"dim":0,"pairs":[[0,null]]},{"dim":1,"pairs":[[0,4],[1,2]]}]}',
);
const B = file("b.csv", "0,3\n");

describe("nettopo distance", () => {
  it("prints the bottleneck distance as one number", () => {
    const { status, stdout, stderr } = runCli(["distance", A, B, "--dim", "1"]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    assert.equal(stdout, "1\n");
  });

  it("prints the exact Wasserstein distance, the auction's within its error, and the matching", () => {
    const w = runCli(["distance", A, B, "--dim", "1", "--metric", "wasserstein"]);
    assert.equal(w.status, 0);
    assert.equal(w.stdout, "1.5\n");
    const auction = runCli([
      "distance",
      A,
      B,
      "--dim",
      "1",
      "--metric",
      "wasserstein",
      "--relative-error",
      "0.01",
    ]);
    const value = Number(auction.stdout);
    assert.ok(value >= 1.5 - 1e-12 && value <= 1.5 * 1.01, auction.stdout);
    const m = runCli(["distance", A, B, "--dim", "1", "--matching"]);
    const { distance, matching } = JSON.parse(m.stdout);
    assert.equal(distance, 1);
    assert.deepEqual(
      [...matching].sort(),
      [
        [0, 0],
        [1, -1],
      ].sort(),
    );
  });

  it("is inf when the essential classes cannot be matched", () => {
    const { stdout } = runCli(["distance", A, file("c.csv", "0,1\n"), "--dim", "0"]);
    assert.equal(stdout, "inf\n");
  });

  it("asks for --dim when a diagram holds several, in one line", () => {
    const { status, stderr } = runCli(["distance", A, B]);
    assert.equal(status, 2);
    assertOneLineError(stderr, /a\.json holds dims 0, 1; say which to use with --dim K/);
    const bad = runCli(["distance", A, B, "--dim", "1", "--metric", "energy"]);
    assert.equal(bad.status, 2);
    assertOneLineError(bad.stderr, /--metric "energy" is not known/);
  });
});
