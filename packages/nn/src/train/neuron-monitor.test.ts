import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { bootstrapNeuronPersistence } from "../neurons/bootstrap-neuron-persistence.js";
import { neuronBootstrapToJson } from "../neurons/neuron-bootstrap-to-json.js";
import { assertOneLineRejection } from "../test-support/errors.js";
import { loadTfjsModel } from "./load-tfjs-model.js";
import {
  monitorActivations,
  monitorBootstrapOptions,
  monitorInputs,
  monitorParameters,
} from "./neuron-monitor.js";
import { isSnapshotStep, nextSnapshotStep } from "./neuron-monitor-config.js";
import { prepareData } from "./prepare-data.js";
import { readTopology, type TopologyRecord } from "./read-topology.js";
import { type RunConfig, type RunFile, resumeRun, trainRun } from "./train-run.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-monitor-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** 8 steps an epoch; snapshots at steps 0, 4, 8, ..., 24. */
const CONFIG: RunConfig = {
  arch: "2-12-12-2",
  data: { dataset: "moons", count: 300, noise: 0.2 },
  epochs: 3,
  batchSize: 32,
  seed: 2,
  optimizer: { name: "adam", learningRate: 0.01 },
  monitor: { every: 0.5, neurons: 16, samples: 100, bootstrap: 2, dim: 1, seed: 7 },
};
const OPTIONS = { monitorWorkers: 1 };

const untimed = ({ seconds: _, ...rest }: TopologyRecord) => rest;

const whole = join(dir, "whole");
const wholeRun = trainRun(whole, CONFIG, OPTIONS);

describe("the neuron monitor of trainRun", () => {
  it("appends one snapshot line per half epoch from epoch 0, in the shape of the topology.jsonl contract", async () => {
    await wholeRun;
    const config = JSON.parse(readFileSync(join(whole, "config.json"), "utf8")) as RunFile;
    assert.deepEqual(config.monitor, {
      kind: "neurons",
      every: 0.5,
      layers: ["dense1_act", "dense2_act"],
      neurons: 16,
      samples: 100,
      bootstrap: 2,
      sampling: "uniform",
      metric: "abs-correlation",
      dim: 1,
      threshold: null,
      precision: "float32",
      seed: 7,
    });
    const text = readFileSync(join(whole, "topology.jsonl"), "utf8");
    assert.ok(text.endsWith("\n"));
    const records = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as TopologyRecord);
    assert.deepEqual(
      records.map((r) => r.step),
      [0, 4, 8, 12, 16, 20, 24],
    );
    assert.deepEqual(
      records.map((r) => r.epoch),
      [0, 0.5, 1, 1.5, 2, 2.5, 3],
    );
    for (const record of records) {
      assert.deepEqual(Object.keys(record), [
        "kind",
        "epoch",
        "step",
        "parameters",
        "layers",
        "repeats",
        "summary",
        "seconds",
      ]);
      assert.equal(record.kind, "neurons");
      assert.deepEqual(record.parameters, monitorParameters(config.monitor!));
      assert.deepEqual(
        record.layers.map(({ name, inputs, neurons }) => [name, inputs, neurons]),
        [
          ["dense1_act", 100, 12],
          ["dense2_act", 100, 12],
        ],
      );
      assert.equal(record.repeats.length, 2);
      for (const [r, repeat] of record.repeats.entries()) {
        assert.deepEqual(Object.keys(repeat), [
          "repeat",
          "seed",
          "constantNeurons",
          "diagrams",
          "features",
        ]);
        assert.equal(repeat.repeat, r);
        assert.deepEqual(
          repeat.diagrams.map((d) => d.dim),
          [0, 1],
        );
        // 16 neurons: 16 H0 classes, one of them essential (death null).
        assert.equal(repeat.diagrams[0]!.pairs.length, 16);
        assert.equal(repeat.diagrams[0]!.pairs.filter(([, d]) => d === null).length, 1);
        assert.equal(typeof repeat.features["h1.count"], "number");
      }
      assert.deepEqual(Object.keys(record.summary.features["h0.count"]!), [
        "mean",
        "std",
        "min",
        "max",
      ]);
      assert.deepEqual(
        record.summary.bettiCurves.map((b) => b.dim),
        [0, 1],
      );
      assert.ok(record.seconds > 0);
    }
    assert.deepEqual(await readTopology(whole), records);
  });

  it("gives at a snapshot what bootstrapNeuronPersistence gives on layerActivations of the same checkpoint", async () => {
    await wholeRun;
    const config = JSON.parse(readFileSync(join(whole, "config.json"), "utf8")) as RunFile;
    const monitor = config.monitor!;
    const { train } = await prepareData(config.data, config.data.normalization ?? undefined);
    const model = await loadTfjsModel(join(whole, "checkpoints", "epoch-002"));
    const layers = monitorActivations(model, monitorInputs(train, monitor), monitor.layers);
    model.dispose();
    const result = await bootstrapNeuronPersistence(layers, monitorBootstrapOptions(monitor, 0));
    const expected = neuronBootstrapToJson(result, { layers, includeIndices: false });
    const snapshot = (await readTopology(whole)).find((r) => r.epoch === 2)!;
    assert.deepEqual(
      { layers: snapshot.layers, repeats: snapshot.repeats, summary: snapshot.summary },
      JSON.parse(JSON.stringify(expected)),
    );
  });

  it("reproduces its snapshots exactly with the same seeds, and samples other neurons with another seed", async () => {
    await wholeRun;
    const again = join(dir, "again");
    await trainRun(again, CONFIG, { monitorWorkers: 2 });
    assert.deepEqual(
      (await readTopology(again)).map(untimed),
      (await readTopology(whole)).map(untimed),
    );
    const other = join(dir, "other-seed");
    await trainRun(
      other,
      { ...CONFIG, epochs: 1, monitor: { ...CONFIG.monitor, seed: 8 } },
      OPTIONS,
    );
    const [first] = await readTopology(other);
    const [reference] = await readTopology(whole);
    assert.notDeepEqual(first!.repeats[0]!.diagrams, reference!.repeats[0]!.diagrams);
  });

  it("leaves a valid directory when interrupted, and resumes to the snapshots of an uninterrupted run", async () => {
    await wholeRun;
    const cut = join(dir, "cut");
    const controller = new AbortController();
    const first = await trainRun(cut, CONFIG, {
      ...OPTIONS,
      signal: controller.signal,
      onStep: (p) => {
        if (p.step === 13) controller.abort();
      },
    });
    assert.equal(first.interrupted, true);
    const before = await readTopology(cut);
    assert.ok(before.every((r) => r.step <= 12));
    // A killed process can leave a torn last line.
    appendFileSync(join(cut, "topology.jsonl"), '{"kind":"neurons","epoch":1.5,"st');
    assert.deepEqual(await readTopology(cut), before);
    await resumeRun(cut, OPTIONS);
    assert.deepEqual(
      (await readTopology(cut)).map(untimed),
      (await readTopology(whole)).map(untimed),
    );
  });

  it("trains again from an earlier checkpoint when snapshots were lost with a killed process", async () => {
    await wholeRun;
    const lost = join(dir, "lost");
    await trainRun(lost, { ...CONFIG, epochs: 2 }, OPTIONS);
    // As if killed while the snapshots of epochs 1.5 and 2 were computing, after the epoch-2 checkpoint.
    const lines = readFileSync(join(lost, "topology.jsonl"), "utf8").trimEnd().split("\n");
    writeFileSync(join(lost, "topology.jsonl"), `${lines.slice(0, 3).join("\n")}\n`);
    rmSync(join(lost, "model"), { recursive: true });
    const resumed = await resumeRun(lost, { ...OPTIONS, epochs: 3 });
    assert.equal(resumed.resumedFrom, 1);
    assert.deepEqual(
      (await readTopology(lost)).map(untimed),
      (await readTopology(whole)).map(untimed),
    );
  });

  it("refuses a monitor of an unknown layer or a bad value in one line", async () => {
    await assertOneLineRejection(
      () => trainRun(join(dir, "bad-layer"), { ...CONFIG, monitor: { layers: ["dense9_act"] } }),
      /monitor.layers: the network has no layer "dense9_act"; its layers are dense1, dense1_act/,
      RangeError,
    );
    await assertOneLineRejection(
      () => trainRun(join(dir, "one-neuron"), { ...CONFIG, arch: "2-1-2" }),
      /monitor.layers: the topology of neurons needs at least 2 neurons; dense1_act has 1/,
      RangeError,
    );
    await assertOneLineRejection(
      () => trainRun(join(dir, "bad-every"), { ...CONFIG, monitor: { every: 0 } }),
      /monitor.every must be > 0 epochs; got 0/,
      RangeError,
    );
    await assertOneLineRejection(
      () => trainRun(join(dir, "bad-neurons"), { ...CONFIG, monitor: { neurons: 1 } }),
      /monitor.neurons must be an integer >= 2; got 1/,
      RangeError,
    );
  });

  it("reads a damaged topology.jsonl as an error, and a missing one as no snapshots", async () => {
    const damaged = join(dir, "damaged");
    await trainRun(damaged, { ...CONFIG, epochs: 1 }, OPTIONS);
    const text = readFileSync(join(damaged, "topology.jsonl"), "utf8");
    writeFileSync(join(damaged, "topology.jsonl"), `{"kind":\n${text}`);
    await assertOneLineRejection(
      () => readTopology(damaged),
      /topology.jsonl: line 1 is not a JSON record/,
      RangeError,
    );
    assert.deepEqual(await readTopology(dir), []);
  });
});

describe("the snapshot schedule", () => {
  it("takes snapshots at round(k * every * stepsPerEpoch) and finds the next one", () => {
    const steps = (every: number, spe: number) =>
      Array.from({ length: 40 }, (_, s) => s).filter((s) => isSnapshotStep(s, every, spe));
    assert.deepEqual(steps(1, 8), [0, 8, 16, 24, 32]);
    assert.deepEqual(steps(0.5, 7), [0, 4, 7, 11, 14, 18, 21, 25, 28, 32, 35, 39]);
    assert.deepEqual(steps(2.5, 4), [0, 10, 20, 30]);
    assert.equal(nextSnapshotStep(-1, 0.5, 7), 0);
    assert.equal(nextSnapshotStep(4, 0.5, 7), 7);
    assert.equal(nextSnapshotStep(7, 0.5, 7), 11);
    assert.equal(nextSnapshotStep(29, 2.5, 4), 30);
  });
});
