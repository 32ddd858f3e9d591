import assert from "node:assert/strict";
import { test } from "node:test";
import { neuronsBySpread } from "./neuron-spread.js";

test("neuronsBySpread puts the neurons whose node means vary most first", () => {
  const nodes = [{ means: [0, 5, 2] }, {}, { means: [1, 5, -2] }, { means: [0.5, 5, 0] }];
  assert.deepEqual(neuronsBySpread(nodes), [
    { neuron: 2, spread: 4 },
    { neuron: 0, spread: 1 },
    { neuron: 1, spread: 0 },
  ]);
  assert.deepEqual(neuronsBySpread([{}, {}]), []);
});
