import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertOneLineError } from "../test-support/errors.js";
import { createDataset, type Dataset } from "./dataset.js";
import { shuffle } from "./shuffle.js";
import { subset } from "./subset.js";
import { trainTestSplit } from "./train-test-split.js";

/** `count` samples whose single input is their index, labels `label(i)`. */
function indexed(count: number, label: (i: number) => number = (i) => i % 3): Dataset {
  return createDataset({
    name: "idx",
    sampleShape: [1],
    inputs: Float32Array.from({ length: count }, (_, i) => i),
    labels: Int32Array.from({ length: count }, (_, i) => label(i)),
  });
}

describe("trainTestSplit", () => {
  it("puts ceil(testFraction * count) samples in the test part and the rest in training, each once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer(),
        fc.boolean(),
        (n, f, seed, stratify) => {
          const testCount = Math.ceil(f * n - 1e-9);
          fc.pre(testCount >= 1 && testCount <= n - 1);
          const { train, test } = trainTestSplit(indexed(n), { testFraction: f, seed, stratify });
          assert.equal(test.count, testCount);
          assert.equal(train.count, n - testCount);
          const all = [...train.inputs, ...test.inputs].sort((a, b) => a - b);
          assert.deepEqual(
            all,
            Array.from({ length: n }, (_, i) => i),
          );
          // Labels travel with their samples, order is kept.
          for (const part of [train, test]) {
            part.inputs.forEach((v, k) => {
              assert.equal(part.labels![k], v % 3);
              if (k > 0) assert.ok(v > part.inputs[k - 1]!);
            });
          }
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });

  it("keeps each class's share within one sample when stratified", () => {
    const d = indexed(1000, (i) => (i < 700 ? 0 : i < 950 ? 1 : 2));
    const { test } = trainTestSplit(d, { testFraction: 0.3, seed: 5, stratify: true });
    const counts = [0, 0, 0];
    for (const label of test.labels!) counts[label]! += 1;
    assert.deepEqual(counts, [210, 75, 15]);
  });

  it("is seeded: the same seed gives the same split, another seed another", () => {
    const d = indexed(50);
    const a = trainTestSplit(d, { seed: 1 });
    assert.deepEqual(trainTestSplit(d, { seed: 1 }).test.inputs, a.test.inputs);
    assert.notDeepEqual(trainTestSplit(d, { seed: 2 }).test.inputs, a.test.inputs);
    assert.equal(a.train.name, "idx/train");
    assert.equal(a.test.name, "idx/test");
  });

  it("refuses empty parts, fractions outside (0, 1), and stratify without labels", () => {
    assertOneLineError(
      () => trainTestSplit(indexed(3), { testFraction: 0 }),
      /gives 0 test and 3 training samples; both parts need at least one/,
      RangeError,
    );
    assertOneLineError(
      () => trainTestSplit(indexed(3), { testFraction: 1.5 }),
      /testFraction must be a finite number in \[0, 1\]/,
      RangeError,
    );
    assertOneLineError(
      () => trainTestSplit(indexed(5), { testFraction: 0.99 }),
      /gives 5 test and 0 training samples/,
      RangeError,
    );
    const unlabelled = createDataset({ name: "u", sampleShape: [1], inputs: new Float32Array(10) });
    assertOneLineError(
      () => trainTestSplit(unlabelled, { stratify: true }),
      /stratify needs labels; u has none/,
      RangeError,
    );
  });
});

describe("subset and shuffle", () => {
  it("subset copies the samples at the indices, in that order, repeats allowed", () => {
    const d = indexed(5);
    const s = subset(d, [4, 0, 4]);
    assert.deepEqual([...s.inputs], [4, 0, 4]);
    assert.deepEqual([...s.labels!], [1, 0, 1]);
    s.inputs[0] = 99;
    assert.equal(d.inputs[4], 4);
    assertOneLineError(
      () => subset(d, [0, 5]),
      /indices\[1\] is 5; expected an integer in \[0, 4\]/,
      RangeError,
    );
    assertOneLineError(() => subset(d, [0.5]), /indices\[0\] is 0\.5/, RangeError);
    assertOneLineError(() => subset(d, "0" as unknown as number[]), /array of integers/, TypeError);
  });

  it("shuffle permutes samples and labels together, seeded", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer(), (n, seed) => {
        const d = indexed(n);
        const s = shuffle(d, { seed });
        assert.deepEqual(
          [...s.inputs].sort((a, b) => a - b),
          [...d.inputs],
        );
        s.inputs.forEach((v, k) => {
          assert.equal(s.labels![k], v % 3);
        });
        assert.deepEqual(shuffle(d, { seed }).inputs, s.inputs);
      }),
      { numRuns: 50, seed: 6 },
    );
    assert.notDeepEqual(shuffle(indexed(20), { seed: 1 }).inputs, indexed(20).inputs);
  });
});
