import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readNpz } from "../formats/read-npz.js";
import { extractActivations } from "../onnx/extract-activations.js";
import { loadOnnxModel } from "../onnx/load-onnx-model.js";
import { readReference } from "../test-support/onnx-fixtures.js";
import { readTfjsReference } from "../test-support/tfjs-fixtures.js";
import { loadTfjsModel } from "../tfjs/load-tfjs-model.js";
import { ActivationCollector } from "./activation-collector.js";
import { writeActivationsNpz } from "./write-activations-npz.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-acts-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("writeActivationsNpz", () => {
  it("writes the same bytes in memory and streamed: the layers as named, then the labels", async () => {
    const reference = readReference("cnn");
    const model = await loadOnnxModel(reference.modelPath);
    const input = { count: 6, sampleShape: [28, 28], inputs: reference.input };
    const labels = Int32Array.of(3, 1, 4, 1, 5, 9);
    const layers = ["features.1", "/fc1/Gemm_output_0", "fc2"];
    const memory = join(dir, "memory.npz");
    const stream = join(dir, "stream.npz");
    const a = await writeActivationsNpz(model, input, layers, memory, { labels, batchSize: 4 });
    const b = await writeActivationsNpz(model, input, layers, stream, {
      labels,
      batchSize: 4,
      budgetBytes: 1000,
      zip64: "always",
    });
    assert.equal(a.mode, "memory");
    assert.equal(b.mode, "stream");
    assert.equal(a.activationBytes, 4 * 6 * (4 * 28 * 28 + 32 + 10 + 1));
    assert.deepEqual(a.arrays, [...layers, "labels"]);
    const fromMemory = readNpz(readFileSync(memory));
    assert.deepEqual(readNpz(readFileSync(stream)), fromMemory);
    assert.equal(a.fileBytes, readFileSync(memory).length);
    const collector = new ActivationCollector();
    await extractActivations(model, input, layers, { sink: collector });
    assert.deepEqual(
      fromMemory.map((array) => [array.name, array.shape]),
      [
        ["features.1", [6, 4, 28, 28]],
        ["/fc1/Gemm_output_0", [6, 32]],
        ["fc2", [6, 10]],
        ["labels", [6]],
      ],
    );
    for (const name of layers) {
      assert.deepEqual(fromMemory.find((x) => x.name === name)!.data, collector.get(name).data);
    }
    assert.deepEqual(fromMemory[3]!.data, labels);
    const withoutZip64 = join(dir, "plain.npz");
    await writeActivationsNpz(model, input, layers, withoutZip64, { labels, budgetBytes: 0 });
    assert.deepEqual(readFileSync(withoutZip64), readFileSync(memory));
    assert.deepEqual(readdirSync(dir).sort(), ["memory.npz", "plain.npz", "stream.npz"]);
  });

  it("leaves the labels out when a layer is called labels, and takes only `limit` samples", async () => {
    const reference = readTfjsReference("mlp");
    const model = await loadTfjsModel(reference.directory);
    const input = { count: 16, sampleShape: [4], inputs: reference.input };
    const path = join(dir, "labels.npz");
    const written = await writeActivationsNpz(model, input, ["fc1", "input"], path, {
      labels: new Int32Array(16),
      limit: 5,
    });
    assert.deepEqual(written.arrays, ["fc1", "input", "labels"]);
    const arrays = readNpz(readFileSync(path));
    assert.deepEqual(arrays[1]!.data, reference.input.subarray(0, 20));
    assert.deepEqual(arrays[2]!.shape, [5]);
    model.dispose();
  });

  it("removes its temporary files and writes nothing when the extraction fails midway", async () => {
    const sub = mkdtempSync(join(dir, "fail-"));
    const reference = readReference("mlp");
    const model = await loadOnnxModel(reference.modelPath);
    const inputs = reference.input.slice();
    inputs[4 * 10] = Number.NaN;
    const input = { count: 16, sampleShape: [4], inputs };
    for (const budgetBytes of [0, 2 ** 20]) {
      await assert.rejects(
        writeActivationsNpz(model, input, ["fc1"], join(sub, "out.npz"), {
          batchSize: 4,
          budgetBytes,
        }),
        /input sample 10 holds NaN/,
      );
      assert.deepEqual(readdirSync(sub), []);
    }
    await assert.rejects(
      writeActivationsNpz(model, input, ["fc1"], join(sub, "out.npz"), {
        labels: new Int32Array(3),
      }),
      { name: "RangeError", message: /options\.labels has 3 values for 16 samples/ },
    );
  });
});
