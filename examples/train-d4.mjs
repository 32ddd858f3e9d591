// Train the 4-64-64-2 MLP on D^4 in ten lines of nettopo, and look at a hidden
// layer's neurons every epoch (what a neuron-topology monitor starts from).
// Run: node examples/train-d4.mjs
import {
  ballInCube,
  buildModel,
  layerActivations,
  setupBackend,
  subset,
  trainModel,
  trainTestSplit,
} from "@nettopo/nn";

await setupBackend();
const { train, test } = trainTestSplit(ballInCube({ count: 10000, seed: 0 }), {
  seed: 0,
  stratify: true,
});
const probe = subset(
  test,
  Array.from({ length: 500 }, (_, i) => i),
);
const { model } = buildModel("4-64-64-2", { seed: 0 });
await trainModel(model, {
  train,
  test,
  epochs: 12,
  seed: 0,
  onRecord: (record, live) => {
    const [hidden] = layerActivations(live, probe, ["dense2_act"]); // 500 samples x 64 neurons
    const silent = Array.from({ length: 64 }, (_, j) =>
      hidden.data.filter((_, k) => k % 64 === j).every((v) => v === 0),
    ).filter(Boolean).length;
    console.log(
      `epoch ${record.epoch}: test accuracy ${record.test.accuracy.toFixed(3)}, gap ${record.gap.accuracy.toFixed(3)}, ${silent} of 64 neurons silent on the probe`,
    );
  },
});
