/**
 * The batch loop shared by the activation extractors of ONNX and TF.js
 * models (internal): options, input checks, batching and padding, the sink's
 * calls in their documented order, progress and cancellation.
 */

import type { AbortSignalLike, Progress } from "@nettopo/core";
import { formatShape, type InputLayout, layBatch } from "../onnx/input-layout.js";
import type { ActivationLayer, ActivationSink } from "./activation-sink.js";
import type { ModelInput } from "./model-input.js";

/** The options every activation extractor takes. */
export interface BatchedExtractionOptions {
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

/** What an activation extraction did. */
export interface ActivationExtraction {
  /** Samples run. */
  readonly count: number;
  /** Batches run. */
  readonly batches: number;
  /** The layers delivered, as the sink's `begin` saw them. */
  readonly layers: readonly ActivationLayer[];
}

/** The checked options, with their defaults filled in. */
export interface CheckedBatchOptions {
  readonly sink: ActivationSink;
  readonly batchSize: number;
  readonly limit: number;
  readonly onProgress: ((progress: Progress) => void) | undefined;
  readonly signal: AbortSignalLike | undefined;
}

/** Numeric values a model returns for one layer and batch. */
export type LayerValues =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/** One layer's output for one batch: its shape (batch axis first) and values. */
export interface BatchOutput {
  readonly dims: readonly number[];
  readonly data: LayerValues;
}

/** A resolved requested layer: the name asked for and the tensor it is. */
export interface RequestedLayer {
  readonly name: string;
  readonly tensorName: string;
}

/**
 * Checks the options of an extractor (TypeError / RangeError naming `where`).
 * @param count - The number of samples: the default `limit`.
 */
export function checkBatchOptions(
  where: string,
  options: BatchedExtractionOptions,
  count: number,
): CheckedBatchOptions {
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
  return {
    sink,
    onProgress,
    signal,
    batchSize: integerOption(`${where}: options.batchSize`, options.batchSize, 256),
    limit: integerOption(`${where}: options.limit`, options.limit, count),
  };
}

/**
 * Checks the requested layer names: a non-empty array of distinct strings.
 * @returns The names, each resolved by `resolve` (which throws for an unknown one).
 */
export function resolveLayerNames<T>(
  where: string,
  names: readonly string[],
  resolve: (name: string) => T,
): { name: string; layer: T }[] {
  if (!Array.isArray(names) || names.length === 0) {
    throw new TypeError(
      `${where}: layerNames must be a non-empty array of layer names (model.layers() lists them)`,
    );
  }
  const seen = new Set<string>();
  return names.map((name) => {
    if (typeof name !== "string") {
      throw new TypeError(`${where}: layer names must be strings; got ${typeof name}`);
    }
    if (seen.has(name)) {
      throw new RangeError(`${where}: layer ${JSON.stringify(name)} is asked for twice`);
    }
    seen.add(name);
    return { name, layer: resolve(name) };
  });
}

/**
 * Runs `run` over the samples in batches and delivers each requested layer's
 * rows to the sink: `begin` after the first batch (with the shapes it gave),
 * one `onBatch` per layer and batch in order, `end` after the last. Between
 * batches it yields to the event loop (so that a signal handler, e.g. for
 * Ctrl-C, runs even when the model computes synchronously) and checks the
 * abort signal.
 *
 * @param run - Runs the model on `fed` samples laid out as the model wants
 *   (`fed` x `layout.size` values) and returns one output per requested
 *   layer, in order; the values must stay valid until the next call.
 */
export async function runInBatches(
  where: string,
  input: ModelInput,
  layout: InputLayout,
  layers: readonly RequestedLayer[],
  options: CheckedBatchOptions,
  run: (fed: Float32Array, count: number) => Promise<readonly BatchOutput[]>,
): Promise<ActivationExtraction> {
  const { sink, signal, onProgress } = options;
  const size = layout.size;
  const total = Math.min(options.limit, input.count);
  if (total === 0) throw new RangeError(`${where}: input has no samples; expected at least one`);
  const batch = layout.fixedBatch ?? options.batchSize;
  const batches = Math.ceil(total / batch);
  const buffer = new Float32Array(layout.kind === "as-is" && !layout.fixedBatch ? 0 : batch * size);
  let delivered: ActivationLayer[] = [];
  for (let b = 0; b < batches; b += 1) {
    if (b > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    throwIfAborted(signal);
    const first = b * batch;
    const rows = Math.min(batch, total - first);
    const fed = layout.fixedBatch ?? rows;
    requireFinite(where, input.inputs, first, rows, size);
    let fedData: Float32Array;
    if (layout.kind === "as-is" && rows === fed) {
      // The samples are already in the model's layout: no copy.
      fedData = input.inputs.subarray(first * size, (first + rows) * size);
    } else {
      layBatch(layout, input.inputs, first, rows, buffer);
      if (rows < fed) buffer.fill(0, rows * size);
      fedData = buffer.subarray(0, fed * size);
    }
    const values = await run(fedData, fed);
    values.forEach(({ dims }, k) => {
      if (dims.length === 0 || dims[0] !== fed) {
        const { name, tensorName } = layers[k]!;
        throw new RangeError(
          `${where}: layer ${JSON.stringify(name)} (tensor ${tensorName}) has shape ${formatShape(dims)} for a batch of ${fed}; expected the batch axis first`,
        );
      }
    });
    if (b === 0) {
      delivered = layers.map(({ name, tensorName }, k) => {
        const sampleShape = values[k]!.dims.slice(1);
        return { name, tensorName, sampleShape, columns: sampleShape.reduce((x, y) => x * y, 1) };
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

/** Throws the signal's reason (or an AbortError) when it has aborted. */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) {
    if (signal.reason !== undefined) throw signal.reason;
    const error = new Error("The operation was aborted");
    error.name = "AbortError";
    throw error;
  }
}

/** RangeError at the first NaN or infinity among samples first..first+rows-1. */
function requireFinite(
  where: string,
  values: Float32Array,
  first: number,
  rows: number,
  size: number,
): void {
  const end = (first + rows) * size;
  for (let i = first * size; i < end; i += 1) {
    const v = values[i]!;
    if (v - v !== 0) {
      const sample = Math.floor(i / size);
      throw new RangeError(
        `${where}: input sample ${sample} holds ${v} at value ${i - sample * size}; expected finite numbers`,
      );
    }
  }
}

/** The first `length` values as float32 (converted when the model gave another type). */
function asFloat32(data: LayerValues, length: number): Float32Array {
  if (data instanceof Float32Array) return data.subarray(0, length);
  const out = new Float32Array(length);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    for (let i = 0; i < length; i += 1) out[i] = Number(data[i]!);
  } else {
    out.set(data.subarray(0, length));
  }
  return out;
}
