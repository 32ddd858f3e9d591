import type { AbortSignalLike, Progress } from "@nettopo/core";
import { Tensor } from "onnxruntime-node";
import type { ActivationLayer, ActivationSink } from "../activations/activation-sink.js";
import { type ModelInput, requireModelInput } from "../activations/model-input.js";
import { createOnnxSession, type OnnxSessionOptions } from "./create-onnx-session.js";
import { formatShape, inputLayout, layBatch } from "./input-layout.js";
import { type OnnxLayer, OnnxModel } from "./onnx-model.js";
import { withGraphOutputs } from "./with-graph-outputs.js";

/** Options of {@link extractActivations}. */
export interface ExtractActivationsOptions extends OnnxSessionOptions {
  /** Receives the activations batch by batch (e.g. an `ActivationCollector`); required. */
  readonly sink: ActivationSink;
  /**
   * Samples per run of the model; default 256. A model whose input fixes the
   * batch size runs with that size (the last batch padded with zeros, whose
   * outputs are dropped) whatever this says.
   */
  readonly batchSize?: number;
  /** Only the first `limit` samples; default all of them. */
  readonly limit?: number;
  /** Called after each batch: stage `"activations"`, `done` of `total` batches; default none. */
  readonly onProgress?: (progress: Progress) => void;
  /** Stops between batches, throwing the signal's reason; default none. */
  readonly signal?: AbortSignalLike;
}

/** What {@link extractActivations} did. */
export interface ActivationExtraction {
  /** Samples run. */
  readonly count: number;
  /** Batches run. */
  readonly batches: number;
  /** The layers delivered, as the sink's `begin` saw them. */
  readonly layers: readonly ActivationLayer[];
}

/**
 * Runs a model over samples in batches and delivers the activations of the
 * requested layers to a sink: for each layer, one row per sample holding its
 * tensor flattened (row-major), as float32 (tensors of other element types
 * are converted; a float64 tensor loses precision, an int64 beyond 2^24
 * exactness).
 *
 * The layers are added to the graph's outputs (see `withGraphOutputs`) and
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
 * @param model - The model (`loadOnnxModel`), with one float32 input.
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
  model: OnnxModel,
  input: ModelInput,
  layerNames: readonly string[],
  options: ExtractActivationsOptions,
): Promise<ActivationExtraction> {
  const where = "extractActivations";
  if (!(model instanceof OnnxModel)) {
    throw new TypeError(`${where}: model must be an OnnxModel (from loadOnnxModel)`);
  }
  const size = requireModelInput(`${where}: input`, input);
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${where}: options must be an object with a sink`);
  }
  const { sink, signal, onProgress } = options;
  if (typeof sink !== "object" || sink === null || typeof sink.onBatch !== "function") {
    throw new TypeError(`${where}: options.sink must be an object with an onBatch method`);
  }
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new TypeError(`${where}: options.onProgress must be a function`);
  }
  const batchSize = integerOption(`${where}: options.batchSize`, options.batchSize, 256);
  const limit = integerOption(`${where}: options.limit`, options.limit, input.count);
  const layers = resolveLayers(model, layerNames);

  if (model.inputs.length !== 1) {
    throw new RangeError(
      `${where}: ${model.source} has ${model.inputs.length} inputs (${model.inputs.map((i) => i.tensorName).join(", ")}); expected a model with one input`,
    );
  }
  const modelInput = model.inputs[0]!;
  const describeInput = `the input ${JSON.stringify(modelInput.tensorName)} of ${model.source}`;
  if (modelInput.elementType !== "float32") {
    throw new RangeError(
      `${where}: ${describeInput} takes ${modelInput.elementType}; expected a float32 input`,
    );
  }
  const layout = inputLayout(
    modelInput.shape ?? [null, ...input.sampleShape],
    input.sampleShape,
    describeInput,
  );
  if (layout.size !== size) throw new Error("inputLayout: sample size mismatch");
  const total = Math.min(limit, input.count);
  if (total === 0) throw new RangeError(`${where}: input has no samples; expected at least one`);
  const batch = layout.fixedBatch ?? batchSize;
  const batches = Math.ceil(total / batch);

  const fetches = [
    ...new Set(layers.filter((l) => l.layer.opType !== "Input").map((l) => l.layer.tensorName)),
  ];
  const outputs = new Set(model.outputs);
  throwIfAborted(signal);
  const session = await createOnnxSession(
    withGraphOutputs(
      model.bytes,
      fetches.filter((name) => !outputs.has(name)),
    ),
    model.source,
    options,
  );
  try {
    const buffer = new Float32Array(
      layout.kind === "as-is" && !layout.fixedBatch ? 0 : batch * size,
    );
    let delivered: ActivationLayer[] = [];
    for (let b = 0; b < batches; b += 1) {
      throwIfAborted(signal);
      const first = b * batch;
      const rows = Math.min(batch, total - first);
      const fed = layout.fixedBatch ?? rows;
      requireFinite(input.inputs, first, rows, size);
      let fedData: Float32Array;
      if (layout.kind === "as-is" && rows === fed) {
        // The samples are already in the model's layout: no copy.
        fedData = input.inputs.subarray(first * size, (first + rows) * size);
      } else {
        layBatch(layout, input.inputs, first, rows, buffer);
        if (rows < fed) buffer.fill(0, rows * size);
        fedData = buffer.subarray(0, fed * size);
      }
      const feed = new Tensor("float32", fedData, [fed, ...layout.sampleShape]);
      const results = await session.run({ [modelInput.tensorName]: feed }, fetches);
      const values = layers.map(({ name, layer }) => {
        if (layer.opType === "Input") return { dims: [fed, ...layout.sampleShape], data: fedData };
        const tensor = results[layer.tensorName];
        if (!tensor) throw new Error(`onnxruntime returned no ${layer.tensorName}`);
        if (tensor.dims.length === 0 || tensor.dims[0] !== fed) {
          throw new RangeError(
            `${where}: layer ${JSON.stringify(name)} (tensor ${layer.tensorName}) has shape ${formatShape(tensor.dims)} for a batch of ${fed}; expected the batch axis first`,
          );
        }
        if (tensor.type === "string" || tensor.type === "float16") {
          throw new RangeError(
            `${where}: layer ${JSON.stringify(name)} holds ${tensor.type} values; expected a numeric tensor nettopo can read as float32`,
          );
        }
        return { dims: tensor.dims, data: tensor.data };
      });
      if (b === 0) {
        delivered = layers.map(({ name, layer }, k) => {
          const sampleShape = values[k]!.dims.slice(1);
          return {
            name,
            tensorName: layer.tensorName,
            sampleShape,
            columns: sampleShape.reduce((x, y) => x * y, 1),
          };
        });
        await sink.begin?.(delivered, total);
      }
      for (let k = 0; k < layers.length; k += 1) {
        const { dims, data } = values[k]!;
        const layer = delivered[k]!;
        if (
          dims.length - 1 !== layer.sampleShape.length ||
          dims.some((d, a) => a > 0 && d !== layer.sampleShape[a - 1])
        ) {
          throw new RangeError(
            `${where}: layer ${JSON.stringify(layer.name)} has shape ${formatShape(dims)} in batch ${b + 1}, ${formatShape([fed, ...layer.sampleShape])} in the first; expected the same shape per sample`,
          );
        }
        await sink.onBatch(layer.name, rows, asFloat32(data, rows * layer.columns), first);
      }
      onProgress?.({ stage: "activations", done: b + 1, total: batches });
    }
    await sink.end?.();
    return { count: total, batches, layers: delivered };
  } finally {
    await session.release();
  }
}

/** The layers, each checked and resolved once; RangeError for a repeat or an unknown name. */
function resolveLayers(
  model: OnnxModel,
  names: readonly string[],
): { name: string; layer: OnnxLayer }[] {
  if (!Array.isArray(names) || names.length === 0) {
    throw new TypeError(
      "extractActivations: layerNames must be a non-empty array of layer names (model.layers() lists them)",
    );
  }
  const seen = new Set<string>();
  return names.map((name) => {
    if (typeof name !== "string") {
      throw new TypeError(`extractActivations: layer names must be strings; got ${typeof name}`);
    }
    if (seen.has(name)) {
      throw new RangeError(`extractActivations: layer ${JSON.stringify(name)} is asked for twice`);
    }
    seen.add(name);
    return { name, layer: model.layer(name) };
  });
}

function integerOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number")
    throw new TypeError(`${name} must be a number; got ${typeof value}`);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be an integer >= 1; got ${value}`);
  }
  return value;
}

function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) {
    if (signal.reason !== undefined) throw signal.reason;
    const error = new Error("The operation was aborted");
    error.name = "AbortError";
    throw error;
  }
}

/** RangeError at the first NaN or infinity among samples first..first+rows-1. */
function requireFinite(values: Float32Array, first: number, rows: number, size: number): void {
  const end = (first + rows) * size;
  for (let i = first * size; i < end; i += 1) {
    const v = values[i]!;
    if (v - v !== 0) {
      const sample = Math.floor(i / size);
      throw new RangeError(
        `extractActivations: input sample ${sample} holds ${v} at value ${i - sample * size}; expected finite numbers`,
      );
    }
  }
}

/** The first `length` values as float32 (converted when the tensor holds another type). */
function asFloat32(data: Tensor.DataType, length: number): Float32Array {
  if (data instanceof Float32Array) return data.subarray(0, length);
  const out = new Float32Array(length);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    for (let i = 0; i < length; i += 1) out[i] = Number(data[i]!);
  } else {
    out.set((data as Float64Array).subarray(0, length));
  }
  return out;
}
