import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { barcode, barcodeOf } from "../diagrams/barcode.js";
import { diagramStatistics } from "../diagrams/features/diagram-statistics.js";
import { persistentEntropy } from "../diagrams/features/persistent-entropy.js";
import { bettiCurve, fitBettiCurve } from "../diagrams/vectorize/betti-curve.js";
import { deriveSeed } from "../random.js";
import { averageBettiCurve } from "../stats/average-betti-curve.js";
import type { PersistenceDiagram } from "../types.js";
import { neuronFeatures } from "./neuron-features.js";
import { summarizeNeuronRepeats } from "./summarize-neuron-repeats.js";

const diagrams: PersistenceDiagram[] = [
  {
    dimensions: [
      {
        dim: 0,
        ...barcode([
          [0, 0.2],
          [0, 0.7],
          [0, null],
        ]),
      },
      { dim: 1, ...barcode([[0.5, 0.9]]) },
    ],
  },
  {
    dimensions: [
      {
        dim: 0,
        ...barcode([
          [0, 0.4],
          [0, null],
        ]),
      },
      {
        dim: 1,
        ...barcode([
          [0.3, 0.6],
          [0.65, 0.95],
        ]),
      },
    ],
  },
  {
    dimensions: [
      {
        dim: 0,
        ...barcode([
          [0, 0.1],
          [0, 0.3],
          [0, 0.8],
          [0, null],
        ]),
      },
      { dim: 1, ...barcode([]) },
    ],
  },
];

describe("neuronFeatures", () => {
  it("is diagramStatistics of dimensions 0..maxDim pooled, then the entropy of each dimension", () => {
    const f = neuronFeatures(diagrams[0]!, { maxDim: 1 });
    const s = diagramStatistics(diagrams[0]!, { dimensions: [0, 1] });
    assert.deepEqual(f.names, [...s.names, "h0.entropy", "h1.entropy"]);
    assert.deepEqual(Array.from(f.values.slice(0, s.values.length)), Array.from(s.values));
    assert.equal(f.values.at(-2), persistentEntropy(barcodeOf(diagrams[0]!, 0)));
    assert.equal(f.values.at(-1), 0);
  });
});

describe("summarizeNeuronRepeats", () => {
  it("puts every repeat's Betti curve on one grid fitted on all of them, with averageBettiCurve's band", () => {
    const summary = summarizeNeuronRepeats(diagrams, { resolution: 20, seed: 4 });
    assert.equal(summary.bettiCurves.length, 2);
    for (const band of summary.bettiCurves) {
      const barcodes = diagrams.map((d) => barcodeOf(d, band.dim));
      const settings = fitBettiCurve(barcodes, { resolution: 20 });
      assert.deepEqual(
        band.curves.map((c) => Array.from(c)),
        barcodes.map((b) => Array.from(bettiCurve(b, settings).values)),
      );
      const average = averageBettiCurve(barcodes, { resolution: 20 }, { seed: 4 });
      assert.deepEqual(Array.from(band.grid), Array.from(average.grid));
      assert.deepEqual(Array.from(band.mean), Array.from(average.mean));
      assert.equal(band.halfWidth, average.halfWidth);
      assert.deepEqual(Array.from(band.lower!), Array.from(average.lower));
    }
  });

  it("gives the mean, sample standard deviation, min and max of every feature", () => {
    const { features, spread } = summarizeNeuronRepeats(diagrams);
    const k = spread.names.indexOf("h0.count");
    const counts = features.map((f) => f.values[k]!);
    assert.deepEqual(counts, [2, 1, 3]);
    assert.equal(spread.mean[k], 2);
    assert.equal(spread.std[k], 1);
    assert.equal(spread.min[k], 1);
    assert.equal(spread.max[k], 3);
  });

  it("has no band and no spread for a single repeat", () => {
    const { bettiCurves, spread } = summarizeNeuronRepeats([diagrams[0]!]);
    assert.equal(bettiCurves[0]!.lower, null);
    assert.equal(bettiCurves[0]!.halfWidth, null);
    assert.deepEqual(Array.from(bettiCurves[0]!.mean), Array.from(bettiCurves[0]!.curves[0]!));
    assert.ok(spread.std.every((v) => v === 0));
  });

  it("refuses an empty list", () => {
    assert.throws(() => summarizeNeuronRepeats([]), /at least one diagram; got none/);
  });
});

describe("deriveSeed", () => {
  it("is a fixed unsigned 32-bit function of the seed and the stream, different across streams and seeds", () => {
    assert.equal(deriveSeed(42, 0), deriveSeed(42, 0));
    assert.equal(deriveSeed(42, 0), deriveSeed(42 + 2 ** 32, 0));
    const seen = new Set<number>();
    for (let seed = 0; seed < 50; seed++) {
      for (let stream = 0; stream < 50; stream++) {
        const s = deriveSeed(seed, stream);
        assert.ok(Number.isInteger(s) && s >= 0 && s < 2 ** 32);
        seen.add(s);
      }
    }
    assert.equal(seen.size, 2500);
  });
});
