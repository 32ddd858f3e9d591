import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { ONNX_FIXTURES } from "../test-support/onnx-fixtures.js";
import { withGraphOutputs } from "./with-graph-outputs.js";

describe("withGraphOutputs", () => {
  it("gives the same model with the outputs appended to the graph's, as onnxruntime reads it", async () => {
    const bytes = new Uint8Array(readFileSync(`${ONNX_FIXTURES}mlp.onnx`));
    const copy = Uint8Array.from(bytes);
    const added = withGraphOutputs(bytes, ["/fc1/Gemm_output_0", "/relu/Relu_output_0"]);
    assert.deepEqual(bytes, copy, "the input is not changed");
    assert.deepEqual(added.subarray(0, bytes.length), copy, "the model's bytes come first");
    const session = await InferenceSession.create(added);
    try {
      assert.deepEqual(session.outputNames, [
        "logits",
        "/fc1/Gemm_output_0",
        "/relu/Relu_output_0",
      ]);
      const x = Float32Array.of(1, -2, 0.5, 3);
      const out = await session.run({ input: new Tensor("float32", x, [1, 4]) });
      assert.deepEqual(out["/fc1/Gemm_output_0"]!.dims, [1, 16]);
      assert.deepEqual(
        [...(out["/relu/Relu_output_0"]!.data as Float32Array)],
        [...(out["/fc1/Gemm_output_0"]!.data as Float32Array)].map((v) => Math.max(v, 0)),
      );
    } finally {
      await session.release();
    }
  });

  it("returns the model itself when no output is added", () => {
    const bytes = new Uint8Array([8, 7]);
    assert.equal(withGraphOutputs(bytes, []), bytes);
  });
});
