import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { createDataset } from "../data/dataset.js";
import { assertOneLineError } from "../test-support/errors.js";
import { evaluateModel } from "./evaluate-model.js";
import { setupBackend } from "./setup-backend.js";

before(() => setupBackend());

/** A linear model whose logits are the inputs themselves (identity kernel, zero bias). */
function identity(classes: number): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: classes, inputShape: [classes], kernelInitializer: "identity" }),
    ],
  });
  return model;
}

const data = createDataset({
  name: "logits",
  sampleShape: [3],
  inputs: Float32Array.of(2, 1, 0, 0, 0, 3, 1, 1, 1, -1, 5, 2),
  labels: Int32Array.of(0, 1, 2, 1),
});

describe("evaluateModel", () => {
  it("gives the mean cross-entropy and the accuracy computed by hand", () => {
    const model = identity(3);
    const { loss, accuracy } = evaluateModel(model, data, { batchSize: 3 });
    const rows = [
      [2, 1, 0],
      [0, 0, 3],
      [1, 1, 1],
      [-1, 5, 2],
    ];
    const labels = [0, 1, 2, 1];
    const expected =
      rows
        .map((z, i) => Math.log(z.reduce((s, v) => s + Math.exp(v), 0)) - z[labels[i]!]!)
        .reduce((a, b) => a + b, 0) / 4;
    assert.ok(Math.abs(loss - expected) < 1e-5, `${loss} vs ${expected}`);
    // Row 0 and row 3 are right; row 2 ties (the first maximum, class 0, is taken); row 1 is wrong.
    assert.equal(accuracy, 0.5);
    const mse = evaluateModel(model, data, { loss: "mse" });
    const squared =
      rows
        .map((z, i) => z.reduce((s, v, c) => s + (v - (c === labels[i] ? 1 : 0)) ** 2, 0) / 3)
        .reduce((a, b) => a + b, 0) / 4;
    assert.ok(Math.abs(mse.loss - squared) < 1e-5);
    model.dispose();
  });

  it("refuses a data set without labels or of the wrong size", () => {
    const model = identity(3);
    const bare = createDataset({ name: "bare", sampleShape: [3], inputs: new Float32Array(3) });
    assertOneLineError(() => evaluateModel(model, bare), /bare has no labels/, RangeError);
    const wide = createDataset({
      name: "wide",
      sampleShape: [4],
      inputs: new Float32Array(4),
      labels: Int32Array.of(0),
    });
    assertOneLineError(
      () => evaluateModel(model, wide),
      /takes samples of shape \(3\) = 3 values; wide has samples of shape \(4\) = 4 values/,
      RangeError,
    );
    assertOneLineError(
      () => evaluateModel(tf as unknown as tfl.LayersModel, data),
      /model must be a TF.js LayersModel/,
      TypeError,
    );
    model.dispose();
  });
});
