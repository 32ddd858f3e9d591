import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  type CorrelationDissimilarityKind,
  deriveSeed,
  gaussian,
  type LayerActivations,
  neuronDissimilarity,
  neuronImportance,
  neuronPersistence,
  type PersistenceDiagram,
  seededRandom,
} from "@nettopo/core";
import { readNpz } from "../formats/read-npz.js";
import { bootstrapNeuronPersistence } from "./bootstrap-neuron-persistence.js";

// Made by scripts/fixtures/neurons.py: NumPy's corrcoef (constant neurons at
// correlation 0), the dissimilarity in float32, then Debian's ripser 1.2.1
// (exact float32 values through ranks).
const FIXTURES = new URL("../../../../fixtures/neurons/", import.meta.url);

interface NeuronFixture {
  readonly name: string;
  readonly description: string;
  readonly layers: readonly string[];
  readonly metric: "abs-correlation" | "sqrt-abs-correlation" | "correlation";
  readonly maxDim: number;
  readonly threshold: number | null;
  readonly constantNeurons: readonly number[];
  readonly references: readonly {
    readonly tool: string;
    readonly diagrams: readonly { dim: number; pairs: [number, number | null][] }[];
  }[];
  readonly distances?: readonly number[];
  readonly importance?: {
    readonly wins: readonly number[];
    readonly probabilities: readonly number[];
  };
}

const KIND: Record<NeuronFixture["metric"], CorrelationDissimilarityKind> = {
  "abs-correlation": "1-|corr|",
  "sqrt-abs-correlation": "sqrt(1-|corr|)",
  correlation: "1-corr",
};

const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, FIXTURES), "utf8")) as NeuronFixture);
const arrays = readNpz(new Uint8Array(readFileSync(new URL("mlp-relu.npz", FIXTURES))));

function layersOf(names: readonly string[]): LayerActivations[] {
  return names.map((name) => {
    const array = arrays.find((a) => a.name === name)!;
    return {
      name,
      samples: array.shape[0]!,
      neurons: array.shape[1]!,
      values: array.data as Float32Array,
    };
  });
}

/** The pairs of each dimension, zero-length ones dropped, sorted. */
function pairsOf(diagram: PersistenceDiagram | NeuronFixture["references"][0]["diagrams"]) {
  const list =
    "dimensions" in diagram
      ? diagram.dimensions.map(({ dim, births, deaths }) => ({
          dim,
          pairs: Array.from(births, (b, k) => [b, deaths[k]!] as [number, number]),
        }))
      : diagram.map(({ dim, pairs }) => ({
          dim,
          pairs: pairs.map(([b, d]) => [b, d ?? Number.POSITIVE_INFINITY] as [number, number]),
        }));
  return list.map(({ dim, pairs }) => ({
    dim,
    pairs: pairs.filter(([b, d]) => d > b).sort((p, q) => p[0] - q[0] || p[1] - q[1]),
  }));
}

/** Activations of a random ReLU network with dead units (seeded). */
function reluLayers(seed: number, samples: number, widths: readonly number[]): LayerActivations[] {
  const random = seededRandom(seed);
  let x = Float64Array.from({ length: samples * 4 }, random);
  let d = 4;
  return widths.map((w, l) => {
    const weights = Float64Array.from({ length: d * w }, () => gaussian(random) * Math.sqrt(2 / d));
    const y = new Float32Array(samples * w);
    for (let s = 0; s < samples; s++) {
      for (let j = 0; j < w; j++) {
        let a = j % 7 === 2 ? -100 : 0.1;
        for (let k = 0; k < d; k++) a += x[s * d + k]! * weights[k * w + j]!;
        y[s * w + j] = Math.max(0, a);
      }
    }
    x = Float64Array.from(y);
    d = w;
    return { name: `relu${l + 1}`, samples, neurons: w, values: y };
  });
}

describe("the neuron pipeline equals numpy corrcoef + Ripser on a ReLU network with dead neurons", () => {
  it("has the fixtures", () => assert.ok(fixtures.length >= 5));

  for (const fixture of fixtures) {
    it(`${fixture.name}: ${fixture.description}`, async () => {
      const layers = layersOf(fixture.layers);
      const options = {
        dissimilarity: KIND[fixture.metric],
        maxDim: fixture.maxDim,
        threshold: fixture.threshold ?? Number.POSITIVE_INFINITY,
      };
      const { diagram, constantNeurons } = neuronPersistence(layers, options);
      assert.deepEqual(Array.from(constantNeurons), fixture.constantNeurons);
      for (const reference of fixture.references) {
        assert.deepEqual(pairsOf(diagram), pairsOf(reference.diagrams), reference.tool);
      }
      const boot = await bootstrapNeuronPersistence(layers, { ...options, repeats: 1, workers: 0 });
      assert.deepEqual(pairsOf(boot.repeats[0]!.diagram), pairsOf(fixture.references[0]!.diagrams));
      if (fixture.distances) {
        const d = neuronDissimilarity(layers, { dissimilarity: KIND[fixture.metric] });
        assert.deepEqual(Array.from(d.values), fixture.distances.map(Math.fround));
      }
      if (fixture.importance) {
        const { wins, probabilities } = neuronImportance(layers);
        assert.deepEqual(Array.from(wins), fixture.importance.wins);
        for (let p = 0; p < probabilities.length; p++) {
          assert.ok(Math.abs(probabilities[p]! - fixture.importance.probabilities[p]!) < 1e-15);
        }
      }
    });
  }
});

describe("bootstrapNeuronPersistence", () => {
  const layers = reluLayers(7, 150, [30, 20]);
  const options = { repeats: 5, neurons: 18, inputs: 100, sampling: "uniform", seed: 9 } as const;

  it("gives identical results with 0, 1, 2 and 3 workers", async () => {
    const runs = [];
    for (const workers of [0, 1, 2, 3]) {
      runs.push(await bootstrapNeuronPersistence(layers, { ...options, workers }));
    }
    for (const run of runs.slice(1)) assert.deepEqual(run, runs[0]);
  });

  it("gives the same results when the correlations are computed once (in bands by the workers) or per repeat", async () => {
    const all = { repeats: 4, neurons: 25, seed: 3, sampling: "importance" } as const;
    const runs = [];
    for (const [workers, reuseCorrelations] of [
      [0, false],
      [0, true],
      [2, true],
      [3, true],
      [2, false],
    ] as const) {
      runs.push(await bootstrapNeuronPersistence(layers, { ...all, workers, reuseCorrelations }));
    }
    for (const run of runs.slice(1)) assert.deepEqual(run, runs[0]);
  });

  it("runs repeat r as neuronPersistence with the seed deriveSeed(seed, r)", async () => {
    const boot = await bootstrapNeuronPersistence(layers, {
      ...options,
      sampling: "importance",
      workers: 1,
    });
    for (const repeat of boot.repeats) {
      assert.equal(repeat.seed, deriveSeed(9, repeat.repeat));
      const alone = neuronPersistence(layers, {
        neurons: 18,
        inputs: 100,
        sampling: "importance",
        seed: repeat.seed,
      });
      assert.deepEqual(repeat.diagram, alone.diagram);
      assert.deepEqual(repeat.selection, alone.selection);
      assert.deepEqual(repeat.inputs, alone.inputs);
    }
    // different repeats sample differently
    const samples = new Set(boot.repeats.map((r) => Array.from(r.selection.neurons).join()));
    assert.equal(samples.size, 5);
  });

  it("summarizes the repeats: features, their spread and a Betti curve band per dimension", async () => {
    const boot = await bootstrapNeuronPersistence(layers, { ...options, workers: 0 });
    assert.equal(boot.repeats.length, 5);
    assert.equal(boot.bettiCurves.length, 2);
    for (const band of boot.bettiCurves) {
      assert.equal(band.curves.length, 5);
      assert.ok(band.lower !== null && band.halfWidth !== null && band.halfWidth >= 0);
    }
    const k = boot.spread.names.indexOf("h1.count");
    const counts = boot.repeats.map((r) => r.features.values[k]!);
    assert.equal(boot.spread.mean[k], counts.reduce((a, b) => a + b, 0) / 5);
    assert.deepEqual(boot.constantNeurons.relu1, [2, 9, 16, 23]);
  });

  it("reports progress after each repeat and stops with the signal's reason", async () => {
    const seen: number[] = [];
    await bootstrapNeuronPersistence(layers, {
      ...options,
      workers: 2,
      onProgress: (p) => seen.push(p.done),
    });
    assert.deepEqual(seen, [1, 2, 3, 4, 5]);
    for (const workers of [0, 2]) {
      const controller = new AbortController();
      const reason = new Error("stop");
      const run = bootstrapNeuronPersistence(layers, {
        ...options,
        repeats: 50,
        workers,
        onProgress: (p) => {
          if (p.done === 1) controller.abort(reason);
        },
        signal: controller.signal,
      });
      await assert.rejects(run, (error) => error === reason);
    }
  });

  it("refuses NaN activations, all-constant neurons, repeats < 1, a threshold <= 0, too few neurons", async () => {
    const nan = Float32Array.from(layers[1]!.values);
    nan[3 * 20 + 5] = Number.NaN;
    await assert.rejects(
      bootstrapNeuronPersistence([layers[0]!, { ...layers[1]!, values: nan }], { workers: 0 }),
      /the activation of layer "relu2", input 3, neuron 5 is NaN/,
    );
    const dead = { name: "dead", samples: 10, neurons: 4, values: new Float32Array(40).fill(2) };
    await assert.rejects(
      bootstrapNeuronPersistence([dead], { workers: 0 }),
      /all 4 neurons of "dead" are constant over the 10 inputs/,
    );
    await assert.rejects(
      bootstrapNeuronPersistence(layers, { repeats: 0 }),
      /repeats must be an integer >= 1/,
    );
    await assert.rejects(
      bootstrapNeuronPersistence(layers, { threshold: 0 }),
      /threshold must be a number > 0/,
    );
    await assert.rejects(
      bootstrapNeuronPersistence(layers, { neurons: 1 }),
      /neurons must be an integer >= 2/,
    );
    // a repeat whose sample is all dead fails in its worker, with the core's message
    const mostlyDead = {
      name: "mostly",
      samples: 10,
      neurons: 30,
      values: Float32Array.from({ length: 300 }, (_, i) => (i % 30 === 0 ? i : 0)),
    };
    await assert.rejects(
      bootstrapNeuronPersistence([mostlyDead], { neurons: 2, repeats: 3, workers: 1 }),
      /all 2 selected neurons are constant/,
    );
  });
});
