import type { GraphModel, LayersModel, SymbolicTensor, Tensor } from "@tensorflow/tfjs";
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
import { ensureWasmBackend } from "./backend.js";
import { executeGraph } from "./execute-graph.js";
import { type TfjsLayer, TfjsModel } from "./tfjs-model.js";

/**
 * Runs a TF.js model (`loadTfjsModel`) over samples in batches on the wasm
 * backend and delivers the activations of the requested layers to a sink,
 * exactly as `extractActivations` does for an ONNX model (and
 * `extractActivations` calls this for a `TfjsModel`): one row per sample and
 * layer, its tensor flattened row-major, as float32 (int32 and bool tensors
 * converted).
 *
 * A Layers model runs as a multi-output `tf.model` over the requested
 * layers' outputs (one forward pass per batch for all of them, `predict`
 * mode: dropout off, batch norm with its moving statistics); a Graph model
 * through `execute` with the requested node names (`executeAsync` for
 * graphs with control flow). Samples are fitted to the input as
 * `inputLayout` says: TF.js models take channels-last images, so
 * Fashion-MNIST's [28, 28] samples feed a [batch, 28, 28, 1] input as they
 * are. Asking for an input gives the samples as the model sees them.
 *
 * @param model - The model, with one float32 input.
 * @param input - The samples ({@link ModelInput}; a `Dataset` is one); must be finite.
 * @param layerNames - The layers (tensor names or friendly names), each named once.
 * @param options - `sink` (required), `batchSize` 256, `limit` all,
 *   `onProgress`, `signal` (see `BatchedExtractionOptions`).
 * @returns What was run and delivered.
 * @throws RangeError for an unknown layer (naming the closest names), samples
 *   that do not fit the input (saying expected vs got), a NaN or infinite
 *   input value, a layer of string or complex values; TypeError for
 *   arguments of the wrong kind; the signal's reason when aborted.
 *
 * @example
 * const model = await loadTfjsModel("fixtures/tfjs/cnn/model.json");
 * const collector = new ActivationCollector();
 * await extractTfjsActivations(model, images, ["conv1", "fc1"], { sink: collector });
 * collector.get("conv1").sampleShape; // [28, 28, 4]
 */
export function extractTfjsActivations(
  model: TfjsModel,
  input: ModelInput,
  layerNames: readonly string[],
  options: BatchedExtractionOptions,
): Promise<ActivationExtraction> {
  return runTfjsExtraction("extractTfjsActivations", model, input, layerNames, options);
}

/** {@link extractTfjsActivations}, naming `where` in its messages (internal). */
export async function runTfjsExtraction(
  where: string,
  model: TfjsModel,
  input: ModelInput,
  layerNames: readonly string[],
  options: BatchedExtractionOptions,
): Promise<ActivationExtraction> {
  if (!(model instanceof TfjsModel)) {
    throw new TypeError(`${where}: model must be a TfjsModel (from loadTfjsModel)`);
  }
  const plan = planExtraction(where, model, input, layerNames, options);
  const { checked, layers, requested, modelInput, layout } = plan;
  throwIfAborted(checked.signal);
  const tf = await ensureWasmBackend();

  // The distinct tensors to compute, and where each requested layer finds its values.
  const fetched: TfjsLayer[] = [];
  const slot = layers.map(({ layer }) => {
    if (layer.opType === "Input") return -1;
    const k = fetched.findIndex((f) => f.tensorName === layer.tensorName);
    if (k >= 0) return k;
    fetched.push(layer);
    return fetched.length - 1;
  });
  let compute: (x: Tensor) => Promise<Tensor[]>;
  if (fetched.length === 0) {
    compute = async () => [];
  } else if (model.format === "layers-model") {
    const layersModel = model.model as LayersModel;
    const outputs = fetched.map((layer) => {
      const output = layersModel.getLayer(layer.nodeName).getOutputAt(0) as
        | SymbolicTensor
        | SymbolicTensor[];
      return Array.isArray(output) ? output[layer.outputIndex]! : output;
    });
    const probe = tf.model({ inputs: layersModel.inputs, outputs });
    compute = async (x) => {
      const result = probe.predict(x) as Tensor | Tensor[];
      return Array.isArray(result) ? result : [result];
    };
  } else {
    const graphModel = model.model as GraphModel;
    const names = fetched.map((layer) => layer.tensorName);
    compute = (x) => executeGraph(graphModel, { [modelInput.tensorName]: x }, names);
  }

  return runInBatches(where, input, layout, requested, checked, async (fedData, fed) => {
    const dims = [fed, ...layout.sampleShape];
    const x = tf.tensor(fedData, dims, "float32");
    let results: Tensor[] = [];
    try {
      results = await compute(x);
      const values = results.map((tensor, k): BatchOutput => {
        if (tensor.dtype === "string" || tensor.dtype === "complex64") {
          const name = requested[slot.indexOf(k)]?.name ?? fetched[k]!.tensorName;
          throw new RangeError(
            `${where}: layer ${JSON.stringify(name)} holds ${tensor.dtype} values; expected a numeric tensor nettopo can read as float32`,
          );
        }
        return { dims: tensor.shape, data: tensor.dataSync() as LayerValues };
      });
      return slot.map((k) => (k < 0 ? { dims, data: fedData } : values[k]!));
    } finally {
      tf.dispose([x, ...results]);
    }
  });
}
