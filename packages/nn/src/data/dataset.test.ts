import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError } from "../test-support/errors.js";
import { createDataset } from "./dataset.js";

const square = {
  name: "square",
  sampleShape: [2],
  inputs: Float32Array.of(0, 0, 1, 0, 1, 1, 0, 1),
  labels: Int32Array.of(0, 1, 0, 1),
  classNames: ["even", "odd"],
};

describe("createDataset", () => {
  it("derives the count from the inputs and keeps the arrays without copying", () => {
    const d = createDataset(square);
    assert.equal(d.count, 4);
    assert.equal(d.inputs, square.inputs);
    assert.equal(d.labels, square.labels);
    assert.deepEqual(d.sampleShape, [2]);
  });

  it("names the sample holding NaN or an infinity", () => {
    const inputs = square.inputs.slice();
    inputs[5] = Number.NaN;
    assertOneLineError(
      () => createDataset({ ...square, inputs }),
      /^createDataset: fields\.inputs\[5\] \(sample 2, value 1 of it\) is NaN; expected finite numbers$/,
      RangeError,
    );
    inputs[5] = Number.NEGATIVE_INFINITY;
    assertOneLineError(() => createDataset({ ...square, inputs }), /is -Infinity/, RangeError);
  });

  it("refuses a label count that does not match, labels out of range, and shapes that do not fit", () => {
    assertOneLineError(
      () => createDataset({ ...square, labels: Int32Array.of(0, 1, 0) }),
      /labels has 3 values for 4 samples; expected one per sample/,
      RangeError,
    );
    assertOneLineError(
      () => createDataset({ ...square, labels: Int32Array.of(0, 1, 2, 1) }),
      /labels\[2\] is 2; expected a class index in \[0, 1\] \(2 class names\)/,
      RangeError,
    );
    assertOneLineError(
      () => createDataset({ ...square, labels: Int32Array.of(0, -1, 0, 0), classNames: undefined }),
      /labels\[1\] is -1/,
      RangeError,
    );
    assertOneLineError(
      () => createDataset({ ...square, sampleShape: [3] }),
      /inputs has 8 values, not a multiple of the sample size 3 \(sampleShape \(3,\)\)/,
      RangeError,
    );
    assertOneLineError(
      () => createDataset({ ...square, sampleShape: [2, 0] }),
      /sampleShape\[1\] must be an integer >= 1/,
      RangeError,
    );
    assertOneLineError(
      () => createDataset({ ...square, sampleShape: [] }),
      /non-empty array/,
      TypeError,
    );
  });

  it("refuses inputs that are not float32 rather than casting them", () => {
    assertOneLineError(
      () =>
        createDataset({
          ...square,
          inputs: Float64Array.from(square.inputs) as unknown as Float32Array,
        }),
      /must be a Float32Array \(models run in float32; convert explicitly/,
      TypeError,
    );
    assertOneLineError(
      () =>
        createDataset({ ...square, labels: Float64Array.of(0, 1, 0, 1) as unknown as Int32Array }),
      /labels must be an Int32Array/,
      TypeError,
    );
    assertOneLineError(
      () => createDataset(null as unknown as typeof square),
      /data set object/,
      TypeError,
    );
  });
});
