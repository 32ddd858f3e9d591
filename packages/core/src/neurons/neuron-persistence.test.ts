import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ripsPersistence } from "../ph/rips-persistence.js";
import { deriveSeed } from "../random.js";
import { assertSameBarcodes } from "../test-support/barcodes.js";
import { randomReluLayers } from "../test-support/neuron-layers.js";
import type { LayerActivations } from "./layer-activations.js";
import { neuronCorrelations } from "./neuron-correlations.js";
import { neuronDissimilarity } from "./neuron-dissimilarity.js";
import { neuronPersistence } from "./neuron-persistence.js";
import { selectNeurons } from "./select-neurons.js";

const KINDS = ["1-|corr|", "sqrt(1-|corr|)", "1-corr"] as const;

describe("neuronPersistence", () => {
  const layers = randomReluLayers(5, 80, [15, 10]);

  it("with no sampling, equals ripsPersistence of neuronDissimilarity (dead neurons coned off exactly)", () => {
    for (const dissimilarity of KINDS) {
      for (const threshold of [Number.POSITIVE_INFINITY, 0.8, 1, 1.4]) {
        const got = neuronPersistence(layers, { maxDim: 2, threshold, dissimilarity });
        assert.ok(got.constantNeurons.length >= 3);
        const want = ripsPersistence(neuronDissimilarity(layers, { dissimilarity }), {
          maxDim: 2,
          threshold,
        });
        assertSameBarcodes(got.diagram, want, { relative: 0 });
        assert.equal(got.diagram.dimensions.length, 3);
      }
    }
  });

  it("equals the diagram with the constant neurons in the complex, on random layers (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 4, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(...KINDS),
        fc.constantFrom(Number.POSITIVE_INFINITY, 0.6, 1, 1.2),
        (seed, width, dead, dissimilarity, threshold) => {
          const [layer] = randomReluLayers(seed, 25, [width]);
          const values = Float32Array.from(layer!.values);
          for (let j = 0; j < Math.min(dead, width - 2); j++) {
            for (let s = 0; s < 25; s++) values[s * width + j] = j; // constant (unit 3 is dead too)
          }
          const l: LayerActivations[] = [{ ...layer!, values }];
          fc.pre(neuronDissimilarity(l).constantNeurons.length < width);
          const got = neuronPersistence(l, { maxDim: 2, threshold, dissimilarity }).diagram;
          const want = ripsPersistence(neuronDissimilarity(l, { dissimilarity }), {
            maxDim: 2,
            threshold,
          });
          assertSameBarcodes(got, want, { relative: 0 });
        },
      ),
      { seed: 3, numRuns: 60 },
    );
  });

  it("takes the same distances, bit for bit, from neuronCorrelations computed once or in bands", () => {
    const once = neuronCorrelations(layers);
    const into = new Float64Array(once.values.length);
    for (const rows of [
      [0, 8],
      [8, 20],
      [20, 25],
    ] as const) {
      neuronCorrelations(layers, { rows, into });
    }
    assert.deepEqual(Array.from(into), Array.from(once.values));
    for (const sampling of ["uniform", "importance"] as const) {
      for (const dissimilarity of KINDS) {
        const options = { neurons: 12, sampling, dissimilarity, seed: 31 };
        const alone = neuronPersistence(layers, options);
        const shared = neuronPersistence(layers, { ...options, correlations: once });
        assert.deepEqual(shared, alone);
      }
    }
    assert.throws(
      () => neuronPersistence(layers, { inputs: 30, correlations: once }),
      /options\.correlations fix them/,
    );
    assert.throws(() => neuronCorrelations(layers, { rows: [2, 8] }), /start a multiple of 4/);
  });

  it("reproduces its samples from the seed, and different seeds give different samples", () => {
    const a = neuronPersistence(layers, { neurons: 8, inputs: 40, seed: 17 });
    const b = neuronPersistence(layers, { neurons: 8, inputs: 40, seed: 17 });
    assert.deepEqual(a, b);
    const c = neuronPersistence(layers, { neurons: 8, inputs: 40, seed: 18 });
    assert.notDeepEqual(Array.from(c.inputs), Array.from(a.inputs));
    assert.notDeepEqual(Array.from(c.selection.neurons), Array.from(a.selection.neurons));
  });

  it("draws inputs and neurons from their own streams of the seed", () => {
    const seed = 23;
    const r = neuronPersistence(layers, { neurons: 6, inputs: 30, seed, sampling: "uniform" });
    const neurons = selectNeurons(layers, { count: 6, seed: deriveSeed(seed, 1) });
    assert.deepEqual(Array.from(r.selection.neurons), Array.from(neurons.neurons));
    // the neuron sample does not depend on the number of inputs
    const more = neuronPersistence(layers, { neurons: 6, inputs: 70, seed });
    assert.deepEqual(Array.from(more.selection.neurons), Array.from(r.selection.neurons));
  });

  it("refuses fewer than 2 neurons or inputs, a threshold <= 0 and all neurons constant, in one line", () => {
    assert.throws(() => neuronPersistence(layers, { neurons: 1 }), /at least 2 neurons; got 1/);
    assert.throws(() => neuronPersistence(layers, { inputs: 1 }), /at least 2 inputs; got 1/);
    assert.throws(
      () => neuronPersistence(layers, { threshold: 0 }),
      /threshold must be a number > 0/,
    );
    assert.throws(
      () => neuronPersistence(layers, { threshold: -1 }),
      /threshold must be a number > 0/,
    );
    const dead = { name: "dead", samples: 5, neurons: 3, values: new Float32Array(15) };
    assert.throws(
      () => neuronPersistence([dead]),
      /all 3 selected neurons are constant over the 5 inputs \(dead ReLUs\?\)/,
    );
    const one = { name: "one", samples: 5, neurons: 1, values: new Float32Array(5) };
    assert.throws(
      () => neuronPersistence([one]),
      /at least 2 neurons; got 1 \(the layers have 1\)/,
    );
  });

  it("gives the documented example", () => {
    const values = Float32Array.of(1, -1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1);
    const { diagram } = neuronPersistence([{ name: "fc", samples: 4, neurons: 3, values }]);
    assert.deepEqual(Array.from(diagram.dimensions[0]!.deaths), [1, Number.POSITIVE_INFINITY]);
  });
});
