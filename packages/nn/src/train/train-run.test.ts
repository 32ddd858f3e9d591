import assert from "node:assert/strict";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { assertOneLineRejection } from "../test-support/errors.js";
import { evaluateModel } from "./evaluate-model.js";
import { loadTfjsModel } from "./load-tfjs-model.js";
import { readMetrics } from "./metrics-log.js";
import { prepareData } from "./prepare-data.js";
import { type RunConfig, type RunFile, resumeRun, trainRun } from "./train-run.js";
import type { TrainingRecord } from "./training-record.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-train-run-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG: RunConfig = {
  arch: "2-12-drop0.1-12-2",
  data: { dataset: "moons", count: 300, noise: 0.2 },
  epochs: 4,
  batchSize: 32,
  every: 0.5,
  seed: 5,
  optimizer: { name: "adam", learningRate: 0.01 },
};

const untimed = ({ seconds: _, ...rest }: TrainingRecord) => rest;

describe("trainRun", () => {
  it("writes config.json, metrics.jsonl, a checkpoint per epoch and the final model", async () => {
    const run = join(dir, "complete");
    const result = await trainRun(run, CONFIG);
    assert.equal(result.epochs, 4);
    assert.deepEqual(readdirSync(run).sort(), [
      "checkpoints",
      "config.json",
      "metrics.jsonl",
      "model",
    ]);
    assert.deepEqual(readdirSync(join(run, "checkpoints")), [
      "epoch-001",
      "epoch-002",
      "epoch-003",
      "epoch-004",
    ]);
    assert.deepEqual(readdirSync(join(run, "checkpoints", "epoch-002")).sort(), [
      "model.json",
      "optimizer.bin",
      "optimizer.json",
      "state.json",
      "weights.bin",
    ]);
    const config = JSON.parse(readFileSync(join(run, "config.json"), "utf8")) as RunFile;
    assert.equal(config.arch, "2-12-drop0.1-12-2");
    assert.equal(config.data.train.count, 240);
    assert.equal(config.data.seed, 0);
    assert.equal(config.training.seed, 5);
    assert.equal(config.training.stepsPerEpoch, 8);
    assert.equal(config.training.optimizer.beta2, 0.999);
    assert.match(config.versions.tfjs.core, /^4\./);
    assert.deepEqual(
      config.layers.map((l) => l.name),
      ["input", "dense1", "dense1_act", "dense1_drop", "dense2", "dense2_act", "dense3"],
    );
    const records = await readMetrics(join(run, "metrics.jsonl"));
    assert.equal(records.length, 1 + 4 * 2);
    assert.deepEqual(records.map(untimed), result.records.map(untimed));
    // The saved model is the trained one: it measures what the last record says.
    const model = await loadTfjsModel(join(run, "model"));
    const { test } = await prepareData(config.data, config.data.normalization ?? undefined);
    assert.ok(Math.abs(evaluateModel(model, test).accuracy - records.at(-1)!.test.accuracy) < 1e-9);
    model.dispose();
  });

  it("resumes an interrupted run to the records and weights of an uninterrupted one", async () => {
    const whole = join(dir, "whole");
    const cut = join(dir, "cut");
    await trainRun(whole, CONFIG);
    const controller = new AbortController();
    const first = await trainRun(cut, CONFIG, {
      signal: controller.signal,
      onStep: (p) => {
        if (p.step === 21) controller.abort();
      },
    });
    assert.equal(first.interrupted, true);
    assert.equal(first.epochs, 2);
    assert.equal(existsSync(join(cut, "model")), false);
    // What a killed process can leave: a torn last line, a half-written checkpoint, a stale lock.
    appendFileSync(join(cut, "metrics.jsonl"), '{"kind":"step","epo');
    mkdirSync(join(cut, "checkpoints", ".epoch-003.12345.abcd.tmp"));
    writeFileSync(join(cut, "lock"), "999999999\n");
    const second = await resumeRun(cut);
    assert.equal(second.resumedFrom, 2);
    assert.equal(second.epochs, 4);
    const expected = (await readMetrics(join(whole, "metrics.jsonl"))).map(untimed);
    assert.deepEqual((await readMetrics(join(cut, "metrics.jsonl"))).map(untimed), expected);
    assert.deepEqual(second.records.map(untimed), expected);
    assert.deepEqual(
      readFileSync(join(cut, "model", "weights.bin")),
      readFileSync(join(whole, "model", "weights.bin")),
    );
    assert.deepEqual(
      readdirSync(join(cut, "checkpoints")).filter((n) => n.startsWith(".")),
      [],
    );
    assert.equal(existsSync(join(cut, "lock")), false);
  });

  it("trains a finished run further when given more epochs, and otherwise says it is finished", async () => {
    const run = join(dir, "more");
    await trainRun(run, { ...CONFIG, epochs: 2 });
    await assertOneLineRejection(() => resumeRun(run), /is finished \(2 of 2 epochs\)/, RangeError);
    const more = await resumeRun(run, { epochs: 3 });
    assert.equal(more.epochs, 3);
    assert.equal(more.records.at(-1)!.epoch, 3);
    const config = JSON.parse(readFileSync(join(run, "config.json"), "utf8")) as RunFile;
    assert.equal(config.training.epochs, 3);
  });

  it("refuses a directory in use, not empty, not a run, or a spec that does not fit the data", async () => {
    const busy = join(dir, "busy");
    await trainRun(busy, { ...CONFIG, epochs: 1 });
    writeFileSync(join(busy, "lock"), `${process.ppid}\n`);
    await assertOneLineRejection(
      () => resumeRun(busy, { epochs: 2 }),
      /in use by process/,
      RangeError,
    );
    await assertOneLineRejection(
      () => trainRun(busy, CONFIG),
      /is not empty; resume it \(nettopo train --resume .*\) or choose a new directory/,
      RangeError,
    );
    await assertOneLineRejection(
      () => resumeRun(dir),
      /is not a run directory \(no config.json\)/,
      RangeError,
    );
    await assertOneLineRejection(
      () => trainRun(join(dir, "misfit"), { ...CONFIG, arch: "4-64-64-2" }),
      /expects samples of 4 values; got samples of shape \(2,\) \(2 values\)/,
      RangeError,
    );
    assert.equal(existsSync(join(dir, "misfit")), false);
  });
});
