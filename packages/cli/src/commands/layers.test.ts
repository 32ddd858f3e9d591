import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { runCli } from "../test-support/run-cli.js";

// Made by scripts/fixtures/onnx.py (PyTorch 1.13's torch.onnx.export).
const FIXTURES = fileURLToPath(new URL("../../../../fixtures/onnx/", import.meta.url));
// Made by scripts/fixtures/tfjs.mjs (TF.js 4.22).
const TFJS = fileURLToPath(new URL("../../../../fixtures/tfjs/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "nettopo-layers-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("nettopo layers", () => {
  it("prints a table of the MLP's layers: friendly name, tensor name, op type, type, shape", () => {
    const { status, stdout, stderr } = runCli(["layers", `${FIXTURES}mlp.onnx`]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    assert.equal(
      stdout,
      [
        "NAME    TENSOR                 OP     TYPE     SHAPE",
        "-       input                  Input  float32  [batch, 4]",
        "fc1     /fc1/Gemm_output_0     Gemm   float32  [batch, 16]",
        "relu    /relu/Relu_output_0    Relu   float32  [batch, 16]",
        "fc2     /fc2/Gemm_output_0     Gemm   float32  [batch, 16]",
        "relu_1  /relu_1/Relu_output_0  Relu   float32  [batch, 16]",
        "fc3     logits                 Gemm   float32  [batch, 2]",
        "",
      ].join("\n"),
    );
  });

  it("adds an ALIASES column when a container's output is a child's", () => {
    const { status, stdout } = runCli(["layers", `${FIXTURES}cnn.onnx`]);
    assert.equal(status, 0);
    const lines = stdout.trimEnd().split("\n");
    assert.match(lines[0]!, /^NAME +TENSOR +OP +TYPE +SHAPE +ALIASES$/);
    assert.match(
      lines[7]!,
      /^features\.5 +\/features\/features\.5\/MaxPool_output_0 +MaxPool +float32 +\[batch, 8, 7, 7\] +features$/,
    );
    assert.equal(lines.length, 12);
  });

  it("prints JSON with --format json", () => {
    const { status, stdout } = runCli(["layers", "--format", "json", `${FIXTURES}cnn.onnx`]);
    assert.equal(status, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(json.outputs, ["logits"]);
    assert.equal(json.layers.length, 11);
    assert.deepEqual(json.layers[0], {
      friendlyName: null,
      aliases: [],
      tensorName: "input",
      opType: "Input",
      nodeName: "",
      outputIndex: 0,
      elementType: "float32",
      shape: ["batch", 1, 28, 28],
    });
    assert.deepEqual(json.layers[6], {
      friendlyName: "features.5",
      aliases: ["features"],
      tensorName: "/features/features.5/MaxPool_output_0",
      opType: "MaxPool",
      nodeName: "/features/features.5/MaxPool",
      outputIndex: 0,
      elementType: "float32",
      shape: ["batch", 8, 7, 7],
    });
  });

  it("lists a TF.js Layers model (model.json) and a Graph model (its directory)", () => {
    const layersModel = runCli(["layers", `${TFJS}mlp/model.json`]);
    assert.equal(layersModel.status, 0, layersModel.stderr);
    assert.equal(
      layersModel.stdout,
      [
        "NAME   TENSOR  OP          TYPE     SHAPE",
        "-      input   Input       float32  [batch, 4]",
        "fc1    fc1     Dense       float32  [batch, 16]",
        "fc2    fc2     Dense       float32  [batch, 16]",
        "relu2  relu2   Activation  float32  [batch, 16]",
        "fc3    fc3     Dense       float32  [batch, 2]",
        "probs  probs   Activation  float32  [batch, 2]",
        "",
      ].join("\n"),
    );
    const graph = runCli(["layers", "--format", "json", `${TFJS}graph-cnn`]);
    assert.equal(graph.status, 0, graph.stderr);
    const json = JSON.parse(graph.stdout);
    assert.deepEqual(json.outputs, ["Identity"]);
    assert.deepEqual(json.layers[1], {
      friendlyName: "conv1",
      aliases: [],
      tensorName: "StatefulPartitionedCall/sequential/conv1/Relu",
      opType: "_FusedConv2D",
      nodeName: "StatefulPartitionedCall/sequential/conv1/Relu",
      outputIndex: 0,
      elementType: "float32",
      shape: ["batch", 28, 28, 4],
    });
  });

  it("exits 1 with one line for a file that is not an ONNX model, or none", () => {
    const corrupt = join(dir, "corrupt.onnx");
    writeFileSync(corrupt, "not a model at all\n");
    let result = runCli(["layers", corrupt]);
    assert.equal(result.status, 1);
    assertOneLineError(
      result.stderr,
      /cannot load ONNX model ".*corrupt\.onnx": not an ONNX model/,
    );
    result = runCli(["layers", join(dir, "missing.onnx")]);
    assert.equal(result.status, 1);
    assertOneLineError(result.stderr, /cannot read ".*missing\.onnx": no such file/);
  });

  it("exits 2 for bad usage", () => {
    let result = runCli(["layers"]);
    assert.equal(result.status, 2);
    assertOneLineError(result.stderr, /layers needs a MODEL file/);
    result = runCli(["layers", "--format", "yaml", `${FIXTURES}mlp.onnx`]);
    assert.equal(result.status, 2);
    assertOneLineError(result.stderr, /--format "yaml" is not known; expected one of table, json/);
    result = runCli(["layers", "--help"]);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: nettopo layers/);
  });
});
