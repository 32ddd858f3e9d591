import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ActivationCollector } from "../activations/activation-collector.js";
import type { ActivationLayer, ActivationSink } from "../activations/activation-sink.js";
import { readReference, worstRelativeError } from "../test-support/onnx-fixtures.js";
import { tinyOnnx } from "../test-support/tiny-onnx.js";
import { extractActivations } from "./extract-activations.js";
import { loadOnnxModel, onnxModelFromBytes } from "./load-onnx-model.js";

// PyTorch's activations: scripts/fixtures/onnx.py (Debian's python3-torch 1.13,
// forward hooks on every module, the model exported with torch.onnx.export).
const RELATIVE = 1e-4;
const FLOOR = 1e-2; // |difference| <= 1e-4 * max(|torch|, 0.01): an absolute floor of 1e-6

/** Collects `layers` of a reference model's input batch. */
async function collect(
  name: "mlp" | "cnn" | "view",
  layers: readonly string[],
  options: {
    batchSize?: number;
    threads?: number;
    optimization?: "disabled" | "all";
    sampleShape?: readonly number[];
  } = {},
) {
  const reference = readReference(name);
  const model = await loadOnnxModel(reference.modelPath);
  const collector = new ActivationCollector();
  const input = {
    count: reference.inputShape[0]!,
    sampleShape: options.sampleShape ?? reference.inputShape.slice(1),
    inputs: reference.input,
  };
  const result = await extractActivations(model, input, layers, { sink: collector, ...options });
  return { reference, collector, result };
}

describe("extractActivations", () => {
  for (const name of ["mlp", "cnn", "view"] as const) {
    for (const by of ["friendly", "tensor"] as const) {
      it(`equals PyTorch's forward hooks on the ${name} for every module, asked by ${by} name`, async () => {
        const reference = readReference(name);
        // By tensor name, features and features.5 are one tensor: ask once.
        const names = [...new Set(reference.layers.map((layer) => layer[by]))];
        const { collector } = await collect(name, names, { batchSize: 4 });
        for (const layer of reference.layers) {
          const got = collector.get(layer[by]);
          assert.equal(got.tensorName, layer.tensor, `${layer.module}: the tensor`);
          assert.deepEqual(got.sampleShape, layer.shape, `${layer.module}: the shape`);
          assert.equal(got.data.length, layer.values.length);
          const worst = worstRelativeError(got.data, layer.values, RELATIVE, FLOOR);
          assert.ok(
            worst.ratio <= 1,
            `${layer.friendly}: value ${worst.index} is ${got.data[worst.index]}, PyTorch's ${layer.values[worst.index]}`,
          );
        }
      });
    }
  }

  it("gives the same activations for every batch size, thread count and optimization level", async () => {
    const layers = ["features.0", "features.3", "fc1", "fc2"];
    const runs = await Promise.all(
      [
        { batchSize: 1 },
        { batchSize: 4 },
        { batchSize: 256 },
        { batchSize: 3, threads: 2 },
        { batchSize: 5, optimization: "all" as const },
        { batchSize: 6, optimization: "disabled" as const },
      ].map(async (options) => ({
        ...(await collect("cnn", layers, options)),
        optimization: "optimization" in options,
      })),
    );
    for (const layer of layers) {
      const first = runs[0]!.collector.get(layer).data;
      for (const run of runs.slice(1)) {
        // Another optimization level sums in another order (blocked NCHWc
        // convolutions...): equal to the PyTorch tolerance; otherwise to 1e-6.
        const tolerance = run.optimization ? RELATIVE : 1e-6;
        const worst = worstRelativeError(run.collector.get(layer).data, first, tolerance, 1e-3);
        assert.ok(worst.ratio <= 1, `${layer}: value ${worst.index} differs`);
      }
    }
  });

  it("is deterministic: two runs give identical bits", async () => {
    const a = await collect("cnn", ["fc1"], { batchSize: 4 });
    const b = await collect("cnn", ["fc1"], { batchSize: 4 });
    assert.deepEqual(a.collector.get("fc1").data, b.collector.get("fc1").data);
  });

  it("takes gray [28, 28] and channels-last [28, 28, 1] images for a [N, 1, 28, 28] input", async () => {
    const nchw = await collect("cnn", ["fc2"]);
    const gray = await collect("cnn", ["fc2"], { sampleShape: [28, 28] });
    const last = await collect("cnn", ["fc2"], { sampleShape: [28, 28, 1] });
    assert.deepEqual(gray.collector.get("fc2").data, nchw.collector.get("fc2").data);
    assert.deepEqual(last.collector.get("fc2").data, nchw.collector.get("fc2").data);
  });

  it("transposes channels-last [H, W, C] samples to the model's [C, H, W]", async () => {
    const model = await onnxModelFromBytes(
      tinyOnnx(
        { name: "x", shape: ["N", 3, 2, 2] },
        [{ opType: "Identity", name: "/id/Identity", inputs: ["x"], outputs: ["y"] }],
        ["y"],
      ),
      "identity.onnx",
    );
    // Sample s, pixel p (row-major over 2 x 2), channel c holds 100 s + 10 p + c.
    const count = 2;
    const inputs = new Float32Array(count * 12);
    for (let s = 0; s < count; s += 1) {
      for (let p = 0; p < 4; p += 1) {
        for (let c = 0; c < 3; c += 1) inputs[s * 12 + p * 3 + c] = 100 * s + 10 * p + c;
      }
    }
    const collector = new ActivationCollector();
    await extractActivations(model, { count, sampleShape: [2, 2, 3], inputs }, ["id", "x"], {
      sink: collector,
    });
    const y = collector.get("id");
    assert.deepEqual(y.sampleShape, [3, 2, 2]);
    for (let s = 0; s < count; s += 1) {
      for (let c = 0; c < 3; c += 1) {
        for (let p = 0; p < 4; p += 1) {
          assert.equal(y.data[s * 12 + c * 4 + p], 100 * s + 10 * p + c);
        }
      }
    }
    // The input asked for by name: the samples as the model sees them.
    assert.deepEqual(collector.get("x").data, y.data);
  });

  it("runs a model with a fixed batch size in batches of that size, padding the last", async () => {
    const model = await onnxModelFromBytes(
      tinyOnnx(
        { name: "x", shape: [3, 2] },
        [{ opType: "Relu", name: "/relu/Relu", inputs: ["x"], outputs: ["y"] }],
        ["y"],
      ),
      "fixed.onnx",
    );
    const inputs = Float32Array.from({ length: 14 }, (_, i) => i - 7);
    const collector = new ActivationCollector();
    const result = await extractActivations(
      model,
      { count: 7, sampleShape: [2], inputs },
      ["relu"],
      {
        sink: collector,
        batchSize: 256,
      },
    );
    assert.equal(result.batches, 3);
    assert.deepEqual(
      collector.get("relu").data,
      inputs.map((v) => Math.max(v, 0)),
    );
  });

  it("reports progress once per batch and takes only `limit` samples", async () => {
    const reference = readReference("mlp");
    const model = await loadOnnxModel(reference.modelPath);
    const progress: string[] = [];
    const rows: number[] = [];
    const sink: ActivationSink = {
      onBatch(_layer, count, data, firstRow) {
        rows.push(firstRow, count, data.length);
      },
    };
    const input = { count: 16, sampleShape: [4], inputs: reference.input };
    const result = await extractActivations(model, input, ["fc1"], {
      sink,
      batchSize: 5,
      limit: 12,
      onProgress: (p) => progress.push(`${p.stage} ${p.done}/${p.total}`),
    });
    assert.deepEqual(progress, ["activations 1/3", "activations 2/3", "activations 3/3"]);
    assert.deepEqual(rows, [0, 5, 80, 5, 5, 80, 10, 2, 32]);
    assert.equal(result.count, 12);
    assert.equal(result.batches, 3);
  });

  it("calls the sink's begin once with every layer's shape, then the batches, then end", async () => {
    const reference = readReference("cnn");
    const model = await loadOnnxModel(reference.modelPath);
    const calls: string[] = [];
    let layout: readonly ActivationLayer[] = [];
    const sink: ActivationSink = {
      begin(layers, count) {
        layout = layers;
        calls.push(`begin ${count}`);
      },
      onBatch(layer, rows, _data, first) {
        calls.push(`${layer} ${first}+${rows}`);
      },
      end() {
        calls.push("end");
      },
    };
    const input = { count: 6, sampleShape: [28, 28], inputs: reference.input };
    await extractActivations(model, input, ["features", "/fc1/Gemm_output_0"], {
      sink,
      batchSize: 4,
    });
    assert.deepEqual(calls, [
      "begin 6",
      "features 0+4",
      "/fc1/Gemm_output_0 0+4",
      "features 4+2",
      "/fc1/Gemm_output_0 4+2",
      "end",
    ]);
    assert.deepEqual(layout, [
      {
        name: "features",
        tensorName: "/features/features.5/MaxPool_output_0",
        sampleShape: [8, 7, 7],
        columns: 392,
      },
      {
        name: "/fc1/Gemm_output_0",
        tensorName: "/fc1/Gemm_output_0",
        sampleShape: [32],
        columns: 32,
      },
    ]);
  });

  it("stops between batches when the signal aborts, with the signal's reason", async () => {
    const reference = readReference("mlp");
    const model = await loadOnnxModel(reference.modelPath);
    const controller = new AbortController();
    const batches: number[] = [];
    let ended = false;
    const sink: ActivationSink = {
      onBatch(_layer, _rows, _data, first) {
        batches.push(first);
      },
      end() {
        ended = true;
      },
    };
    const reason = new Error("stop here");
    const input = { count: 16, sampleShape: [4], inputs: reference.input };
    await assert.rejects(
      extractActivations(model, input, ["fc1"], {
        sink,
        batchSize: 4,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 2) controller.abort(reason);
        },
      }),
      (error) => error === reason,
    );
    assert.deepEqual(batches, [0, 4]);
    assert.equal(ended, false);
  });

  it("names the closest layers when a name is unknown", async () => {
    const reference = readReference("cnn");
    const model = await loadOnnxModel(reference.modelPath);
    const input = { count: 6, sampleShape: [28, 28], inputs: reference.input };
    await assert.rejects(
      extractActivations(model, input, ["fc1", "fc3"], { sink: new ActivationCollector() }),
      (error: Error) => {
        assert.ok(error instanceof RangeError);
        assert.match(
          error.message,
          /^unknown layer "fc3" in .*cnn\.onnx; the closest names are "fc1", "fc2"/,
        );
        assert.doesNotMatch(error.message, /\n/);
        return true;
      },
    );
  });

  it("says which sample shape it expected when the samples do not fit the input", async () => {
    const reference = readReference("cnn");
    const model = await loadOnnxModel(reference.modelPath);
    const input = { count: 2, sampleShape: [3, 32, 32], inputs: new Float32Array(2 * 3 * 32 * 32) };
    await assert.rejects(
      extractActivations(model, input, ["fc1"], { sink: new ActivationCollector() }),
      {
        name: "RangeError",
        message:
          /^samples of shape \[3, 32, 32\] do not fit the input "input" of .*cnn\.onnx, of shape \[batch, 1, 28, 28\]; expected samples of shape \[1, 28, 28\] \(or \[28, 28\] gray, or \[28, 28, 1\] channels-last\)$/,
      },
    );
  });

  it("refuses NaN in the samples, naming the sample", async () => {
    const reference = readReference("mlp");
    const model = await loadOnnxModel(reference.modelPath);
    const inputs = reference.input.slice();
    inputs[4 * 9 + 2] = Number.NaN;
    await assert.rejects(
      extractActivations(model, { count: 16, sampleShape: [4], inputs }, ["fc1"], {
        sink: new ActivationCollector(),
        batchSize: 4,
      }),
      {
        name: "RangeError",
        message: /input sample 9 holds NaN at value 2; expected finite numbers/,
      },
    );
  });

  it("refuses a layer asked for twice, and arguments of the wrong kind", async () => {
    const reference = readReference("mlp");
    const model = await loadOnnxModel(reference.modelPath);
    const input = { count: 16, sampleShape: [4], inputs: reference.input };
    const sink = new ActivationCollector();
    await assert.rejects(extractActivations(model, input, ["fc1", "fc1"], { sink }), {
      name: "RangeError",
      message: /layer "fc1" is asked for twice/,
    });
    await assert.rejects(extractActivations(model, input, [], { sink }), TypeError);
    await assert.rejects(
      extractActivations(model, { ...input, inputs: new Float64Array(64) as never }, ["fc1"], {
        sink,
      }),
      { name: "TypeError", message: /input\.inputs must be a Float32Array; got Float64Array/ },
    );
    await assert.rejects(extractActivations(model, { ...input, count: 15 }, ["fc1"], { sink }), {
      name: "RangeError",
      message: /input\.inputs has 64 values; expected count x sample size = 15 x 4 = 60/,
    });
    await assert.rejects(
      extractActivations(model, input, ["fc1"], { sink, batchSize: 0 }),
      RangeError,
    );
    await assert.rejects(extractActivations(model, input, ["fc1"], {} as never), TypeError);
    await assert.rejects(
      extractActivations(model, input, ["fc1"], { sink, optimization: "most" as never }),
      {
        name: "RangeError",
        message: /options\.optimization must be one of disabled, basic, extended, all; got "most"/,
      },
    );
    await assert.rejects(extractActivations(model, input, ["fc1"], { sink, threads: 0 }), {
      name: "RangeError",
      message: /options\.threads must be an integer >= 1; got 0/,
    });
  });
});
