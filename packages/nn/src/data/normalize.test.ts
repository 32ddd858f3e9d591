import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertOneLineError } from "../test-support/errors.js";
import { createDataset, type Dataset } from "./dataset.js";
import { normalize } from "./normalize.js";

/** A data set of `count` samples of shape [rows, columns] with values from `f(sample, feature)`. */
function table(count: number, shape: number[], f: (i: number, j: number) => number): Dataset {
  const size = shape.reduce((a, b) => a * b, 1);
  const inputs = new Float32Array(count * size);
  for (let i = 0; i < count; i += 1)
    for (let j = 0; j < size; j += 1) inputs[i * size + j] = f(i, j);
  return createDataset({ name: "t", sampleShape: shape, inputs });
}

/** Mean and population standard deviation of feature j (or of all values when j is undefined). */
function moments(d: Dataset, j?: number): [number, number] {
  const size = d.inputs.length / d.count;
  const values =
    j === undefined
      ? Array.from(d.inputs)
      : Array.from({ length: d.count }, (_, i) => d.inputs[i * size + j]!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return [mean, Math.sqrt(variance)];
}

const features = fc.record({
  count: fc.integer({ min: 2, max: 30 }),
  width: fc.integer({ min: 1, max: 5 }),
  seed: fc.integer({ min: 1, max: 1e6 }),
});

describe("normalize", () => {
  it("standardizes each feature to mean 0 and standard deviation 1", () => {
    fc.assert(
      fc.property(features, ({ count, width, seed }) => {
        const d = table(
          count,
          [width],
          (i, j) => Math.sin(seed * (i + 1) * (j + 2)) * (j + 1) * 10 + j,
        );
        const { dataset, stats } = normalize(d, { method: "standardize" });
        assert.equal(stats.shift.length, width);
        for (let j = 0; j < width; j += 1) {
          const [mean, std] = moments(dataset, j);
          assert.ok(Math.abs(mean) < 1e-5, `mean ${mean}`);
          if (moments(d, j)[1] > 1e-3) assert.ok(Math.abs(std - 1) < 1e-4, `std ${std}`);
        }
      }),
      { numRuns: 50, seed: 1 },
    );
  });

  it("maps each feature onto [0, 1] with min-max", () => {
    fc.assert(
      fc.property(features, ({ count, width, seed }) => {
        const d = table(count, [width], (i, j) => Math.cos(seed * (i + 3) * (j + 1)) * 50);
        const { dataset } = normalize(d, { method: "min-max" });
        for (let j = 0; j < width; j += 1) {
          const column = Array.from({ length: count }, (_, i) => dataset.inputs[i * width + j]!);
          assert.ok(Math.min(...column) === 0);
          const max = Math.max(...column);
          assert.ok(max === 0 || Math.abs(max - 1) < 1e-6, `max ${max}`);
        }
      }),
      { numRuns: 50, seed: 2 },
    );
  });

  it("uses one mean and std for all values with per: all, as for images", () => {
    const d = table(5, [2, 3], (i, j) => i * 6 + j);
    const { dataset, stats } = normalize(d, { method: "standardize", per: "all" });
    assert.equal(stats.per, "all");
    assert.equal(stats.shift.length, 1);
    const [mean, std] = moments(dataset);
    assert.ok(Math.abs(mean) < 1e-6 && Math.abs(std - 1) < 1e-6);
  });

  it("applies the training set's stats to another set unchanged", () => {
    const train = table(10, [3], (i, j) => i + j * 100);
    const test = table(4, [3], (i, j) => 2 * i - j);
    const { stats } = normalize(train, { method: "standardize" });
    const { dataset, stats: used } = normalize(test, { stats });
    assert.deepEqual(used, stats);
    for (let i = 0; i < 4; i += 1) {
      for (let j = 0; j < 3; j += 1) {
        const expected = Math.fround((test.inputs[i * 3 + j]! - stats.shift[j]!) / stats.scale[j]!);
        assert.equal(dataset.inputs[i * 3 + j], expected);
      }
    }
  });

  it("divides by 255 with scale-255, and does not touch the input", () => {
    const raw = table(2, [2, 2], (i, j) => (i * 4 + j) * 30);
    const before = raw.inputs.slice();
    const { dataset, stats } = normalize(raw, { method: "scale-255" });
    assert.deepEqual(stats, { method: "scale-255", per: "all", shift: [0], scale: [255] });
    assert.deepEqual(
      Array.from(dataset.inputs),
      Array.from(before, (v) => Math.fround(v / 255)),
    );
    assert.deepEqual(raw.inputs, before);
  });

  it("maps a constant feature to 0 rather than dividing by zero", () => {
    const d = table(4, [2], (i, j) => (j === 0 ? 7 : i));
    for (const method of ["standardize", "min-max"] as const) {
      const { dataset } = normalize(d, { method });
      assert.deepEqual(
        [0, 2, 4, 6].map((k) => dataset.inputs[k]),
        [0, 0, 0, 0],
      );
    }
  });

  it("refuses a missing method, stats of the wrong size, and NaN in the data", () => {
    const d = table(3, [2], (i, j) => i + j);
    assertOneLineError(() => normalize(d, {}), /options\.method is required/, TypeError);
    assertOneLineError(
      () => normalize(d, { method: "zscore" as "standardize" }),
      /must be one of/,
      RangeError,
    );
    assertOneLineError(
      () =>
        normalize(d, {
          stats: { method: "standardize", per: "feature", shift: [0, 0, 0], scale: [1, 1, 1] },
        }),
      /shift has 3 values; per "feature" on samples of 2 values needs 2/,
      RangeError,
    );
    const bad = { ...d, inputs: Float32Array.of(1, 2, Number.NaN, 4, 5, 6) };
    assertOneLineError(
      () => normalize(bad, { method: "min-max" }),
      /inputs\[2\] \(sample 1, value 0 of it\) is NaN/,
      RangeError,
    );
  });
});
