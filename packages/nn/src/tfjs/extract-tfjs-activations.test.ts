import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ActivationCollector } from "../activations/activation-collector.js";
import type { ActivationSink } from "../activations/activation-sink.js";
import { extractActivations } from "../onnx/extract-activations.js";
import { worstRelativeError } from "../test-support/onnx-fixtures.js";
import { readTfjsReference, TFJS_FIXTURES } from "../test-support/tfjs-fixtures.js";
import { extractTfjsActivations } from "./extract-tfjs-activations.js";
import { loadTfjsModel } from "./load-tfjs-model.js";

// References: scripts/fixtures/tfjs.mjs (the in-memory TF.js models that were
// saved to the fixture files) and scripts/fixtures/tfjs.py (PyTorch 1.13 from
// the weights in those files, float64).
const RELATIVE = 1e-4;
const FLOOR = 1e-2; // |difference| <= 1e-4 * max(|torch|, 0.01)

async function collect(
  directory: string,
  name: "mlp" | "cnn",
  options: { batchSize?: number; sampleShape?: readonly number[] } = {},
) {
  const reference = readTfjsReference(name);
  const model = await loadTfjsModel(directory);
  const collector = new ActivationCollector();
  const input = {
    count: reference.inputShape[0]!,
    sampleShape: options.sampleShape ?? reference.inputShape.slice(1),
    inputs: reference.input,
  };
  const layers = reference.tfjs.map((layer) => layer.name);
  const result = await extractTfjsActivations(model, input, layers, {
    sink: collector,
    batchSize: options.batchSize ?? 1,
  });
  model.dispose();
  return { reference, collector, result };
}

describe("extractTfjsActivations", () => {
  for (const [directory, name] of [
    ["mlp", "mlp"],
    ["cnn", "cnn"],
    ["graph-cnn", "cnn"],
  ] as const) {
    it(`gives the ${directory} model's activations as the in-memory TF.js model did, bit for bit`, async () => {
      const { reference, collector } = await collect(`${TFJS_FIXTURES}${directory}`, name);
      for (const layer of reference.tfjs) {
        const got = collector.get(layer.name);
        assert.deepEqual(got.sampleShape, layer.shape, layer.name);
        assert.deepEqual(got.data, layer.values, layer.name);
      }
    });

    it(`equals PyTorch on the same weights for every layer of ${directory} within 1e-4 relative`, async () => {
      const { reference, collector } = await collect(`${TFJS_FIXTURES}${directory}`, name, {
        batchSize: 256,
      });
      for (const layer of reference.torch) {
        const got = collector.get(layer.name).data;
        const worst = worstRelativeError(got, layer.values, RELATIVE, FLOOR);
        assert.ok(
          worst.ratio <= 1,
          `${directory} ${layer.name}: value ${worst.index} is ${got[worst.index]}, PyTorch's ${layer.values[worst.index]}`,
        );
      }
    });
  }

  it("takes the Graph model's layers by node name and by friendly name, and the input", async () => {
    const reference = readTfjsReference("cnn");
    const model = await loadTfjsModel(`${TFJS_FIXTURES}graph-cnn`);
    const collector = new ActivationCollector();
    const input = { count: 2, sampleShape: [28, 28], inputs: reference.input };
    await extractActivations(
      model,
      input,
      ["fc1", "StatefulPartitionedCall/sequential/fc1/Relu", "input", "Identity"],
      { sink: collector },
    );
    const fc1 = reference.tfjs.find((layer) => layer.name === "fc1")!.values;
    assert.deepEqual(collector.get("fc1").data, fc1);
    assert.deepEqual(collector.get("StatefulPartitionedCall/sequential/fc1/Relu").data, fc1);
    assert.deepEqual(collector.get("input").sampleShape, [28, 28, 1]);
    assert.deepEqual(collector.get("input").data, reference.input);
    assert.deepEqual(
      collector.get("Identity").data,
      reference.tfjs.find((layer) => layer.name === "fc2")!.values,
    );
    model.dispose();
  });

  it("feeds gray [28, 28] images to a [batch, 28, 28, 1] input as they are", async () => {
    const a = await collect(`${TFJS_FIXTURES}cnn`, "cnn");
    const b = await collect(`${TFJS_FIXTURES}cnn`, "cnn", { sampleShape: [28, 28] });
    assert.deepEqual(b.collector.get("fc2").data, a.collector.get("fc2").data);
  });

  it("calls the sink in order, reports progress per batch and stops when aborted", async () => {
    const reference = readTfjsReference("mlp");
    const model = await loadTfjsModel(`${TFJS_FIXTURES}mlp/model.json`);
    const input = { count: 16, sampleShape: [4], inputs: reference.input };
    const calls: string[] = [];
    const sink: ActivationSink = {
      begin: (layers, count) => {
        calls.push(
          `begin ${count} ${layers.map((l) => `${l.name}${JSON.stringify(l.sampleShape)}`)}`,
        );
      },
      onBatch: (layer, rows, _data, first) => {
        calls.push(`${layer} ${first}+${rows}`);
      },
      end: () => {
        calls.push("end");
      },
    };
    const progress: number[] = [];
    const result = await extractTfjsActivations(model, input, ["fc3", "fc1"], {
      sink,
      batchSize: 6,
      limit: 10,
      onProgress: (p) => progress.push(p.done),
    });
    assert.deepEqual(calls, [
      "begin 10 fc3[2],fc1[16]",
      "fc3 0+6",
      "fc1 0+6",
      "fc3 6+4",
      "fc1 6+4",
      "end",
    ]);
    assert.deepEqual(progress, [1, 2]);
    assert.equal(result.batches, 2);

    const controller = new AbortController();
    const reason = new Error("stop");
    const seen: number[] = [];
    await assert.rejects(
      extractTfjsActivations(model, input, ["fc1"], {
        sink: { onBatch: (_l, _r, _d, first) => void seen.push(first) },
        batchSize: 4,
        signal: controller.signal,
        onProgress: (p) => p.done === 1 && controller.abort(reason),
      }),
      (error) => error === reason,
    );
    assert.deepEqual(seen, [0]);
    model.dispose();
  });

  it("says what it expected for samples that do not fit, names close layers, refuses NaN", async () => {
    const model = await loadTfjsModel(`${TFJS_FIXTURES}cnn`);
    const sink = new ActivationCollector();
    await assert.rejects(
      extractActivations(
        model,
        { count: 1, sampleShape: [2], inputs: new Float32Array(2) },
        ["fc1"],
        {
          sink,
        },
      ),
      {
        name: "RangeError",
        message:
          /^samples of shape \[2\] do not fit the input "input" of .*cnn\/model\.json, of shape \[batch, 28, 28, 1\]; expected samples of shape \[28, 28, 1\]/,
      },
    );
    const images = { count: 2, sampleShape: [28, 28], inputs: new Float32Array(2 * 784) };
    await assert.rejects(extractActivations(model, images, ["fc3"], { sink }), {
      name: "RangeError",
      message: /^unknown layer "fc3" in .*cnn\/model\.json; the closest names are "fc1", "fc2"/,
    });
    images.inputs[784 + 5] = Number.NaN;
    await assert.rejects(extractActivations(model, images, ["fc1"], { sink, batchSize: 1 }), {
      name: "RangeError",
      message: /^extractActivations: input sample 1 holds NaN at value 5; expected finite numbers$/,
    });
    await assert.rejects(extractTfjsActivations({} as never, images, ["fc1"], { sink }), TypeError);
    model.dispose();
  });
});
