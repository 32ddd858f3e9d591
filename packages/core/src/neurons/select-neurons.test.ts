import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { randomReluLayers } from "../test-support/neuron-layers.js";
import { neuronImportance } from "./neuron-importance.js";
import { selectInputs } from "./select-inputs.js";
import { selectNeurons } from "./select-neurons.js";

const layers = randomReluLayers(11, 60, [12, 8]);

function pooled(selection: { layers: Int32Array; neurons: Int32Array }): number[] {
  return Array.from(selection.layers, (l, k) => (l === 0 ? 0 : 12) + selection.neurons[k]!);
}

describe("selectNeurons", () => {
  it("selects every neuron of every layer, in layer order, by default", () => {
    const all = selectNeurons(layers);
    assert.deepEqual(all.layerNames, ["relu1", "relu2"]);
    assert.deepEqual(
      pooled(all),
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it("samples count distinct neurons, sorted, traceable to their layer and index", () => {
    for (const sampling of ["uniform", "per-layer", "importance"] as const) {
      const s = selectNeurons(layers, { count: 7, sampling, seed: 3 });
      const p = pooled(s);
      assert.equal(p.length, 7);
      assert.deepEqual(
        p,
        [...new Set(p)].sort((a, b) => a - b),
        `${sampling}: distinct, ascending`,
      );
      for (let k = 0; k < 7; k++) assert.ok(s.neurons[k]! < layers[s.layers[k]!]!.neurons);
    }
  });

  it("reproduces a sample from its seed and gives different samples for different seeds", () => {
    for (const sampling of ["uniform", "per-layer", "importance"] as const) {
      const a = pooled(selectNeurons(layers, { count: 6, sampling, seed: 42 }));
      const b = pooled(selectNeurons(layers, { count: 6, sampling, seed: 42 }));
      assert.deepEqual(a, b);
      const distinct = new Set(
        [1, 2, 3, 4, 5].map((seed) =>
          pooled(selectNeurons(layers, { count: 6, sampling, seed })).join(),
        ),
      );
      assert.ok(distinct.size >= 4, `${sampling}: ${distinct.size} distinct samples of 5 seeds`);
    }
  });

  it("gives each layer its proportional share with per-layer sampling (largest remainders)", () => {
    // 12 and 8 neurons, count 7: quotas 4.2 and 2.8 -> 4 and 3
    const s = selectNeurons(layers, { count: 7, sampling: "per-layer", seed: 9 });
    assert.equal(s.layers.filter((l) => l === 0).length, 4);
    assert.equal(s.layers.filter((l) => l === 1).length, 3);
    // count 5: quotas 3 and 2 exactly
    const t = selectNeurons(layers, { count: 5, sampling: "per-layer", seed: 9 });
    assert.deepEqual(Array.from(t.layers), [0, 0, 0, 1, 1]);
  });

  it("samples uniformly: each neuron's inclusion frequency is count/total within 5 sigma", () => {
    const counts = new Float64Array(20);
    const runs = 2000;
    for (let seed = 0; seed < runs; seed++) {
      for (const p of pooled(selectNeurons(layers, { count: 5, seed }))) counts[p]! += 1;
    }
    const expected = (runs * 5) / 20;
    const sigma = Math.sqrt(expected * (1 - 5 / 20));
    for (const c of counts) assert.ok(Math.abs(c - expected) < 5 * sigma, `${c} vs ${expected}`);
  });

  it("samples one neuron with probability its importance weight (within 5 sigma)", () => {
    const { probabilities } = neuronImportance(layers);
    const counts = new Float64Array(20);
    const runs = 4000;
    for (let seed = 0; seed < runs; seed++) {
      counts[pooled(selectNeurons(layers, { count: 1, sampling: "importance", seed }))[0]!]! += 1;
    }
    for (let p = 0; p < 20; p++) {
      const expected = runs * probabilities[p]!;
      const sigma = Math.sqrt(expected * (1 - probabilities[p]!));
      assert.ok(
        Math.abs(counts[p]! - expected) <= 5 * sigma + 1,
        `neuron ${p}: ${counts[p]} vs ${expected}`,
      );
    }
  });

  it("counts the winners of importance sampling over the given inputs only", () => {
    // Only input 0: its winner gets probability 1/2, the 19 others 1/(19*2) each.
    const { probabilities, wins } = neuronImportance(layers, { inputs: [0] });
    assert.equal(
      wins.reduce((a, b) => a + b, 0),
      1,
    );
    const winner = wins.indexOf(1);
    assert.equal(probabilities[winner], 1 / 2);
    assert.ok(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-15);
  });

  it("refuses an unknown sampling and a negative count", () => {
    assert.throws(
      () => selectNeurons(layers, { count: 3, sampling: "random" as never }),
      /options\.sampling must be one of "uniform", "per-layer", "importance"; got "random"/,
    );
    assert.throws(
      () => selectNeurons(layers, { count: -1 }),
      /options\.count must be an integer >= 0/,
    );
  });
});

describe("selectInputs", () => {
  it("samples count distinct inputs, ascending, reproducibly; every input without a count", () => {
    const a = selectInputs(50, { count: 10, seed: 7 });
    assert.equal(a.length, 10);
    assert.deepEqual(
      Array.from(a),
      [...new Set(a)].sort((x, y) => x - y),
    );
    assert.deepEqual(Array.from(selectInputs(50, { count: 10, seed: 7 })), Array.from(a));
    assert.notDeepEqual(Array.from(selectInputs(50, { count: 10, seed: 8 })), Array.from(a));
    assert.deepEqual(Array.from(selectInputs(4)), [0, 1, 2, 3]);
    assert.deepEqual(Array.from(selectInputs(4, { count: 9 })), [0, 1, 2, 3]);
  });
});

describe("neuronImportance", () => {
  it("weights winners by their wins over M + 1 and shares 1/(M + 1) among the others (Ballester et al.)", () => {
    const layer = {
      name: "fc",
      samples: 3,
      neurons: 3,
      values: Float32Array.of(5, 1, 0, -7, 1, 0, 2, 3, 0),
    };
    const { wins, probabilities } = neuronImportance([layer]);
    assert.deepEqual(Array.from(wins), [2, 1, 0]);
    assert.deepEqual(Array.from(probabilities), [0.5, 0.25, 0.25]);
  });

  it("gives the first of tied neurons the win, across layers, as numpy's argmax", () => {
    const a = { name: "a", samples: 2, neurons: 2, values: Float32Array.of(1, -3, 0, 0) };
    const b = { name: "b", samples: 2, neurons: 1, values: Float32Array.of(3, 0) };
    // input 0: |-3| (a, 1) ties 3 (b, 0): a's neuron 1 wins; input 1: all zero: neuron 0 wins
    assert.deepEqual(Array.from(neuronImportance([a, b]).wins), [1, 1, 0]);
  });

  it("uses wins / M when every neuron wins", () => {
    const layer = {
      name: "fc",
      samples: 4,
      neurons: 2,
      values: Float32Array.of(1, 0, 0, 1, 2, 0, 5, 0),
    };
    assert.deepEqual(Array.from(neuronImportance([layer]).probabilities), [0.75, 0.25]);
  });

  it("names the layer, input and neuron of a NaN or infinite activation", () => {
    const layer = {
      name: "fc",
      samples: 2,
      neurons: 2,
      values: Float32Array.of(1, 2, Number.NaN, 0),
    };
    assert.throws(() => neuronImportance([layer]), /layer "fc", input 1, neuron 0 is NaN/);
    const inf = { name: "fc", samples: 2, neurons: 2, values: Float32Array.of(1, 2, 0, -Infinity) };
    assert.throws(() => neuronImportance([inf]), /layer "fc", input 1, neuron 1 is -Infinity/);
  });
});
