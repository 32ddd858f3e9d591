import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { correlationDissimilarity } from "../metric/correlation-dissimilarity.js";
import { randomReluLayers } from "../test-support/neuron-layers.js";
import type { LayerActivations } from "./layer-activations.js";
import { neuronDissimilarity } from "./neuron-dissimilarity.js";
import { selectNeurons } from "./select-neurons.js";

/** The samples x selected-neurons matrix, gathered by hand. */
function gather(
  layers: readonly LayerActivations[],
  selection: { layers: Int32Array; neurons: Int32Array },
  inputs: readonly number[],
): number[] {
  const out: number[] = [];
  for (const s of inputs) {
    for (let k = 0; k < selection.layers.length; k++) {
      const layer = layers[selection.layers[k]!]!;
      out.push(layer.values[s * layer.neurons + selection.neurons[k]!]!);
    }
  }
  return out;
}

describe("neuronDissimilarity", () => {
  const layers = randomReluLayers(3, 120, [14, 9]);

  it("equals correlationDissimilarity of the selected neurons over the selected inputs", () => {
    const selection = selectNeurons(layers, { count: 15, seed: 2 });
    const inputs = [3, 7, 8, 20, 21, 50, 99, 100, 119, 0];
    for (const dissimilarity of ["1-|corr|", "sqrt(1-|corr|)", "1-corr"] as const) {
      const got = neuronDissimilarity(layers, {
        selection,
        inputs,
        dissimilarity,
        precision: "float64",
      });
      const want = correlationDissimilarity(
        gather(layers, selection, inputs),
        { samples: inputs.length, neurons: 15 },
        { dissimilarity },
      );
      assert.deepEqual(Array.from(got.values), Array.from(want.values));
    }
  });

  it("is float32 by default, every neuron of every layer in layer order", () => {
    const d = neuronDissimilarity(layers);
    assert.ok(d.values instanceof Float32Array);
    assert.equal(d.count, 23);
    const all = Array.from({ length: 120 }, (_, s) => s);
    const want = correlationDissimilarity(
      gather(layers, selectNeurons(layers), all),
      { samples: 120, neurons: 23 },
      { precision: "float32" },
    );
    assert.deepEqual(Array.from(d.values), Array.from(want.values));
  });

  it("streams over blocks of inputs under a small memory budget, to the same values within 1e-12", () => {
    const inMemory = neuronDissimilarity(layers, { precision: "float64" });
    const progress: number[] = [];
    const streamed = neuronDissimilarity(layers, {
      precision: "float64",
      memoryBudgetBytes: 8 * 16 * 24, // 8 inputs per block: 2 float64 buffers of 24 rows
      onProgress: (p) => progress.push(p.done),
    });
    assert.equal(progress.length, 15);
    assert.equal(progress.at(-1), 120);
    for (let r = 0; r < inMemory.values.length; r++) {
      assert.ok(Math.abs(streamed.values[r]! - inMemory.values[r]!) < 1e-12);
    }
    assert.deepEqual(Array.from(streamed.constantNeurons), Array.from(inMemory.constantNeurons));
  });

  it("lists the dead neurons, each at distance exactly 1 from every other", () => {
    const d = neuronDissimilarity(layers);
    assert.ok(d.constantNeurons.length >= 2, "the test layers have dead units");
    for (const k of d.constantNeurons) {
      for (let j = 0; j < d.count; j++) {
        if (j === k) continue;
        const [a, b] = k > j ? [k, j] : [j, k];
        assert.equal(d.values[(a * (a - 1)) / 2 + b], 1);
      }
    }
  });

  it("gives the live neurons' values bit for bit as without the dead ones (dead rows are skipped)", () => {
    const all = neuronDissimilarity(layers, { precision: "float64" });
    const dead = new Set(all.constantNeurons);
    assert.ok(dead.size > 0);
    const everyone = selectNeurons(layers);
    const keep = [];
    for (let k = 0; k < all.count; k++) if (!dead.has(k)) keep.push(k);
    const selection = {
      ...everyone,
      layers: Int32Array.from(keep, (k) => everyone.layers[k]!),
      neurons: Int32Array.from(keep, (k) => everyone.neurons[k]!),
    };
    const alive = neuronDissimilarity(layers, { selection, precision: "float64" });
    assert.equal(alive.constantNeurons.length, 0);
    for (let a = 1; a < keep.length; a++) {
      for (let b = 0; b < a; b++) {
        const i = keep[a]!;
        const j = keep[b]!;
        assert.ok(
          Object.is(all.values[(i * (i - 1)) / 2 + j], alive.values[(a * (a - 1)) / 2 + b]),
          `neurons ${i}, ${j}`,
        );
      }
    }
  });

  it("names the layer, input and neuron of a NaN activation", () => {
    const values = Float32Array.from(layers[1]!.values);
    values[5 * 9 + 4] = Number.NaN;
    const bad = [layers[0]!, { ...layers[1]!, values }];
    assert.throws(
      () => neuronDissimilarity(bad),
      /neuronDissimilarity: the activation of layer "relu2", input 5, neuron 4 is NaN; activations must be finite/,
    );
  });

  it("refuses fewer than 2 inputs, a selection made for other layers, and layers of unequal inputs", () => {
    assert.throws(() => neuronDissimilarity(layers, { inputs: [4] }), /at least 2 inputs; got 1/);
    const other = selectNeurons([layers[0]!]);
    assert.throws(
      () => neuronDissimilarity(layers, { selection: other }),
      /was made for the layers \["relu1"\] but the layers are \["relu1","relu2"\]/,
    );
    const short = { ...layers[1]!, samples: 60, values: layers[1]!.values.subarray(0, 60 * 9) };
    assert.throws(
      () => neuronDissimilarity([layers[0]!, short]),
      /has 60 inputs but layers\[0\] has 120/,
    );
    assert.throws(
      () => neuronDissimilarity(layers, { inputs: [0, 120] }),
      /inputs\[1\] must be an input index/,
    );
  });

  it("makes a neuron and its copy or negation exactly correlated, in memory and streamed (as numpy)", () => {
    const base = layers[0]!;
    const copy = Float32Array.from(base.values, (v, i) => (i % base.neurons === 0 ? v : -v));
    const twin = { ...base, name: "twin", values: copy };
    for (const memoryBudgetBytes of [undefined, 4096]) {
      const d = neuronDissimilarity([base, twin], {
        precision: "float64",
        ...(memoryBudgetBytes ? { memoryBudgetBytes } : {}),
      });
      for (let j = 0; j < base.neurons; j++) {
        if (d.constantNeurons.includes(j)) continue;
        const i = base.neurons + j;
        assert.equal(d.values[(i * (i - 1)) / 2 + j], 0, `neuron ${j} and its twin`);
      }
    }
  });

  it("gives the documented example", () => {
    const relu1 = {
      name: "relu1",
      samples: 4,
      neurons: 2,
      values: Float32Array.of(1, 0, 2, 0, 3, 0, 4, 0),
    };
    const relu2 = {
      name: "relu2",
      samples: 4,
      neurons: 1,
      values: Float32Array.of(-2, -4, -6, -8),
    };
    const d = neuronDissimilarity([relu1, relu2]);
    assert.deepEqual(Array.from(d.values), [1, 0, 1]);
    assert.deepEqual(Array.from(d.constantNeurons), [1]);
  });
});
