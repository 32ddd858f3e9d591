import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ONNX_FIXTURES } from "../test-support/onnx-fixtures.js";
import { tinyOnnx } from "../test-support/tiny-onnx.js";
import { estimateActivationBytes } from "./estimate-activation-bytes.js";
import { loadOnnxModel, onnxModelFromBytes } from "./load-onnx-model.js";

describe("estimateActivationBytes", () => {
  it("is 4 bytes x samples x values per sample, summed over the layers", async () => {
    const model = await loadOnnxModel(`${ONNX_FIXTURES}cnn.onnx`);
    assert.equal(
      estimateActivationBytes(model, ["features.1", "fc1"], 10000),
      4 * 10000 * (4 * 28 * 28 + 32),
    );
    assert.equal(estimateActivationBytes(model, ["input"], 3), 4 * 3 * 784);
    assert.equal(estimateActivationBytes(model, [], 3), 0);
    assert.throws(() => estimateActivationBytes(model, ["fc9"], 3), /unknown layer "fc9"/);
  });

  it("counts the batch axis of a model with a fixed batch", async () => {
    const model = await onnxModelFromBytes(
      tinyOnnx(
        { name: "x", shape: [3, 5] },
        [{ opType: "Relu", name: "/r/Relu", inputs: ["x"], outputs: ["y"] }],
        ["y"],
      ),
    );
    assert.equal(estimateActivationBytes(model, ["r"], 7), 4 * 7 * 5);
  });

  it("refuses a layer whose size per sample is unknown before running", async () => {
    // A Reshape to a shape computed at run time: no static shape.
    const model = await onnxModelFromBytes(
      tinyOnnx(
        { name: "x", shape: ["N", 6] },
        [
          { opType: "Shape", name: "/s/Shape", inputs: ["x"], outputs: ["shape"] },
          { opType: "Reshape", name: "/r/Reshape", inputs: ["x", "shape"], outputs: ["y"] },
        ],
        ["y"],
      ),
    );
    // Running it on zeros gives the shape back: [N, 6].
    assert.equal(estimateActivationBytes(model, ["r"], 2), 4 * 2 * 6);
    assert.throws(() => estimateActivationBytes(model, ["s"], 2), {
      name: "RangeError",
      message: /the size per sample of layer "s" is not known before running \(shape \[2\]\)/,
    });
  });
});
