import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { buildModel } from "./build-model.js";
import { chainForward } from "./chain-forward.js";
import { setupBackend } from "./setup-backend.js";

before(() => setupBackend());

function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

describe("chainForward", () => {
  it("computes what the model computes, in inference and in training (batch norm on the batch)", () => {
    for (const [spec, shape] of [
      ["4-16-bn-16-3", [4]],
      ["conv4-bn-pool-conv6-pool-fc8-3", [8, 8]],
      ["8x8x2-conv4-pool-fc8-bn-3", [8, 8, 2]],
    ] as const) {
      const { model } = buildModel(spec, { inputShape: [...shape], seed: 2, activation: "tanh" });
      const forward = chainForward(model)!;
      assert.ok(forward !== undefined, spec);
      const x = tf.randomNormal([6, ...shape], 0, 1, "float32", 9);
      for (const training of [false, true]) {
        const expected = model.apply(x, { training }) as tf.Tensor;
        const got = forward(x, training);
        assert.ok(maxDifference(got, expected) < 1e-5, `${spec} training=${training}`);
        tf.dispose([expected, got]);
      }
      x.dispose();
      model.dispose();
    }
  });

  it("declines a model that is not a chain", () => {
    const input = tfl.input({ shape: [3] });
    const a = tfl.layers.dense({ units: 2 }).apply(input) as tfl.SymbolicTensor;
    const b = tfl.layers.dense({ units: 2 }).apply(input) as tfl.SymbolicTensor;
    const sum = tfl.layers.add().apply([a, b]) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: sum });
    assert.equal(chainForward(model), undefined);
    model.dispose();
  });
});
