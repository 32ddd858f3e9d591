import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CorrelationAccumulator } from "./correlation-accumulator.js";
import { correlationDissimilarity } from "./correlation-dissimilarity.js";

/** Random activations: samples x neurons, with a dead neuron and an offset one. */
const matrix = fc
  .record({
    samples: fc.integer({ min: 2, max: 40 }),
    neurons: fc.integer({ min: 2, max: 9 }),
  })
  .chain(({ samples, neurons }) =>
    fc.record({
      samples: fc.constant(samples),
      neurons: fc.constant(neurons),
      // activations on a grid of 0.01 (values whose squares underflow are out of scope)
      values: fc.array(
        fc.integer({ min: -10000, max: 10000 }).map((v) => v / 100),
        {
          minLength: samples * neurons,
          maxLength: samples * neurons,
        },
      ),
      cuts: fc.array(fc.integer({ min: 0, max: samples }), { maxLength: 4 }),
      block: fc.integer({ min: 1, max: 17 }),
    }),
  );

describe("CorrelationAccumulator", () => {
  it("equals correlationDissimilarity whatever the batches and block size (property)", () => {
    fc.assert(
      fc.property(matrix, ({ samples, neurons, values, cuts, block }) => {
        // neuron 0 dead, neuron 1 far from zero
        for (let s = 0; s < samples; s++) {
          values[s * neurons] = 3;
          values[s * neurons + 1] = 1e6 + values[s * neurons + 1]!;
        }
        const expected = correlationDissimilarity(values, { samples, neurons }).values;
        const acc = new CorrelationAccumulator(neurons, { blockSamples: block });
        const bounds = [0, ...cuts.sort((a, b) => a - b), samples];
        for (let b = 1; b < bounds.length; b++) {
          const rows = bounds[b]! - bounds[b - 1]!;
          acc.add(values.slice(bounds[b - 1]! * neurons, bounds[b]! * neurons), rows);
        }
        assert.equal(acc.samples, samples);
        const got = acc.dissimilarity().values;
        for (let r = 0; r < expected.length; r++) {
          if (Math.abs(got[r]! - expected[r]!) > 1e-9) return false;
        }
        return acc.constantNeurons().length >= 1 && acc.constantNeurons()[0] === 0;
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it("keeps full accuracy with a large offset (the co-moment merge never subtracts big sums)", () => {
    const samples = 1000;
    const acc = new CorrelationAccumulator(2, { blockSamples: 7 });
    const values: number[] = [];
    for (let s = 0; s < samples; s++) {
      const t = Math.sin(s);
      values.push(1e9 + t, 1e9 - 2 * t + 1e-3 * Math.cos(3 * s));
    }
    acc.add(values, samples);
    const expected = correlationDissimilarity(values, { samples, neurons: 2 }).values[0]!;
    assert.ok(Math.abs(acc.dissimilarity().values[0]! - expected) < 1e-9);
  });

  it("gives a dead neuron distance exactly 1 and the three dissimilarities as the one-shot function", () => {
    const x = [1, -2, 5, 2, -4, 5, 3, -6, 5, 4, -8, 5];
    for (const dissimilarity of ["1-|corr|", "sqrt(1-|corr|)", "1-corr"] as const) {
      const acc = new CorrelationAccumulator(3, { blockSamples: 3 });
      acc.add(x.slice(0, 6), 2);
      acc.add(x.slice(6), 2);
      const got = acc.dissimilarity({ dissimilarity, precision: "float32" });
      const want = correlationDissimilarity(
        x,
        { samples: 4, neurons: 3 },
        { dissimilarity, precision: "float32" },
      );
      assert.ok(got.values instanceof Float32Array);
      assert.deepEqual(Array.from(got.values), Array.from(want.values));
    }
  });

  it("refuses NaN values, wrong lengths and correlations of fewer than 2 samples in one line", () => {
    const acc = new CorrelationAccumulator(2);
    assert.throws(
      () => acc.add([1, Number.NaN], 1),
      /values\[1\] \(row 0, neuron 1\) must be finite; got NaN/,
    );
    assert.throws(
      () => acc.add([1, 2, 3], 2),
      /values\.length must be rows\*neurons = 2\*2 = 4; got 3/,
    );
    acc.add([1, 2], 1);
    assert.throws(() => acc.correlations(), /at least 2 samples; got 1/);
    assert.throws(() => new CorrelationAccumulator(-1), RangeError);
  });
});
