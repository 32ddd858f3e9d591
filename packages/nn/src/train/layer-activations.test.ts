import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createDataset } from "../data/dataset.js";
import { assertOneLineError } from "../test-support/errors.js";
import { buildModel } from "./build-model.js";
import { layerActivations } from "./layer-activations.js";
import { setupBackend } from "./setup-backend.js";

before(() => setupBackend());

const data = createDataset({
  name: "points",
  sampleShape: [3],
  inputs: Float32Array.of(1, 0, -1, 0.5, 2, 0.25, -3, 1, 1, 0, 0, 0, 2, -2, 0.5),
});

describe("layerActivations", () => {
  it("gives a hidden layer's pre- and post-activation values, relu(x W + b), for every sample", () => {
    const { model } = buildModel("3-4-2", { seed: 5 });
    const [kernel, bias] = model
      .getLayer("dense1")
      .getWeights()
      .map((w) => w.dataSync());
    const [pre, post] = layerActivations(model, data, ["dense1", "dense1_act"], { batchSize: 2 });
    assert.deepEqual(pre!.shape, [5, 4]);
    assert.equal(post!.name, "dense1_act");
    for (let i = 0; i < 5; i += 1) {
      for (let j = 0; j < 4; j += 1) {
        let z = bias![j]!;
        for (let k = 0; k < 3; k += 1) z += data.inputs[i * 3 + k]! * kernel![k * 4 + j]!;
        assert.ok(Math.abs(pre!.data[i * 4 + j]! - z) < 1e-5);
        assert.ok(Math.abs(post!.data[i * 4 + j]! - Math.max(z, 0)) < 1e-5);
      }
    }
    model.dispose();
  });

  it("names the model's layers when a name is unknown", () => {
    const { model } = buildModel("3-4-2");
    assertOneLineError(
      () => layerActivations(model, data, ["dense9"]),
      /no layer "dense9"; its layers are input, dense1, dense1_act, dense2/,
      RangeError,
    );
    model.dispose();
  });

  it("refuses samples of another size, saying expected and got", () => {
    const { model } = buildModel("4-2");
    assertOneLineError(
      () => layerActivations(model, data, ["dense1"]),
      /takes samples of shape \(4,\) \(4 values\); points has samples of shape \(3,\) \(3 values\)/,
      RangeError,
    );
    model.dispose();
  });
});
