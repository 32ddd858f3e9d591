import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { randomReluLayers } from "../test-support/neuron-layers.js";
import { neuronCorrelations } from "./neuron-correlations.js";
import { standardizeNeurons } from "./standardize-neurons.js";

describe("standardizeNeurons", () => {
  const layers = randomReluLayers(5, 90, [18, 11]);

  it("lets neuronCorrelations compute bands from it, bit for bit the one-pass values", () => {
    const whole = neuronCorrelations(layers);
    const standardized = standardizeNeurons(layers);
    assert.ok(standardized.constant.length > 0, "the layers have dead neurons");
    assert.deepEqual(Array.from(whole.constant), [
      ...Array.from({ length: 29 }, (_, p) => (standardized.constant.includes(p) ? 1 : 0)),
    ]);
    const into = new Float64Array(whole.values.length);
    for (const rows of [
      [0, 12],
      [12, 20],
      [20, 29],
    ] as const) {
      const band = neuronCorrelations(layers, { standardized, rows, into });
      assert.deepEqual(band.constant, whole.constant);
    }
    assert.ok(into.every((v, r) => Object.is(v, whole.values[r])));
  });

  it("works over a subset of the inputs, and refuses other inputs or layers", () => {
    const inputs = [0, 3, 4, 10, 50, 89];
    const standardized = standardizeNeurons(layers, { inputs });
    assert.deepEqual(
      neuronCorrelations(layers, { inputs, standardized }).values,
      neuronCorrelations(layers, { inputs }).values,
    );
    assert.throws(() => neuronCorrelations(layers, { standardized }), /other inputs/);
    assert.throws(
      () => neuronCorrelations(layers.slice(0, 1), { inputs, standardized }),
      /computed for the layers/,
    );
    assert.throws(
      () => neuronCorrelations(layers, { standardized: {} as never }),
      /result of standardizeNeurons/,
    );
  });
});
