import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { createOptimizer } from "./optimizer-config.js";
import { setupBackend } from "./setup-backend.js";

before(() => setupBackend());

/** Twenty steps on a small nonlinear problem; the final variables. */
function train(optimizer: tf.Optimizer): number[] {
  const w = tf.variable(
    tf.tensor2d([
      [0.5, -0.3],
      [0.2, 0.8],
    ]),
  );
  const b = tf.variable(tf.tensor1d([0.1, -0.1]));
  const x = tf.tensor2d([
    [1, 2],
    [3, -1],
    [0.5, 0.5],
  ]);
  for (let i = 0; i < 20; i += 1) {
    optimizer.minimize(() => tf.sum(tf.square(tf.sin(tf.add(tf.matMul(x, w), b)))), false, [w, b]);
  }
  const values = [...w.dataSync(), ...b.dataSync()];
  tf.dispose([w, b, x]);
  return values;
}

describe("createOptimizer", () => {
  it("makes Adam and momentum SGD that step as TF.js's own optimizers do", () => {
    const pairs: [tf.Optimizer, tf.Optimizer][] = [
      [
        tf.train.adam(0.01, 0.9, 0.999, 1e-8),
        createOptimizer({ name: "adam", learningRate: 0.01 }),
      ],
      [
        tf.train.momentum(0.05, 0.9),
        createOptimizer({ name: "sgd", learningRate: 0.05, momentum: 0.9 }),
      ],
      [tf.train.sgd(0.05), createOptimizer({ name: "sgd", learningRate: 0.05 })],
    ];
    for (const [theirs, ours] of pairs) {
      const expected = train(theirs);
      const got = train(ours);
      assert.equal(ours.getClassName(), theirs.getClassName());
      got.forEach((v, k) => {
        assert.ok(Math.abs(v - expected[k]!) < 1e-6, `${ours.getClassName()} ${k}`);
      });
    }
  });

  it("keeps TF.js's optimizer state layout, so setWeights restores a run", async () => {
    const first = createOptimizer({ name: "adam", learningRate: 0.01 });
    train(first);
    const state = await first.getWeights();
    assert.equal(state[0]!.name, "iter");
    assert.equal(state.length, 1 + 2 * 2);
    const second = createOptimizer({ name: "adam", learningRate: 0.01 });
    await second.setWeights(state);
    assert.equal(second.iterations, 20);
  });

  it("fills in PyTorch's defaults and refuses bad fields", () => {
    const sgd = createOptimizer({ name: "sgd" });
    assert.equal(sgd.getClassName(), "SGD");
    assert.throws(
      () => createOptimizer({ name: "rmsprop" as "adam" }),
      /optimizer.name must be one of "adam", "sgd"/,
    );
    assert.throws(() => createOptimizer({ learningRate: 0 }), /learningRate must be > 0/);
    assert.throws(
      () => createOptimizer({ momentum: 1 }),
      /momentum must be a finite number in \[0, 0.999999\]/,
    );
  });
});
