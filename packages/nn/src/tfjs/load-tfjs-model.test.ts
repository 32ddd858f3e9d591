import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { estimateActivationBytes } from "../onnx/estimate-activation-bytes.js";
import { TFJS_FIXTURES } from "../test-support/tfjs-fixtures.js";
import { ensureWasmBackend } from "./backend.js";
import { fileSystemLoader } from "./file-system-loader.js";
import { loadTfjsModel } from "./load-tfjs-model.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-tfjs-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a fixture model's directory, to damage. */
function copyOf(model: string): string {
  const target = join(dir, `${model}-${Math.random().toString(36).slice(2)}`);
  cpSync(`${TFJS_FIXTURES}${model}`, target, { recursive: true });
  return target;
}

const summary = (model: Awaited<ReturnType<typeof loadTfjsModel>>) =>
  model
    .layers()
    .map(
      (l) =>
        `${l.friendlyName ?? "-"} ${l.tensorName} ${l.opType} ${l.elementType} ${JSON.stringify(l.shape)}`,
    );

describe("loadTfjsModel", () => {
  it("lists a Layers model's input and layers with their classes and output shapes", async () => {
    const model = await loadTfjsModel(`${TFJS_FIXTURES}cnn/model.json`);
    assert.equal(model.format, "layers-model");
    assert.deepEqual(model.outputs, ["fc2"]);
    assert.deepEqual(summary(model), [
      '- input Input float32 ["batch",28,28,1]',
      'conv1 conv1 Conv2D float32 ["batch",28,28,4]',
      'pool1 pool1 MaxPooling2D float32 ["batch",14,14,4]',
      'conv2 conv2 Conv2D float32 ["batch",14,14,8]',
      'bn2 bn2 BatchNormalization float32 ["batch",14,14,8]',
      'relu2 relu2 Activation float32 ["batch",14,14,8]',
      'pool2 pool2 MaxPooling2D float32 ["batch",7,7,8]',
      'flatten flatten Flatten float32 ["batch",392]',
      'fc1 fc1 Dense float32 ["batch",16]',
      'fc2 fc2 Dense float32 ["batch",10]',
    ]);
    // The static shapes give the memory estimate, as for ONNX models.
    assert.equal(estimateActivationBytes(model, ["conv1", "fc1"], 10), 4 * 10 * (28 * 28 * 4 + 16));
    model.dispose();
  });

  it("lists a Graph model's nodes with the Keras layer names and the shapes of a run on zeros", async () => {
    const model = await loadTfjsModel(`${TFJS_FIXTURES}graph-cnn`);
    assert.equal(model.format, "graph-model");
    assert.deepEqual(model.outputs, ["Identity"]);
    const s = "StatefulPartitionedCall/sequential";
    assert.deepEqual(summary(model), [
      '- input Input float32 ["batch",28,28,1]',
      `conv1 ${s}/conv1/Relu _FusedConv2D float32 ["batch",28,28,4]`,
      `pool1 ${s}/pool1/MaxPool MaxPool float32 ["batch",14,14,4]`,
      `conv2 ${s}/conv2/BiasAdd _FusedConv2D float32 ["batch",14,14,8]`,
      `bn2 ${s}/bn2/FusedBatchNormV3 FusedBatchNormV3 float32 ["batch",14,14,8]`,
      `relu2 ${s}/relu2/Relu Relu float32 ["batch",14,14,8]`,
      `pool2 ${s}/pool2/MaxPool MaxPool float32 ["batch",7,7,8]`,
      `flatten ${s}/flatten/Reshape Reshape float32 ["batch",392]`,
      `fc1 ${s}/fc1/Relu _FusedMatMul float32 ["batch",16]`,
      `fc2 ${s}/fc2/BiasAdd _FusedMatMul float32 ["batch",10]`,
      '- Identity Identity float32 ["batch",10]',
    ]);
    assert.equal(model.layer("conv1").tensorName, `${s}/conv1/Relu`);
    assert.equal(model.layer(`${s}/conv1/Relu`).friendlyName, "conv1");
    assert.throws(() => model.layer("conv3"), {
      name: "RangeError",
      message:
        /^unknown layer "conv3" in .*graph-cnn\/model\.json; the closest names are "conv1", "conv2"/,
    });
    model.dispose();
  });

  it("reads the weights through a file-system IO handler, shards concatenated in order", async () => {
    const artifacts = await fileSystemLoader(`${TFJS_FIXTURES}cnn/model.json`).load!();
    const shards = [1, 2].map((k) => readFileSync(`${TFJS_FIXTURES}cnn/group1-shard${k}of2.bin`));
    const expected = new Uint8Array(Buffer.concat(shards));
    assert.deepEqual(new Uint8Array(artifacts.weightData as ArrayBuffer), expected);
    assert.equal(artifacts.weightSpecs?.[0]?.name, "conv1/kernel");
    // TF.js itself loads through it.
    const tf = await ensureWasmBackend();
    assert.equal(tf.getBackend(), "wasm");
    const model = await tf.loadLayersModel(fileSystemLoader(`${TFJS_FIXTURES}mlp/model.json`));
    assert.equal(model.layers.length, 6);
    model.dispose();
  });

  it("refuses a truncated or missing weight shard in one line", async () => {
    const truncated = copyOf("cnn");
    truncateSync(join(truncated, "group1-shard2of2.bin"), 1000);
    await assert.rejects(loadTfjsModel(truncated), {
      name: "RangeError",
      message:
        /^cannot load TF.js model ".*model\.json": truncated weights: the weight files "group1-shard1of2\.bin", "group1-shard2of2\.bin" hold 14652 bytes; the manifest's weights need 27304$/,
    });
    const missing = copyOf("mlp");
    rmSync(join(missing, "weights.bin"));
    await assert.rejects(loadTfjsModel(missing), {
      name: "RangeError",
      message:
        /^cannot load TF.js model ".*": cannot read its weight file "weights\.bin" \(no such file\)$/,
    });
  });

  it("refuses files that are not TF.js models, weights from URLs, and models TF.js cannot build", async () => {
    const path = join(dir, "model.json");
    writeFileSync(path, "{ not json");
    await assert.rejects(loadTfjsModel(path), {
      name: "RangeError",
      message: /^cannot load TF.js model ".*model\.json": model\.json is not valid JSON/,
    });
    writeFileSync(path, '{"format": "layers-model"}');
    await assert.rejects(loadTfjsModel(path), /model\.json has no modelTopology/);
    const json = JSON.parse(readFileSync(`${TFJS_FIXTURES}mlp/model.json`, "utf8"));
    json.weightsManifest[0].paths = ["https://example.com/weights.bin"];
    writeFileSync(path, JSON.stringify(json));
    await assert.rejects(
      loadTfjsModel(path),
      /weight path "https:\/\/example\.com\/weights\.bin" is not a relative file path/,
    );
    const unknown = copyOf("mlp");
    const topology = JSON.parse(readFileSync(join(unknown, "model.json"), "utf8"));
    topology.modelTopology.config.layers[1].class_name = "NoSuchLayer";
    writeFileSync(join(unknown, "model.json"), JSON.stringify(topology));
    await assert.rejects(loadTfjsModel(unknown), (error: Error) => {
      assert.ok(error instanceof RangeError);
      assert.match(
        error.message,
        /^cannot load TF.js model ".*": TF.js cannot build it \(.*NoSuchLayer/,
      );
      assert.doesNotMatch(error.message, /\n/);
      return true;
    });
    await assert.rejects(loadTfjsModel(join(dir, "none")), { code: "ENOENT" });
    await assert.rejects(loadTfjsModel(3 as never), TypeError);
  });
});
