import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createDataset } from "../data/dataset.js";
import { ballInCube } from "../data/synthetic/ball-in-cube.js";
import { twoMoons } from "../data/synthetic/two-moons.js";
import { trainTestSplit } from "../data/train-test-split.js";
import { assertOneLineRejection } from "../test-support/errors.js";
import { buildModel } from "./build-model.js";
import { setupBackend } from "./setup-backend.js";
import { trainModel } from "./train-model.js";
import type { TrainingRecord } from "./training-record.js";

before(() => setupBackend());

const moons = trainTestSplit(twoMoons({ count: 300, noise: 0.15, seed: 1 }), { seed: 1 });

/** A record without its timing, which differs from run to run. */
const untimed = ({ seconds: _, ...rest }: TrainingRecord) => rest;

async function trainMoons(seed: number, extra: object = {}) {
  const { model } = buildModel("2-16-drop0.2-16-2", { seed, batchNorm: true });
  const result = await trainModel(model, {
    ...moons,
    epochs: 3,
    batchSize: 32,
    every: 0.5,
    seed,
    optimizer: { learningRate: 0.01 },
    ...extra,
  });
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  model.dispose();
  return { ...result, weights };
}

describe("trainModel", () => {
  it("gives identical records and weights for the same seed (initialisation, shuffling, dropout)", async () => {
    const a = await trainMoons(7);
    const b = await trainMoons(7);
    assert.deepEqual(a.records.map(untimed), b.records.map(untimed));
    assert.deepEqual(a.weights, b.weights);
    const c = await trainMoons(8);
    assert.notDeepEqual(a.records.map(untimed), c.records.map(untimed));
  });

  it("records the start, every half epoch and each epoch end, with the generalization gap", async () => {
    const { records, epochs, interrupted } = await trainMoons(1);
    assert.equal(epochs, 3);
    assert.equal(interrupted, false);
    // 240 training samples in batches of 32: 8 steps an epoch, a record after step 4 and 8.
    assert.deepEqual(
      records.map((r) => [r.kind, r.step, r.epoch]),
      [
        ["start", 0, 0],
        ["step", 4, 0.5],
        ["epoch", 8, 1],
        ["step", 12, 1.5],
        ["epoch", 16, 2],
        ["step", 20, 2.5],
        ["epoch", 24, 3],
      ],
    );
    for (const r of records) {
      assert.equal(r.gap.accuracy, r.train.accuracy - r.test.accuracy);
      assert.equal(r.gap.loss, r.test.loss - r.train.loss);
      assert.equal(r.batch === undefined, r.kind === "start");
    }
    assert.ok(
      records.at(-1)!.test.accuracy > 0.8,
      `test accuracy ${records.at(-1)!.test.accuracy}`,
    );
  });

  it("learns D^4 with the 4-64-64-2 MLP (a short run; the >95% check is in the README)", async () => {
    const { train, test } = trainTestSplit(ballInCube({ count: 3000, seed: 2 }), {
      seed: 2,
      stratify: true,
    });
    const { model } = buildModel("4-64-64-2", { seed: 0 });
    const { records } = await trainModel(model, {
      train,
      test,
      epochs: 6,
      batchSize: 32,
      optimizer: { learningRate: 3e-3 },
    });
    model.dispose();
    // About 69% of D^4 lies outside the ball: anything above that is learnt.
    assert.ok(
      records.at(-1)!.test.accuracy > 0.9,
      `test accuracy ${records.at(-1)!.test.accuracy}`,
    );
  });

  it("stops between steps when its signal aborts, saying it was interrupted", async () => {
    const controller = new AbortController();
    const { model } = buildModel("2-8-2");
    const result = await trainModel(model, {
      ...moons,
      epochs: 5,
      batchSize: 16,
      onStep: (p) => {
        if (p.step === 20) controller.abort();
      },
      signal: controller.signal,
    });
    model.dispose();
    assert.equal(result.interrupted, true);
    assert.equal(result.epochs, 1);
    assert.equal(result.records.at(-1)!.step, 15);
  });

  it("shrinks the weights with weight decay", async () => {
    const norm = (weights: number[][]) =>
      weights
        .filter((w) => w.length === 16 * 16)
        .flat()
        .reduce((s, v) => s + v * v, 0);
    const plain = await trainMoons(3);
    const decayed = await trainMoons(3, { optimizer: { learningRate: 0.01, weightDecay: 0.5 } });
    assert.ok(norm(decayed.weights) < 0.7 * norm(plain.weights));
  });

  it("trains with MSE and with SGD and momentum", async () => {
    const { records } = await trainMoons(4, {
      loss: "mse",
      optimizer: { name: "sgd", learningRate: 0.1, momentum: 0.9 },
    });
    assert.ok(records.at(-1)!.train.loss < records[0]!.train.loss);
  });

  it("refuses data that does not fit the model and a diverging run, in one line", async () => {
    const { model } = buildModel("3-4-2");
    await assertOneLineRejection(
      () => trainModel(model, { ...moons, epochs: 1 }),
      /the model takes samples of shape \(3\) = 3 values; two-moons\/train has samples of shape \(2\) = 2 values/,
      RangeError,
    );
    model.dispose();
    const unlabelled = createDataset({
      name: "bare",
      sampleShape: [2],
      inputs: new Float32Array(8),
    });
    const small = buildModel("2-4-2").model;
    await assertOneLineRejection(
      () => trainModel(small, { train: unlabelled, test: moons.test, epochs: 1 }),
      /bare has no labels/,
      RangeError,
    );
    const threeClasses = createDataset({
      name: "three",
      sampleShape: [2],
      inputs: new Float32Array(6),
      labels: Int32Array.of(0, 1, 2),
    });
    await assertOneLineRejection(
      () => trainModel(small, { train: threeClasses, test: moons.test, epochs: 1 }),
      /three has labels up to 2 \(3 classes\) but the model has 2 outputs/,
      RangeError,
    );
    await assertOneLineRejection(
      () =>
        trainModel(small, {
          ...moons,
          epochs: 2,
          optimizer: { name: "sgd", learningRate: 1e30 },
        }),
      /the training loss became (NaN|Infinity) at epoch \d+, step \d+; the training diverged: lower the learning rate/,
      RangeError,
    );
    await assertOneLineRejection(
      () => trainModel(small, { ...moons, epochs: 1, every: 0 }),
      /every must be in \(0, 1\]/,
      RangeError,
    );
    small.dispose();
  });
});
