import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { BIN, interruptCli, runCli } from "../test-support/run-cli.js";
import { UsageError } from "../usage-error.js";
import { parseTrainArguments } from "./train.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-train-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A run long enough to be killed in the middle: moons, dropout, records every half epoch. */
const RUN = [
  "--arch",
  "2-16-drop0.1-16-2",
  "--dataset",
  "moons",
  "--count",
  "600",
  "--epochs",
  "4",
  "--batch",
  "16",
  "--every",
  "0.5",
  "--lr",
  "0.005",
  "--seed",
  "3",
];

/** metrics.jsonl without the timings. */
function metrics(run: string): unknown[] {
  return readFileSync(join(run, "metrics.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const { seconds: _, ...rest } = JSON.parse(line);
      return rest;
    });
}

/** topology.jsonl without the timings. */
function topology(run: string): unknown[] {
  return readFileSync(join(run, "topology.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const { seconds: _, ...rest } = JSON.parse(line);
      return rest;
    });
}

/** Starts `nettopo train`, SIGKILLs it once stderr matches `ready`, resolves when it is gone. */
function killWhen(args: string[], ready: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      if (ready.test(stderr)) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", () => resolve(stderr));
  });
}

describe("nettopo train", () => {
  it("trains the D^4 MLP into a run directory and prints the last record as JSON", () => {
    const out = join(dir, "d4");
    const { status, stdout, stderr } = runCli([
      "train",
      "--arch",
      "4-32-32-2",
      "--dataset",
      "ball4",
      "--count",
      "2000",
      "--epochs",
      "2",
      "--out",
      out,
    ]);
    assert.equal(status, 0, stderr);
    const summary = JSON.parse(stdout);
    assert.equal(summary.run, out);
    assert.equal(summary.epochs, 2);
    assert.equal(summary.final.kind, "epoch");
    assert.equal(summary.final.step, 26);
    assert.match(stderr, /^nettopo: epoch 0\/2 {2}train loss [\d.]+ acc [\d.]+ {2}test loss/m);
    assert.match(stderr, /^nettopo: epoch 2\/2 /m);
    assert.ok(existsSync(join(out, "model", "model.json")));
    assert.ok(existsSync(join(out, "checkpoints", "epoch-002", "optimizer.bin")));
  });

  it("leaves a directory that a killed run resumes from, to the records of an uninterrupted run", async () => {
    const whole = join(dir, "whole");
    const killed = join(dir, "killed");
    assert.equal(runCli(["train", ...RUN, "--quiet", "--out", whole]).status, 0);
    const before = await killWhen(["train", ...RUN, "--out", killed], /epoch 2\.50\/4/);
    assert.match(before, /epoch 2\/4/);
    assert.equal(existsSync(join(killed, "model")), false);
    const { status, stdout, stderr } = runCli(["train", "--resume", killed]);
    assert.equal(status, 0, stderr);
    assert.equal(JSON.parse(stdout).resumedFrom >= 2, true);
    assert.deepEqual(metrics(killed), metrics(whole));
    assert.deepEqual(
      readFileSync(join(killed, "model", "weights.bin")),
      readFileSync(join(whole, "model", "weights.bin")),
    );
    const finished = runCli(["train", "--resume", killed]);
    assert.equal(finished.status, 1);
    assert.match(finished.stderr, /is finished \(4 of 4 epochs\); pass more epochs/);
  });

  it("stops at Ctrl-C between steps with status 130 and says how to resume", async () => {
    const out = join(dir, "interrupted");
    const { status, stderr } = await interruptCli(
      ["train", ...RUN, "--out", out],
      /epoch 1\/4/,
      60_000,
    );
    assert.equal(status, 130);
    assert.match(
      stderr,
      /interrupted \(SIGINT\) after \d complete epochs; continue with: nettopo train --resume .*interrupted\n$/,
    );
    assert.ok(existsSync(join(out, "checkpoints", "epoch-001", "state.json")));
  });

  it("refuses bad usage with one line", () => {
    const cases: [string[], RegExp][] = [
      [["--dataset", "moons", "--epochs", "1", "--out", "x"], /train needs --arch/],
      [["--arch", "2-4-2", "--dataset", "moons", "--out", "x"], /needs --epochs N/],
      [["--resume", "x", "--lr", "0.1"], /takes only --epochs and --quiet, not --lr/],
      [
        [
          "--arch",
          "2-4-2",
          "--dataset",
          "moons",
          "--epochs",
          "1",
          "--out",
          "x",
          "--optimizer",
          "rmsprop",
        ],
        /--optimizer "rmsprop" is not known/,
      ],
      [
        [
          "--arch",
          "2-4-2",
          "--dataset",
          "moons",
          "--epochs",
          "1",
          "--out",
          "x",
          "--momentum",
          "0.9",
        ],
        /--momentum applies to --optimizer sgd/,
      ],
      [
        ["--arch", "2-4-2", "--dataset", "moons", "--epochs", "1", "--out", "x", "--every", "2"],
        /--every 2 must be in \(0, 1\]/,
      ],
      [
        ["--arch", "2-4-2", "--dataset", "moons", "--epochs", "1", "--out", "x", "--dropout", "1"],
        /--dropout 1 must be in \[0, 1\)/,
      ],
    ];
    for (const [args, pattern] of cases) {
      assert.throws(
        () => parseTrainArguments(args),
        (error: Error) => {
          assert.ok(error instanceof UsageError);
          assert.match(error.message, pattern);
          assert.ok(!error.message.includes("\n"));
          return true;
        },
      );
    }
    const parsed = parseTrainArguments([
      "--arch",
      "conv8-pool-10",
      "--dataset",
      "fashion-mnist",
      "--epochs",
      "3",
      "--out",
      "r",
      "--optimizer",
      "sgd",
      "--lr",
      "0.05",
      "--momentum",
      "0.9",
      "--batch-norm",
      "--limit",
      "1000",
    ]);
    assert.deepEqual(parsed, {
      kind: "new",
      out: "r",
      quiet: false,
      config: {
        arch: "conv8-pool-10",
        data: { dataset: "fashion-mnist", limit: 1000 },
        epochs: 3,
        optimizer: { name: "sgd", learningRate: 0.05, momentum: 0.9 },
        batchNorm: true,
      },
    });
    // A bad spec is a usage error too, found once the library is loaded.
    const { status, stderr } = runCli([
      "train",
      "--arch",
      "2-x-2",
      "--dataset",
      "moons",
      "--epochs",
      "1",
      "--out",
      "x",
    ]);
    assert.equal(status, 2);
    assert.match(
      stderr,
      /^nettopo: --arch: architecture "2-x-2": token 2 "x" is not a layer; expected N or fcN/,
    );
  });

  it("refuses bad data and directories with exit status 1 and one line", () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    const busy = join(dir, "busy");
    runCli([
      "train",
      "--arch",
      "2-4-2",
      "--dataset",
      "moons",
      "--count",
      "50",
      "--epochs",
      "1",
      "--out",
      busy,
    ]);
    const base = ["--epochs", "1", "--out"];
    const cases: [string[], RegExp][] = [
      [
        ["--arch", "2-4-2", "--dataset", "imagenet", ...base, join(dir, "u")],
        /unknown data set "imagenet"/,
      ],
      [
        ["--arch", "4-64-2", "--dataset", "moons", ...base, join(dir, "s")],
        /architecture "4-64-2" expects samples of 4 values; got samples of shape \(2,\) \(2 values\)/,
      ],
      [
        ["--arch", "2-4-2", "--dataset", "moons", ...base, join(file, "run")],
        /cannot create the run directory .*a-file\/run: .*a-file is a file/,
      ],
      [["--arch", "2-4-2", "--dataset", "moons", ...base, busy], /is not empty; resume it/],
      [["--resume", join(dir, "nowhere")], /is not a run directory \(no config.json\)/],
    ];
    for (const [args, pattern] of cases) {
      const { status, stderr } = runCli(["train", ...args]);
      assert.equal(status, 1, `${args.join(" ")}: ${stderr}`);
      assert.match(stderr, pattern);
      assert.equal(stderr.trim().split("\n").length, 1, stderr);
    }
  });

  it("monitors the neurons: a snapshot line per half epoch on stderr and in topology.jsonl, which a killed run resumes to", async () => {
    const monitor = ["--monitor", "neurons:every=0.5,neurons=16,samples=100,bootstrap=2,seed=4"];
    const whole = join(dir, "monitored");
    const killed = join(dir, "monitored-killed");
    const full = runCli(["train", ...RUN, ...monitor, "--out", whole]);
    assert.equal(full.status, 0, full.stderr);
    assert.match(
      full.stderr,
      /^nettopo: topology epoch 0\/4 {2}bars H0 15\.0±0\.0 {2}H1 [\d.]+±[\d.]+ {2}\(2 repeats, [\d.]+ s/m,
    );
    assert.match(full.stderr, /^nettopo: topology epoch 3\.50\/4 /m);
    const lines = topology(whole);
    assert.deepEqual(
      lines.map((r) => (r as { epoch: number }).epoch),
      [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4],
    );
    const before = await killWhen(["train", ...RUN, ...monitor, "--out", killed], /epoch 2\.50\/4/);
    assert.match(before, /epoch 2\/4/);
    const { status, stderr } = runCli(["train", "--resume", killed]);
    assert.equal(status, 0, stderr);
    assert.deepEqual(topology(killed), lines);
    assert.deepEqual(metrics(killed), metrics(whole));
  });

  it("refuses a bad --monitor in one line", () => {
    const base = ["--arch", "2-4-2", "--dataset", "moons", "--epochs", "1", "--out", "x"];
    const cases: [string, RegExp][] = [
      ["weights", /--monitor "weights": expected neurons or neurons:KEY=VALUE/],
      ["neurons:", /nothing after "neurons:"/],
      ["neurons:every", /"every" is not KEY=VALUE/],
      ["neurons:evry=1", /unknown key "evry"; expected one of every, neurons/],
      ["neurons:every=0", /every=0 is not valid; expected a number > 0/],
      ["neurons:neurons=1", /neurons=1 is not valid; expected an integer >= 2/],
      ["neurons:bootstrap=0", /bootstrap=0 is not valid; expected an integer >= 1/],
      ["neurons:metric=cosine", /metric=cosine is not valid; expected one of abs-correlation/],
      ["neurons:dim=1,dim=2", /dim is given twice/],
      ["neurons:layers=a++b", /layers=a\+\+b is not valid; expected layer names joined by \+/],
    ];
    for (const [value, pattern] of cases) {
      assert.throws(
        () => parseTrainArguments([...base, "--monitor", value]),
        (error: Error) => {
          assert.ok(error instanceof UsageError);
          assert.match(error.message, pattern);
          assert.ok(!error.message.includes("\n"));
          return true;
        },
        value,
      );
    }
    const parsed = parseTrainArguments([
      ...base,
      "--monitor",
      "neurons:every=0.5,neurons=all,samples=300,bootstrap=2,layers=dense1_act+dense2_act,dim=2,metric=sqrt-abs-correlation,threshold=0.9,seed=-3",
    ]);
    assert.ok(parsed !== "help" && parsed.kind === "new");
    assert.deepEqual(parsed.config.monitor, {
      every: 0.5,
      neurons: "all",
      samples: 300,
      bootstrap: 2,
      layers: ["dense1_act", "dense2_act"],
      dim: 2,
      metric: "sqrt-abs-correlation",
      threshold: 0.9,
      seed: -3,
    });
    assert.deepEqual(
      (parseTrainArguments([...base, "--monitor", "neurons"]) as { config: unknown }).config,
      {
        arch: "2-4-2",
        data: { dataset: "moons" },
        epochs: 1,
        optimizer: {},
        monitor: {},
      },
    );
    const unknownLayer = runCli([
      "train",
      ...base.slice(0, -1),
      join(dir, "bad-monitor"),
      "--monitor",
      "neurons:layers=dense7_act",
    ]);
    assert.equal(unknownLayer.status, 1);
    assert.match(
      unknownLayer.stderr,
      /^nettopo: monitor.layers: the network has no layer "dense7_act"/,
    );
    assert.equal(unknownLayer.stderr.trim().split("\n").length, 1);
  });
});
