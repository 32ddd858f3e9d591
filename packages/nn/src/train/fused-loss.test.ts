import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { meanLoss } from "./fused-loss.js";
import { setupBackend } from "./setup-backend.js";

before(() => setupBackend());

describe("meanLoss", () => {
  it("equals TF.js's softmax cross-entropy and mean squared error, value and gradient", () => {
    const z = tf.tensor2d([
      [2, -1, 0.5],
      [30, 1, -30],
      [0, 0, 0],
      [-2, 4, 1],
    ]);
    const t = tf.cast(tf.oneHot(tf.tensor1d([0, 2, 1, 1], "int32"), 3), "float32") as tf.Tensor2D;
    const references = {
      "cross-entropy": (x: tf.Tensor) =>
        tf.losses.softmaxCrossEntropy(t, x, undefined, 0, tf.Reduction.MEAN),
      mse: (x: tf.Tensor) => tf.mean(tf.squaredDifference(x, t)),
    } as const;
    for (const loss of ["cross-entropy", "mse"] as const) {
      const ours = tf.valueAndGrad((x: tf.Tensor) =>
        tf.mul(meanLoss(x as tf.Tensor2D, t, loss), 3),
      )(z);
      const theirs = tf.valueAndGrad((x: tf.Tensor) => tf.mul(references[loss](x), 3))(z);
      const value = ours.value.dataSync()[0]!;
      const expected = theirs.value.dataSync()[0]!;
      assert.ok(Math.abs(value - expected) < 1e-5 * Math.max(1, Math.abs(expected)), loss);
      const g = ours.grad.dataSync();
      const h = theirs.grad.dataSync();
      g.forEach((v, k) => {
        assert.ok(Math.abs(v - h[k]!) < 1e-6, `${loss} gradient ${k}`);
      });
      tf.dispose([ours.value, ours.grad, theirs.value, theirs.grad]);
    }
    tf.dispose([z, t]);
  });
});
