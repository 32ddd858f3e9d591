import { Tensor } from "onnxruntime-node";
import type { ModelInput } from "../activations/model-input.js";
import { planExtraction } from "../activations/plan-extraction.js";
import {
  type ActivationExtraction,
  type BatchedExtractionOptions,
  type BatchOutput,
  type LayerValues,
  runInBatches,
  throwIfAborted,
} from "../activations/run-in-batches.js";
import { runTfjsExtraction } from "../tfjs/extract-tfjs-activations.js";
import { TfjsModel } from "../tfjs/tfjs-model.js";
import { createOnnxSession, type OnnxSessionOptions } from "./create-onnx-session.js";
import { OnnxModel } from "./onnx-model.js";
import { withGraphOutputs } from "./with-graph-outputs.js";

export type { ActivationExtraction };

/**
 * Options of {@link extractActivations}: the batch options every model takes
 * (`sink`, `batchSize`, `limit`, `onProgress`, `signal`) and, for ONNX
 * models, the onnxruntime session's (`threads`, `optimization`; TF.js models
 * ignore them).
 */
export interface ExtractActivationsOptions extends BatchedExtractionOptions, OnnxSessionOptions {}

/**
 * Runs a model over samples in batches and delivers the activations of the
 * requested layers to a sink: for each layer, one row per sample holding its
 * tensor flattened (row-major), as float32 (tensors of other element types
 * are converted; a float64 tensor loses precision, an int64 beyond 2^24
 * exactness).
 *
 * ONNX and TF.js models take the same call: a `TfjsModel` (`loadTfjsModel`)
 * goes to `extractTfjsActivations`, which runs it on TF.js's wasm backend
 * (the session options `threads` and `optimization` do not apply there).
 * For an ONNX model, the layers are added to the graph's outputs (see `withGraphOutputs`) and
 * one onnxruntime session (CPU, `threads` threads) runs the batches one after
 * the other; results do not depend on the batch size beyond float rounding
 * and are the same from run to run. A layer may be asked for by its tensor
 * name or friendly name (`model.layer(name)`); a graph input's name gives the
 * samples as the model sees them.
 *
 * The samples' shape is fitted to the model's input as `inputLayout` says
 * (gray [H, W] images for a [N, 1, H, W] input, channels-last [H, W, C]
 * transposed to [N, C, H, W], flat vectors...). Memory: one batch of inputs
 * and of the requested activations at a time, plus what the sink keeps;
 * `estimateActivationBytes` tells what all of it would take.
 *
 * @param model - The model (`loadOnnxModel`, or `loadTfjsModel`), with one
 *   float32 input.
 * @param input - The samples ({@link ModelInput}; a `Dataset` is one); must be
 *   finite.
 * @param layerNames - The layers, each named once.
 * @param options - {@link ExtractActivationsOptions}: `sink` (required),
 *   `batchSize` 256, `limit` all, `threads` 1, `optimization` "extended",
 *   `onProgress`, `signal`.
 * @returns What was run and delivered.
 * @throws RangeError for an unknown layer (naming the closest names), samples
 *   that do not fit the input (saying expected vs got), a NaN or infinite
 *   input value, a layer without a leading batch axis; TypeError for
 *   arguments of the wrong kind; the signal's reason when aborted.
 *
 * @example
 * const model = await loadOnnxModel("cnn.onnx");
 * const images = { count: 2, sampleShape: [28, 28], inputs: new Float32Array(2 * 784) };
 * const collector = new ActivationCollector();
 * await extractActivations(model, images, ["features.1", "fc1"], { sink: collector });
 * collector.get("fc1").data; // 2 x 32 values
 */
export async function extractActivations(
  model: OnnxModel | TfjsModel,
  input: ModelInput,
  layerNames: readonly string[],
  options: ExtractActivationsOptions,
): Promise<ActivationExtraction> {
  const where = "extractActivations";
  if (model instanceof TfjsModel) {
    return runTfjsExtraction(where, model, input, layerNames, options);
  }
  if (!(model instanceof OnnxModel)) {
    throw new TypeError(
      `${where}: model must be an OnnxModel (from loadOnnxModel) or a TfjsModel (from loadTfjsModel)`,
    );
  }
  const plan = planExtraction(where, model, input, layerNames, options);
  const { checked, layers, requested, modelInput, layout } = plan;

  const fetches = [
    ...new Set(layers.filter((l) => l.layer.opType !== "Input").map((l) => l.layer.tensorName)),
  ];
  const outputs = new Set(model.outputs);
  throwIfAborted(checked.signal);
  const session = await createOnnxSession(
    withGraphOutputs(
      model.bytes,
      fetches.filter((name) => !outputs.has(name)),
    ),
    model.source,
    options,
  );
  try {
    return await runInBatches(where, input, layout, requested, checked, async (fedData, fed) => {
      const feed = new Tensor("float32", fedData, [fed, ...layout.sampleShape]);
      // Only inputs asked for: nothing to run (onnxruntime refuses an empty fetch list).
      const results =
        fetches.length === 0 ? {} : await session.run({ [modelInput.tensorName]: feed }, fetches);
      return layers.map(({ name, layer }): BatchOutput => {
        if (layer.opType === "Input") return { dims: [fed, ...layout.sampleShape], data: fedData };
        const tensor = results[layer.tensorName];
        if (!tensor) throw new Error(`onnxruntime returned no ${layer.tensorName}`);
        if (tensor.type === "string" || tensor.type === "float16") {
          throw new RangeError(
            `${where}: layer ${JSON.stringify(name)} holds ${tensor.type} values; expected a numeric tensor nettopo can read as float32`,
          );
        }
        return { dims: tensor.dims, data: tensor.data as LayerValues };
      });
    });
  } finally {
    await session.release();
  }
}
