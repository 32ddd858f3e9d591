import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { LayerActivations, NeuronSampling, Precision, Progress } from "@nettopo/core";
import {
  ActivationCollector,
  bootstrapNeuronPersistence,
  closestNames,
  extractActivations,
  loadModel,
  NEURON_METRICS,
  type NeuronBootstrap,
  type NeuronMetric,
  neuronBootstrapToJson,
  normalize,
  readNpz,
} from "@nettopo/nn";
import { openDataArgument, SYNTHETIC_DATA } from "../data-argument.js";
import { IoError } from "../io-error.js";
import { UsageError } from "../usage-error.js";

/** The `--metric` names of `nettopo neurons` (nn's NEURON_METRICS). */
export { NEURON_METRICS, type NeuronMetric } from "@nettopo/nn";

/** Everything `nettopo neurons` computes from (its flags). */
export interface NeuronsSettings {
  readonly inputPath: string;
  readonly layers: readonly string[];
  readonly data: string | undefined;
  readonly limit: number | undefined;
  readonly neurons: number | undefined;
  readonly samples: number | undefined;
  readonly bootstrap: number;
  readonly sampling: NeuronSampling;
  readonly metric: NeuronMetric;
  readonly maxDim: number;
  readonly threshold: number;
  readonly precision: Precision;
  readonly seed: number;
  readonly workers: number | undefined;
}

/** The activations read for a run, and where they came from. */
export interface NeuronActivations {
  readonly layers: readonly LayerActivations[];
  /** What the inputs were: the data set's name, or the .npz file. */
  readonly source: string;
}

/** The default number of data set samples run through a model (Ballester et al. use 2000). */
export const DEFAULT_LIMIT = 2000;

/**
 * Reads the layers' activations: the arrays of an .npz file (one per layer,
 * `[inputs, ...]`, flattened per input), or a model (ONNX, or TF.js
 * model.json or its directory; see `loadModel`) run on `--data`.
 *
 * @throws UsageError for a missing or misplaced --data; RangeError for an
 *   unknown layer or arrays that do not fit; IoError for unreadable files.
 */
export async function readNeuronActivations(
  settings: NeuronsSettings,
  signal: AbortSignal,
  onProgress?: (progress: Progress) => void,
): Promise<NeuronActivations> {
  if (extname(settings.inputPath).toLowerCase() !== ".npz") {
    if (settings.data === undefined) {
      throw new UsageError(
        `a model needs --data (fashion-mnist, ball4, moons or a data set file) to run on; got none for ${settings.inputPath}`,
      );
    }
    return modelActivations(settings, settings.data, signal, onProgress);
  }
  if (settings.data !== undefined || settings.limit !== undefined) {
    throw new UsageError(
      `--data and --limit apply to a model; ${settings.inputPath} holds activations already`,
    );
  }
  const bytes = await readBytes(settings.inputPath);
  const arrays = readNpz(bytes, { source: settings.inputPath });
  const names = arrays.map((a) => a.name);
  const layers = settings.layers.map((name): LayerActivations => {
    const array = arrays.find((a) => a.name === name);
    if (array === undefined) throw unknownLayer(name, names, settings.inputPath);
    if (array.shape.length < 2) {
      throw new RangeError(
        `layer ${JSON.stringify(name)} of ${settings.inputPath} has shape [${array.shape.join(", ")}]; expected [inputs, neurons, ...] (an input per row)`,
      );
    }
    const samples = array.shape[0]!;
    const neurons = array.shape.slice(1).reduce((a, b) => a * b, 1);
    const values =
      array.data instanceof Float32Array || array.data instanceof Float64Array
        ? array.data
        : Float64Array.from(array.data);
    return { name, samples, neurons, values };
  });
  return { layers, source: settings.inputPath };
}

/**
 * Runs the model on the first `--limit` inputs of `--data` (opened as
 * `nettopo activations` opens it: images from IDX files are divided by 255,
 * other data are used as they are) and keeps the layers' activations.
 */
async function modelActivations(
  settings: NeuronsSettings,
  data: string,
  signal: AbortSignal,
  onProgress?: (progress: Progress) => void,
): Promise<NeuronActivations> {
  const limit = settings.limit ?? DEFAULT_LIMIT;
  let model: Awaited<ReturnType<typeof loadModel>>;
  try {
    model = await loadModel(settings.inputPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code !== undefined && !(error instanceof RangeError)) {
      throw new IoError("read", settings.inputPath, error);
    }
    throw error;
  }
  const synthetic = (SYNTHETIC_DATA as readonly string[]).includes(data);
  const opened = await openDataArgument(data, synthetic ? { count: limit } : {});
  const dataset =
    opened.kind === "idx-images"
      ? normalize(opened.dataset, { method: "scale-255" }).dataset
      : opened.dataset;
  const collector = new ActivationCollector();
  await extractActivations(model, dataset, settings.layers, {
    sink: collector,
    limit,
    signal,
    ...(onProgress ? { onProgress } : {}),
  });
  const layers = collector.all().map((a) => ({
    name: a.name,
    samples: a.rows,
    neurons: a.columns,
    values: a.data,
  }));
  return { layers, source: `${dataset.name} (${layers[0]?.samples ?? 0} inputs)` };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new IoError("read", path, error);
  }
}

function unknownLayer(name: string, names: readonly string[], source: string): RangeError {
  const close = closestNames(name, names, 3);
  return new RangeError(
    `no layer ${JSON.stringify(name)} in ${source}; it has ${names.map((n) => JSON.stringify(n)).join(", ") || "no arrays"}${close.length > 0 ? ` (did you mean ${close.map((n) => JSON.stringify(n)).join(" or ")}?)` : ""}`,
  );
}

/** Runs the bootstrap with the settings' options (a thin mapping). */
export function computeNeurons(
  settings: NeuronsSettings,
  activations: NeuronActivations,
  signal: AbortSignal,
  onProgress?: (progress: Progress) => void,
): Promise<NeuronBootstrap> {
  return bootstrapNeuronPersistence(activations.layers, {
    repeats: settings.bootstrap,
    ...(settings.neurons === undefined ? {} : { neurons: settings.neurons }),
    ...(settings.samples === undefined ? {} : { inputs: settings.samples }),
    sampling: settings.sampling,
    dissimilarity: NEURON_METRICS[settings.metric],
    maxDim: settings.maxDim,
    threshold: settings.threshold,
    precision: settings.precision,
    seed: settings.seed,
    ...(settings.workers === undefined ? {} : { workers: settings.workers }),
    signal,
    ...(onProgress ? { onProgress } : {}),
  });
}

/**
 * The JSON document of `--format json` (see NEURONS_USAGE): the parameters,
 * the layers, every repeat (its seed, inputs, neurons, dead neurons, diagram
 * in `nettopo ph`'s form and features) and the summary.
 */
export function neuronsJson(
  settings: NeuronsSettings,
  activations: NeuronActivations,
  result: NeuronBootstrap,
): unknown {
  return {
    input: settings.inputPath,
    data: activations.source,
    parameters: {
      layers: settings.layers,
      neurons: settings.neurons ?? "all",
      samples: settings.samples ?? "all",
      bootstrap: settings.bootstrap,
      sampling: settings.sampling,
      metric: settings.metric,
      dim: settings.maxDim,
      threshold: Number.isFinite(settings.threshold) ? settings.threshold : null,
      precision: settings.precision,
      seed: settings.seed,
    },
    ...neuronBootstrapToJson(result, {
      layers: activations.layers,
      precision: settings.precision,
      includeIndices: true,
    }),
  };
}
