import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inputLayout, layBatch } from "./input-layout.js";

describe("inputLayout", () => {
  it("takes samples of the input's own shape as they are, symbolic sizes matching any", () => {
    assert.deepEqual(inputLayout(["batch", 1, 28, 28], [1, 28, 28], "x"), {
      kind: "as-is",
      sampleShape: [1, 28, 28],
      size: 784,
      fixedBatch: undefined,
    });
    assert.equal(inputLayout(["n", "c", "h"], [5, 7], "x").kind, "as-is");
  });

  it("takes gray [H, W] images for [N, 1, H, W] and [N, H, W, 1] inputs", () => {
    assert.deepEqual(inputLayout(["N", 1, 28, 28], [28, 28], "x").sampleShape, [1, 28, 28]);
    assert.deepEqual(inputLayout(["N", 28, 28, 1], [28, 28], "x").sampleShape, [28, 28, 1]);
  });

  it("transposes channels-last [H, W, C] images for an [N, C, H, W] input (C > 1)", () => {
    assert.deepEqual(inputLayout([8, 3, 32, 32], [32, 32, 3], "x"), {
      kind: "channels-last",
      sampleShape: [3, 32, 32],
      size: 3072,
      fixedBatch: 8,
    });
    assert.equal(inputLayout(["N", 1, 28, 28], [28, 28, 1], "x").kind, "as-is");
  });

  it("flattens samples for a flat input of as many values", () => {
    assert.deepEqual(inputLayout(["N", 784], [28, 28], "x").sampleShape, [784]);
  });

  it("says what it expected and what it got when the samples do not fit", () => {
    assert.throws(() => inputLayout(["N", 4], [5], 'the input "x" of mlp.onnx'), {
      name: "RangeError",
      message:
        'samples of shape [5] do not fit the input "x" of mlp.onnx, of shape [N, 4]; expected samples of shape [4] (or any shape of 4 values)',
    });
    assert.throws(() => inputLayout(["N", 3, 32, 32], [32, 32], "x"), {
      message:
        "samples of shape [32, 32] do not fit x, of shape [N, 3, 32, 32]; expected samples of shape [3, 32, 32] (or [32, 32, 3] channels-last)",
    });
  });
});

describe("layBatch", () => {
  it("copies samples as they are, or transposes [H, W, C] to [C, H, W]", () => {
    const source = Float32Array.from({ length: 2 * 6 }, (_, i) => i);
    const target = new Float32Array(6);
    layBatch(inputLayout(["N", 6], [6], "x"), source, 1, 1, target);
    assert.deepEqual([...target], [6, 7, 8, 9, 10, 11]);
    // One sample of 1 x 3 pixels with 2 channels: pixel p channel c at 2p + c.
    layBatch(inputLayout(["N", 2, 1, 3], [1, 3, 2], "x"), source, 1, 1, target);
    assert.deepEqual([...target], [6, 8, 10, 7, 9, 11]);
  });
});
