import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runCli } from "../test-support/run-cli.js";
import { UsageError } from "../usage-error.js";
import { parseExperimentArguments } from "./experiment.js";

describe("nettopo experiment", () => {
  it("maps its flags and refuses bad ones in one line", () => {
    assert.deepEqual(parseExperimentArguments(["disk4"]), {
      name: "disk4",
      out: "runs/disk4",
      epochs: undefined,
      seed: 0,
      quick: false,
      quiet: false,
    });
    assert.deepEqual(
      parseExperimentArguments(["disk4", "--quick", "--epochs", "3", "--seed=-2", "--out", "x"]),
      { name: "disk4", out: "x", epochs: 3, seed: -2, quick: true, quiet: false },
    );
    assert.equal(
      (parseExperimentArguments(["disk4", "--quick"]) as { out: string }).out,
      "runs/disk4-quick",
    );
    const cases: [string[], RegExp][] = [
      [[], /experiment needs a name: disk4/],
      [["disk5"], /unknown experiment "disk5"; expected disk4/],
      [["disk4", "--epochs", "0"], /--epochs "0" is not an integer >= 1/],
      [["disk4", "--seed", "x"], /--seed "x" is not an integer/],
      [["disk4", "--lr", "1"], /unknown option --lr/],
    ];
    for (const [args, pattern] of cases) {
      assert.throws(
        () => parseExperimentArguments(args),
        (error: Error) => {
          assert.ok(error instanceof UsageError);
          assert.match(error.message, pattern);
          assert.ok(!error.message.includes("\n"));
          return true;
        },
      );
    }
  });

  it("prints its help", () => {
    const { status, stdout } = runCli(["experiment", "--help"]);
    assert.equal(status, 0);
    assert.match(stdout, /^Usage: nettopo experiment disk4/);
    assert.match(stdout, /4-64-64-2, 4-128-128-2, 4-128-128-128-2 and 4-512-512-2/);
  });
});
