import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { ONNX_FIXTURES } from "../test-support/onnx-fixtures.js";
import { tinyOnnx } from "../test-support/tiny-onnx.js";
import { loadOnnxModel, onnxModelFromBytes } from "./load-onnx-model.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-onnx-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Asserts a one-line RangeError naming `path`. */
async function assertLoadError(path: string, pattern: RegExp): Promise<void> {
  await assert.rejects(loadOnnxModel(path), (error: Error) => {
    assert.ok(error instanceof RangeError, `expected a RangeError, got ${error.name}`);
    assert.doesNotMatch(error.message, /[\r\n]/);
    assert.ok(error.message.includes(JSON.stringify(path)), error.message);
    assert.match(error.message, pattern);
    return true;
  });
}

describe("loadOnnxModel", () => {
  it("lists the CNN's input and every layer with op type, tensor name, shape and friendly name", async () => {
    const model = await loadOnnxModel(`${ONNX_FIXTURES}cnn.onnx`);
    const rows = model
      .layers()
      .map((l) =>
        [
          l.friendlyName ?? "-",
          l.tensorName,
          l.opType,
          l.elementType,
          JSON.stringify(l.shape),
        ].join(" "),
      );
    assert.deepEqual(rows, [
      '- input Input float32 ["batch",1,28,28]',
      'features.0 /features/features.0/Conv_output_0 Conv float32 ["batch",4,28,28]',
      'features.1 /features/features.1/Relu_output_0 Relu float32 ["batch",4,28,28]',
      'features.2 /features/features.2/MaxPool_output_0 MaxPool float32 ["batch",4,14,14]',
      'features.3 /features/features.3/Conv_output_0 Conv float32 ["batch",8,14,14]',
      'features.4 /features/features.4/Relu_output_0 Relu float32 ["batch",8,14,14]',
      'features.5 /features/features.5/MaxPool_output_0 MaxPool float32 ["batch",8,7,7]',
      'flatten /flatten/Flatten_output_0 Flatten float32 ["batch",392]',
      'fc1 /fc1/Gemm_output_0 Gemm float32 ["batch",32]',
      'relu /relu/Relu_output_0 Relu float32 ["batch",32]',
      'fc2 logits Gemm float32 ["batch",10]',
    ]);
    assert.deepEqual(model.layer("features").tensorName, "/features/features.5/MaxPool_output_0");
    assert.deepEqual(model.layer("features.5").aliases, ["features"]);
    assert.deepEqual(model.outputs, ["logits"]);
    assert.equal(model.inputs[0]!.tensorName, "input");
  });

  it("names the two calls of one ReLU module relu and relu_1, as PyTorch's scopes do", async () => {
    const model = await loadOnnxModel(`${ONNX_FIXTURES}mlp.onnx`);
    assert.equal(model.layer("relu").tensorName, "/relu/Relu_output_0");
    assert.equal(model.layer("relu_1").tensorName, "/relu_1/Relu_output_0");
    assert.equal(model.layer("fc3").tensorName, "logits");
  });

  it("completes the shapes shape inference leaves unknown by running the model (a view)", async () => {
    const model = await loadOnnxModel(`${ONNX_FIXTURES}view.onnx`);
    // x.view(x.size(0), -1): onnxruntime's inference gives no shape for the Reshape.
    assert.deepEqual(model.layer("Reshape").shape, ["batch", 72]);
    assert.deepEqual(model.layer("fc").shape, ["batch", 3]);
    assert.deepEqual(model.layer("Shape").shape, [4]);
    assert.equal(model.layer("Shape").elementType, "int64");
  });

  it("gives one-line errors naming the file for files that are not ONNX models", async () => {
    const empty = join(dir, "empty.onnx");
    writeFileSync(empty, "");
    await assertLoadError(empty, /not an ONNX model \(the file is empty\)/);
    const text = join(dir, "text.onnx");
    writeFileSync(text, '{"layers": [1, 2, 3]}\n');
    await assertLoadError(text, /not an ONNX model/);
    const random = join(dir, "random.onnx");
    const bytes = new Uint8Array(4096);
    let state = 12345;
    for (let i = 0; i < bytes.length; i += 1) {
      state = (state * 1103515245 + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    writeFileSync(random, bytes);
    await assertLoadError(random, /not an ONNX model|onnxruntime failed/);
  });

  it("gives a one-line error naming the file for a truncated model", async () => {
    const whole = readFileSync(`${ONNX_FIXTURES}cnn.onnx`);
    const truncated = join(dir, "truncated.onnx");
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await assertLoadError(truncated, /not an ONNX model \(protobuf decoding failed: /);
  });

  it("gives a one-line error with onnxruntime's reason for a model that fails to load", async () => {
    const bytes = tinyOnnx(
      { name: "x", shape: ["N", 2] },
      [{ opType: "NoSuchOperator", name: "/odd/NoSuchOperator", inputs: ["x"], outputs: ["y"] }],
      ["y"],
    );
    const path = join(dir, "unknown-op.onnx");
    writeFileSync(path, bytes);
    await assertLoadError(path, /onnxruntime failed: .*NoSuchOperator/);
  });

  it("passes the file system's error on for a missing file", async () => {
    await assert.rejects(loadOnnxModel(join(dir, "missing.onnx")), { code: "ENOENT" });
  });

  it("reads a model from bytes", async () => {
    const model = await onnxModelFromBytes(readFileSync(`${ONNX_FIXTURES}mlp.onnx`), "mlp bytes");
    assert.equal(model.source, "mlp bytes");
    assert.equal(model.layers().length, 6);
  });
});
