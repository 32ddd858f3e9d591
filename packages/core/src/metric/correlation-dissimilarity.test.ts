import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Progress } from "../types.js";
import { condensedIndex } from "./condensed-index.js";
import {
  type CorrelationDissimilarityKind,
  correlationDissimilarity,
} from "./correlation-dissimilarity.js";

// Made by scripts/fixtures/metric.py from numpy.corrcoef (Debian's python3-numpy).
const fixture = JSON.parse(
  readFileSync(new URL("../../../../fixtures/metric/correlation.json", import.meta.url), "utf8"),
) as Record<CorrelationDissimilarityKind, number[]> & {
  samples: number;
  neurons: number;
  activations: number[];
};

const KINDS: readonly CorrelationDissimilarityKind[] = ["1-|corr|", "sqrt(1-|corr|)", "1-corr"];

/** Pearson correlation of neurons a and b, two-pass, straight from the definition (the oracle). */
function pearson(
  x: ArrayLike<number>,
  samples: number,
  neurons: number,
  a: number,
  b: number,
): number {
  let ma = 0;
  let mb = 0;
  for (let s = 0; s < samples; s++) {
    ma += x[s * neurons + a]!;
    mb += x[s * neurons + b]!;
  }
  ma /= samples;
  mb /= samples;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let s = 0; s < samples; s++) {
    const da = x[s * neurons + a]! - ma;
    const db = x[s * neurons + b]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Activations of a random small layer: samples x neurons integers in [-50, 50]. */
const layer = fc
  .record({ samples: fc.integer({ min: 2, max: 30 }), neurons: fc.integer({ min: 2, max: 11 }) })
  .chain(({ samples, neurons }) =>
    fc
      .array(fc.integer({ min: -50, max: 50 }), {
        minLength: samples * neurons,
        maxLength: samples * neurons,
      })
      .map((values) => ({ samples, neurons, values: Float64Array.from(values) })),
  );

describe("correlationDissimilarity", () => {
  it("matches numpy.corrcoef for all three dissimilarities on the fixture", () => {
    const shape = { samples: fixture.samples, neurons: fixture.neurons };
    for (const kind of KINDS) {
      const { values, count } = correlationDissimilarity(fixture.activations, shape, {
        dissimilarity: kind,
      });
      assert.equal(count, fixture.neurons);
      assert.equal(values.length, fixture[kind].length);
      for (let r = 0; r < values.length; r++) {
        const tolerance = kind === "sqrt(1-|corr|)" ? 1e-7 : 1e-12;
        assert.ok(
          Math.abs(values[r]! - fixture[kind][r]!) <= tolerance,
          `${kind} entry ${r}: got ${values[r]}, numpy ${fixture[kind][r]}`,
        );
      }
    }
  });

  it("follows the documented example: anti-correlated neurons at 0, a constant one at 1", () => {
    const x = [1, -2, 5, 2, -4, 5, 3, -6, 5, 4, -8, 5];
    const { values } = correlationDissimilarity(x, { samples: 4, neurons: 3 });
    assert.deepEqual(Array.from(values), [0, 1, 1]);
    const signed = correlationDissimilarity(
      x,
      { samples: 4, neurons: 3 },
      { dissimilarity: "1-corr" },
    );
    assert.deepEqual(Array.from(signed.values), [2, 1, 1]);
  });

  it("gives a constant neuron dissimilarity exactly 1 to every other neuron, never NaN (property)", () => {
    fc.assert(
      fc.property(
        layer,
        fc.nat(),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom(...KINDS),
        ({ samples, neurons, values }, pick, level, kind) => {
          const dead = pick % neurons;
          for (let s = 0; s < samples; s++) values[s * neurons + dead] = level;
          const d = correlationDissimilarity(values, { samples, neurons }, { dissimilarity: kind });
          for (let j = 0; j < neurons; j++) {
            if (j !== dead && d.values[condensedIndex(neurons, dead, j)] !== 1) return false;
          }
          return d.values.every((v) => !Number.isNaN(v));
        },
      ),
      { seed: 8, numRuns: 200 },
    );
  });

  it("keeps 1-|corr| and sqrt(1-|corr|) in [0, 1] and 1-corr in [0, 2] (property)", () => {
    fc.assert(
      fc.property(layer, fc.constantFrom(...KINDS), ({ samples, neurons, values }, kind) => {
        const d = correlationDissimilarity(values, { samples, neurons }, { dissimilarity: kind });
        const top = kind === "1-corr" ? 2 : 1;
        return d.values.every((v) => v >= 0 && v <= top);
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it("permutes its distances when the neurons are permuted (property)", () => {
    fc.assert(
      fc.property(
        layer.chain((l) =>
          fc.tuple(
            fc.constant(l),
            fc.shuffledSubarray(
              Array.from({ length: l.neurons }, (_, j) => j),
              { minLength: l.neurons, maxLength: l.neurons },
            ),
          ),
        ),
        ([{ samples, neurons, values }, perm]) => {
          const permuted = new Float64Array(values.length);
          for (let s = 0; s < samples; s++) {
            for (let j = 0; j < neurons; j++)
              permuted[s * neurons + j] = values[s * neurons + perm[j]!]!;
          }
          const d = correlationDissimilarity(values, { samples, neurons });
          const p = correlationDissimilarity(permuted, { samples, neurons });
          for (let i = 0; i < neurons; i++) {
            for (let j = 0; j < i; j++) {
              const expected = d.values[condensedIndex(neurons, perm[i]!, perm[j]!)]!;
              if (Math.abs(p.values[condensedIndex(neurons, i, j)]! - expected) > 1e-14)
                return false;
            }
          }
          return true;
        },
      ),
      { seed: 10, numRuns: 150 },
    );
  });

  it("agrees with the textbook Pearson formula across tile edges and sample blocks", () => {
    // 1..13 neurons cover every remainder of the 4 x 4 tiles; 600 samples span three blocks of 256.
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32 - 0.5;
    };
    for (const samples of [2, 3, 600]) {
      for (let neurons = 1; neurons <= 13; neurons++) {
        const x = new Float64Array(samples * neurons);
        for (let s = 0; s < samples; s++) {
          const shared = random();
          for (let j = 0; j < neurons; j++) x[s * neurons + j] = (j % 3) * shared + random();
        }
        const { values } = correlationDissimilarity(
          x,
          { samples, neurons },
          { dissimilarity: "1-corr" },
        );
        assert.equal(values.length, (neurons * (neurons - 1)) / 2);
        for (let i = 0; i < neurons; i++) {
          for (let j = 0; j < i; j++) {
            const expected = 1 - pearson(x, samples, neurons, i, j);
            const got = values[condensedIndex(neurons, i, j)]!;
            assert.ok(
              Math.abs(got - expected) < 1e-12,
              `${samples}x${neurons} (${i},${j}): ${got} vs ${expected}`,
            );
          }
        }
      }
    }
  });

  it("does not depend on each neuron's offset and positive scale, nor on Float32Array input", () => {
    const x = Float32Array.from([0.5, 1, -2, 0.25, 3, 1.5, 2, 0, -1, 1, 1, 2]);
    const shape = { samples: 4, neurons: 3 };
    const base = correlationDissimilarity(x, shape);
    const moved = Float64Array.from(x, (v, k) => (k % 3 === 1 ? 1e6 + 1e3 * v : v));
    const d = correlationDissimilarity(moved, shape);
    for (let r = 0; r < 3; r++) assert.ok(Math.abs(d.values[r]! - base.values[r]!) < 1e-9);
    assert.ok(
      correlationDissimilarity(x, shape, { precision: "float32" }).values instanceof Float32Array,
    );
  });

  it("names the sample and neuron of a NaN or infinite activation in one line", () => {
    const x = [1, 2, 3, 4, 5, Number.NaN];
    assert.throws(() => correlationDissimilarity(x, { samples: 2, neurons: 3 }), {
      name: "RangeError",
      message:
        "correlationDissimilarity: activations[5] (sample 1, neuron 2) must be finite; got NaN",
    });
    x[5] = Number.NEGATIVE_INFINITY;
    assert.throws(
      () => correlationDissimilarity(x, { samples: 3, neurons: 2 }),
      /\(sample 2, neuron 1\).*-Infinity/,
    );
  });

  it("refuses a wrong shape, too few samples and unknown options", () => {
    const x = [1, 2, 3, 4, 5, 6];
    assert.throws(() => correlationDissimilarity(x, { samples: 4, neurons: 2 }), /4\*2 = 8; got 6/);
    assert.throws(
      () => correlationDissimilarity([1, 2], { samples: 1, neurons: 2 }),
      /shape\.samples must be an integer >= 2/,
    );
    assert.throws(
      () => correlationDissimilarity(x, [3, 2] as never),
      /shape must be \{ samples, neurons \}/,
    );
    assert.throws(() => correlationDissimilarity(x, undefined as never), TypeError);
    assert.throws(
      () =>
        correlationDissimilarity(
          x,
          { samples: 3, neurons: 2 },
          { dissimilarity: "1-corr^2" as never },
        ),
      /options\.dissimilarity/,
    );
    assert.throws(() => correlationDissimilarity(x, { samples: 3, neurons: 70000 }), RangeError);
  });

  it("reports progress in samples and stops on an aborted signal", () => {
    const samples = 600;
    const x = Float64Array.from({ length: samples * 3 }, (_, k) => Math.sin(k));
    const reports: Progress[] = [];
    correlationDissimilarity(x, { samples, neurons: 3 }, { onProgress: (p) => reports.push(p) });
    assert.deepEqual(
      reports.map((p) => p.done),
      [256, 512, 600],
    );
    assert.equal(reports[0]!.stage, "correlation");
    const signal = { aborted: false, reason: new Error("stop") };
    assert.throws(
      () =>
        correlationDissimilarity(
          x,
          { samples, neurons: 3 },
          {
            signal,
            onProgress: () => {
              signal.aborted = true;
            },
          },
        ),
      /stop/,
    );
  });
});
