import { mkdtemp, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { encodeElements, NATIVE_LITTLE_ENDIAN } from "../formats/element-codec.js";
import { formatNpyHeader } from "../formats/npy-header.js";
import { type NpyStreamWriter, openNpyStreamWriter } from "../formats/npy-stream-writer.js";
import { type NpzFileEntry, writeNpzFile } from "../formats/write-npz-file.js";
import { type ExtractActivationsOptions, extractActivations } from "../onnx/extract-activations.js";
import type { OnnxModel } from "../onnx/onnx-model.js";
import type { TfjsModel } from "../tfjs/tfjs-model.js";
import { describe } from "../validate.js";
import { ActivationCollector, DEFAULT_ACTIVATION_BUDGET_BYTES } from "./activation-collector.js";
import type { ActivationLayer, ActivationSink } from "./activation-sink.js";
import type { ModelInput } from "./model-input.js";
import type { ActivationExtraction } from "./run-in-batches.js";

/** Options of {@link writeActivationsNpz}. */
export interface WriteActivationsNpzOptions extends Omit<ExtractActivationsOptions, "sink"> {
  /**
   * The most bytes the activations (and labels) may take in memory; default
   * {@link DEFAULT_ACTIVATION_BUDGET_BYTES} (1 GiB). Within it they are
   * collected in memory and written once; beyond it each layer streams to a
   * temporary .npy file and the .npz is assembled from those files.
   * `onProgress` also receives the assembly: stage `"npz"`, bytes.
   */
  readonly budgetBytes?: number;
  /**
   * Class labels, one per input sample, written as the int32 array `labels`
   * (the first `count` of them) unless a layer is asked for by that name;
   * default none.
   */
  readonly labels?: Int32Array;
  /**
   * Where the streamed .npy files go (a fresh subdirectory, removed at the
   * end); default the output's directory (the same file system, which has
   * to hold them and the .npz: twice the activations at the peak).
   */
  readonly temporaryDirectory?: string;
  /** zip64 records: `"auto"` (default, where needed) or `"always"`; see `writeNpzFile`. */
  readonly zip64?: "auto" | "always";
}

/** What {@link writeActivationsNpz} wrote. */
export interface ActivationsNpzWritten extends ActivationExtraction {
  /** `"memory"` (collected, then written) or `"stream"` (through temporary .npy files). */
  readonly mode: "memory" | "stream";
  /** The arrays' names in the file, in order (the layers as asked for, then `labels` if written). */
  readonly arrays: readonly string[];
  /** 4 x samples x values per sample over all the arrays: what memory mode holds. */
  readonly activationBytes: number;
  /** The size of the .npz file. */
  readonly fileBytes: number;
}

/**
 * Extracts activations (as `extractActivations`, ONNX or TF.js model) and
 * writes them to an .npz file: one float32 array per layer, keyed by the
 * name it was asked for, of shape [count, ...sampleShape], then `labels`.
 *
 * Memory stays within the budget: when the activations fit (4 bytes x
 * samples x values, decided exactly once the first batch has given every
 * layer's shape), they are collected in memory and streamed into the .npz
 * without a copy; otherwise each layer goes to its own .npy file as the
 * batches come (`openNpyStreamWriter`), and the .npz is assembled from those
 * files chunk by chunk (`writeNpzFile`; zip64 beyond 4 GiB). Both ways give
 * the same bytes. The file is replaced atomically (temporary file, rename):
 * an error or an abort (between batches, or between chunks while writing)
 * leaves no output and no temporary file.
 *
 * @param model - An `OnnxModel` or a `TfjsModel`.
 * @param input - The samples; must be finite.
 * @param layerNames - The layers, each named once.
 * @param path - The .npz file to write.
 * @param options - {@link WriteActivationsNpzOptions}: `budgetBytes` 1 GiB,
 *   `labels` none, `temporaryDirectory` the output's, `zip64` "auto", and
 *   the options of `extractActivations` but the sink (`batchSize` 256,
 *   `limit` all, `threads` 1, `optimization` "extended", `onProgress`,
 *   `signal`).
 * @returns What was written.
 * @throws As `extractActivations`; the file system's errors; the signal's
 *   reason when aborted.
 *
 * @example
 * const model = await loadModel("cnn.onnx");
 * const data = await fashionMnist({ split: "test" });
 * const { dataset } = normalize(data, { method: "scale-255" });
 * await writeActivationsNpz(model, dataset, ["features.1", "fc1"], "acts.npz", {
 *   labels: dataset.labels,
 * });
 */
export async function writeActivationsNpz(
  model: OnnxModel | TfjsModel,
  input: ModelInput,
  layerNames: readonly string[],
  path: string,
  options: WriteActivationsNpzOptions = {},
): Promise<ActivationsNpzWritten> {
  const where = "writeActivationsNpz";
  if (typeof path !== "string" || path === "") {
    throw new TypeError(`${where}: path must be a non-empty string; got ${describe(path)}`);
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${where}: options must be an object; got ${describe(options)}`);
  }
  const budget = options.budgetBytes ?? DEFAULT_ACTIVATION_BUDGET_BYTES;
  if (typeof budget !== "number" || !(budget >= 0)) {
    throw new RangeError(
      `${where}: options.budgetBytes must be a number >= 0; got ${describe(budget)}`,
    );
  }
  const { labels, temporaryDirectory = dirname(path), zip64 = "auto" } = options;
  if (labels !== undefined && !(labels instanceof Int32Array)) {
    throw new TypeError(`${where}: options.labels must be an Int32Array; got ${describe(labels)}`);
  }
  if (
    labels !== undefined &&
    labels.length < Math.min(input?.count ?? 0, options.limit ?? Infinity)
  ) {
    throw new RangeError(
      `${where}: options.labels has ${labels.length} values for ${input.count} samples; expected one per sample`,
    );
  }
  const writeLabels = labels !== undefined && !layerNames.includes("labels");

  let mode: "memory" | "stream" = "memory";
  let activationBytes = 0;
  let collector: ActivationCollector | undefined;
  let directory: string | undefined;
  const writers = new Map<string, NpyStreamWriter>();
  let delivered: readonly ActivationLayer[] = [];
  const sink: ActivationSink = {
    async begin(layers, count) {
      delivered = layers;
      const columns = layers.reduce((sum, layer) => sum + layer.columns, 0);
      activationBytes = 4 * count * (columns + (writeLabels ? 1 : 0));
      if (activationBytes <= budget) {
        collector = new ActivationCollector({ budgetBytes: Number.POSITIVE_INFINITY });
        collector.begin(layers, count);
        return;
      }
      mode = "stream";
      directory = await mkdtemp(join(temporaryDirectory, ".nettopo-activations-"));
      for (const [k, layer] of layers.entries()) {
        writers.set(
          layer.name,
          await openNpyStreamWriter(join(directory, `${k}.npy`), {
            shape: [count, ...layer.sampleShape],
          }),
        );
      }
    },
    onBatch(layer, rows, data, firstRow) {
      if (collector) return collector.onBatch(layer, rows, data, firstRow);
      const writer = writers.get(layer)!;
      const columns = writer.shape.slice(1).reduce((a, b) => a * b, 1);
      return writer.append(data.subarray(0, rows * columns));
    },
    async end() {
      for (const writer of writers.values()) await writer.close();
    },
  };
  try {
    const extraction = await extractActivations(model, input, layerNames, { ...options, sink });
    const { count } = extraction;
    const entries: NpzFileEntry[] = delivered.map((layer, k) =>
      collector
        ? {
            name: layer.name,
            chunks: npyChunks([count, ...layer.sampleShape], collector.get(layer.name).data),
          }
        : { name: layer.name, file: join(directory!, `${k}.npy`) },
    );
    if (writeLabels) {
      entries.push({ name: "labels", chunks: npyChunks([count], labels.subarray(0, count)) });
    }
    const fileBytes = await writeNpzFile(path, entries, {
      zip64,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    return {
      ...extraction,
      mode,
      arrays: entries.map((entry) => entry.name),
      activationBytes,
      fileBytes,
    };
  } finally {
    for (const writer of writers.values()) await writer.abort();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  }
}

/** An array's .npy bytes as [header, data]: the data a view of the array's own bytes. */
function npyChunks(shape: readonly number[], data: Float32Array | Int32Array): Uint8Array[] {
  const dtype = data instanceof Float32Array ? "float32" : "int32";
  const body = NATIVE_LITTLE_ENDIAN
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : encodeElements(data, dtype, "writeActivationsNpz");
  return [formatNpyHeader(dtype, shape), body];
}
