import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { assertOneLineError } from "../test-support/errors.js";
import { buildModel } from "./build-model.js";
import { setupBackend } from "./setup-backend.js";

before(() => setupBackend());

describe("buildModel", () => {
  it("names an MLP's layers denseK, denseK_act and the output layer", () => {
    const { model, layers, inputShape } = buildModel("4-64-64-2");
    assert.deepEqual(inputShape, [4]);
    assert.deepEqual(
      layers.map((l) => `${l.name}:${l.kind}`),
      [
        "input:input",
        "dense1:dense",
        "dense1_act:activation",
        "dense2:dense",
        "dense2_act:activation",
        "dense3:output",
      ],
    );
    // (4+1)*64 + (64+1)*64 + (64+1)*2 weights.
    assert.equal(model.countParams(), 5 * 64 + 65 * 64 + 65 * 2);
    assert.deepEqual(layers.at(-1)!.outputShape, [2]);
    model.dispose();
  });

  it("builds a CNN on [28, 28] images with a channel reshape, batch norm, dropout and a flatten", () => {
    const { model, layers } = buildModel("conv8-bn-pool-conv16-pool-fc64-drop0.5-10", {
      inputShape: [28, 28],
      activation: "leaky-relu",
    });
    assert.deepEqual(
      layers.map((l) => l.name),
      [
        "input",
        "reshape",
        "conv1",
        "conv1_bn",
        "conv1_act",
        "pool1",
        "conv2",
        "conv2_act",
        "pool2",
        "flatten",
        "dense1",
        "dense1_act",
        "dense1_drop",
        "dense2",
      ],
    );
    assert.deepEqual(layers.find((l) => l.name === "pool2")!.outputShape, [7, 7, 16]);
    assert.equal(layers.find((l) => l.name === "conv1")!.parameters, 3 * 3 * 1 * 8 + 8);
    assert.equal(model.getLayer("conv1_act").getClassName(), "LeakyReLU");
    const out = model.predict(tf.zeros([2, 28, 28])) as tf.Tensor;
    assert.deepEqual(out.shape, [2, 10]);
    tf.dispose(out);
    model.dispose();
  });

  it("takes image samples as they are when an MLP spec names their size", () => {
    const { model, layers, inputShape } = buildModel("784-128-10", { inputShape: [28, 28] });
    assert.deepEqual(inputShape, [28, 28]);
    assert.deepEqual(layers[1]!.name, "flatten");
    model.dispose();
  });

  it("applies options.batchNorm and options.dropout to every hidden dense layer", () => {
    const { model, layers } = buildModel("4-8-8-2", { batchNorm: true, dropout: 0.3 });
    assert.deepEqual(
      layers.map((l) => l.name).filter((n) => n.endsWith("_bn") || n.endsWith("_drop")),
      ["dense1_bn", "dense1_drop", "dense2_bn", "dense2_drop"],
    );
    model.dispose();
  });

  it("initialises the same weights for the same seed and others for another", () => {
    const weights = (seed: number) => {
      const { model } = buildModel("4-16-2", { seed });
      const values = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return values;
    };
    assert.deepEqual(weights(3), weights(3));
    assert.notDeepEqual(weights(3)[0], weights(4)[0]);
  });

  it("refuses data that does not fit the spec, saying what it expected and got", () => {
    assertOneLineError(
      () => buildModel("4-64-2", { inputShape: [28, 28] }),
      /expects samples of 4 values; got samples of shape \(28, 28\) \(784 values\)/,
      RangeError,
    );
    assertOneLineError(
      () => buildModel("conv8-10", { inputShape: [784] }),
      /needs image samples .* got samples of shape \(784,\)/,
      RangeError,
    );
    assertOneLineError(
      () => buildModel("28x28-conv8-10", { inputShape: [32, 32, 3] }),
      /expects samples of shape \(28, 28\); got samples of shape \(32, 32, 3\)/,
      RangeError,
    );
    assertOneLineError(() => buildModel("conv8-10"), /names no input size/, RangeError);
    assertOneLineError(
      () => buildModel("4-2", { activation: "softmax" as "relu" }),
      /activation must be one of "relu", "tanh", "sigmoid", "leaky-relu"/,
      RangeError,
    );
  });
});
