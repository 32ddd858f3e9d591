import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  type AbortSignalLike,
  type BettiCurveBand,
  type CorrelationDissimilarityKind,
  DEFAULT_NEURON_MEMORY_BUDGET,
  deriveSeed,
  type FeatureSpread,
  type LayerActivations,
  type NamedFeatures,
  NEURON_SAMPLINGS,
  type NeuronCorrelations,
  type NeuronPersistence,
  type NeuronSampling,
  neuronCorrelations,
  type Precision,
  type Progress,
  type StandardizedNeurons,
  standardizeNeurons,
  summarizeNeuronRepeats,
} from "@nettopo/core";
import { describe, optionalInteger, requireOptions } from "../validate.js";
import { type RepeatSettings, runRepeat } from "./neuron-repeat.js";

/** Options of {@link bootstrapNeuronPersistence}. */
export interface BootstrapNeuronOptions {
  /** The number B of repeats, an integer >= 1; default 20 (as Ballester et al.). */
  readonly repeats?: number;
  /** Neurons sampled per repeat, an integer >= 2; default all of them. */
  readonly neurons?: number;
  /** How the neurons are sampled; default `"uniform"` (see core's `NeuronSampling`). */
  readonly sampling?: NeuronSampling;
  /** Inputs sampled per repeat, an integer >= 2; default all of them. */
  readonly inputs?: number;
  /** The dissimilarity of the correlations; default `"1-|corr|"`. */
  readonly dissimilarity?: CorrelationDissimilarityKind;
  /** The largest homological dimension; default 1. */
  readonly maxDim?: number;
  /** The Rips threshold, a number > 0; default Infinity. */
  readonly threshold?: number;
  /** Precision of the distances; default `"float32"` (as Ripser). */
  readonly precision?: Precision;
  /** The seed every repeat's seed is derived from (any integer); default 0. */
  readonly seed?: number;
  /** Per repeat, see core's `neuronDissimilarity`; default 256 MiB. */
  readonly memoryBudgetBytes?: number;
  /**
   * Whether the correlations of all the neurons are computed once (core's
   * `neuronCorrelations`) and every repeat takes its distances from them (the
   * same values, bit for bit), instead of each repeat computing its own. Only
   * when every repeat uses all the inputs and they fit `memoryBudgetBytes`.
   * Default: when it is less work, i.e. `repeats * neurons^2 >= total^2`.
   */
  readonly reuseCorrelations?: boolean;
  /**
   * Worker threads, an integer >= 0; default `os.availableParallelism()`
   * (both cores of a two-core machine), at most `repeats`. 0 computes in the
   * calling thread (between repeats it yields to the event loop).
   */
  readonly workers?: number;
  /** Sample points of the Betti curves; default 100. */
  readonly resolution?: number;
  /** Coverage of the Betti curve bands; default 0.95. */
  readonly confidence?: number;
  /** Multiplier-bootstrap repeats of the bands; default 1000. */
  readonly bandRepeats?: number;
  /** Longest lifetimes per group in the features; default 5. */
  readonly topK?: number;
  /** Called after each repeat: stage `"repeats"`, `done` of `total`; default none. */
  readonly onProgress?: (progress: Progress) => void;
  /** Stops the repeats (terminating the workers) and rejects with the signal's reason; default none. */
  readonly signal?: AbortSignalLike;
}

/** One repeat: its seed, what it sampled, its diagram and its features. */
export interface NeuronRepeat extends NeuronPersistence {
  /** The repeat's index, 0..B-1. */
  readonly repeat: number;
  /** Its seed, `deriveSeed(seed, repeat)`. */
  readonly seed: number;
  /** core's `neuronFeatures` of its diagram. */
  readonly features: NamedFeatures;
}

/** What {@link bootstrapNeuronPersistence} gives. */
export interface NeuronBootstrap {
  /** The repeats, in order. */
  readonly repeats: readonly NeuronRepeat[];
  /** Mean, standard deviation, min and max of each feature over the repeats. */
  readonly spread: FeatureSpread;
  /** Per dimension: the Betti curves on a common grid, their mean and band. */
  readonly bettiCurves: readonly BettiCurveBand[];
  /** The constant (dead) neurons of the whole pool, as `layer name -> neuron indices`. */
  readonly constantNeurons: Readonly<Record<string, readonly number[]>>;
}

/**
 * Bootstrapped topology of neurons: B repeats of core's `neuronPersistence`
 * (a seeded sample of inputs and of neurons, their correlation dissimilarity
 * and its Vietoris-Rips diagram), run in parallel worker threads, with each
 * repeat's features (core's `neuronFeatures`), their mean and spread, and the
 * Betti curves of every dimension on a grid fitted across the repeats with a
 * confidence band for the expected curve (core's `summarizeNeuronRepeats`).
 *
 * Seeds: repeat r runs with the seed `deriveSeed(seed, r)` (core's
 * `deriveSeed`: MurmurHash3's finalizer of seed + 0x9e3779b9 (r + 1)); within
 * it the inputs are drawn from `deriveSeed(that, 0)` and the neurons from
 * `deriveSeed(that, 1)`. A repeat depends only on the activations, the
 * options and its index, so the results are identical for any number of
 * workers, and the first repeats of B = 20 are those of B = 5.
 *
 * Before any repeat the whole pool of activations is checked once: a NaN or
 * infinite value, or neurons all constant over the inputs, is a RangeError.
 * The layers' values are shared with the workers (copied once into shared
 * memory unless they already live there), not copied per worker. When every
 * repeat uses all the inputs and it is less work, the correlations of all
 * the neurons are computed once, each worker a band of them, into shared
 * memory, and every repeat takes its distances from them (core's
 * `neuronCorrelations`: the same values, bit for bit).
 *
 * @param layers - The activations (core's `LayerActivations`), over the same inputs.
 * @param options - {@link BootstrapNeuronOptions}: `repeats` (20), `neurons`
 *   (all), `sampling` ("uniform"), `inputs` (all), `dissimilarity`
 *   ("1-|corr|"), `maxDim` (1), `threshold` (Infinity), `precision`
 *   ("float32"), `seed` (0), `memoryBudgetBytes` (256 MiB),
 *   `reuseCorrelations` (when it is less work), `workers`
 *   (`os.availableParallelism()`), `resolution` (100), `confidence` (0.95),
 *   `bandRepeats` (1000), `topK` (5), `onProgress`, `signal`.
 * @returns The repeats and their summary.
 * @throws TypeError / RangeError (as a rejection) for bad layers or options,
 *   fewer than 2 neurons or inputs, repeats < 1, a threshold <= 0, NaN
 *   activations, all neurons constant (in the pool, or in one repeat's
 *   sample); the signal's reason when aborted.
 * @example
 * ```ts
 * const collector = new ActivationCollector();
 * await extractActivations(model, data, ["relu", "relu_1"], { sink: collector });
 * const layers = collector.all().map((a) => ({ name: a.name, samples: a.rows, neurons: a.columns, values: a.data }));
 * const { repeats, spread, bettiCurves } = await bootstrapNeuronPersistence(layers, { repeats: 20, neurons: 300, seed: 1 });
 * ```
 * @see R. Ballester et al., "Predicting the generalization gap in neural
 *   networks using topological data analysis", Neurocomputing 596 (2024):
 *   20 diagrams per network, each of a sample of neurons.
 */
export async function bootstrapNeuronPersistence(
  layers: readonly LayerActivations[],
  options?: BootstrapNeuronOptions,
): Promise<NeuronBootstrap> {
  const caller = "bootstrapNeuronPersistence";
  const opts = requireOptions(`${caller}: options`, options);
  const repeats = optionalInteger(`${caller}: options.repeats`, opts.repeats, 20, 1);
  const settings = requireSettings(caller, opts);
  const workers = Math.min(
    repeats,
    optionalInteger(`${caller}: options.workers`, opts.workers, availableParallelism(), 0),
  );
  if (opts.onProgress !== undefined && typeof opts.onProgress !== "function") {
    throw new TypeError(
      `${caller}: options.onProgress must be a function; got ${describe(opts.onProgress)}`,
    );
  }
  const signal = opts.signal;
  const constantNeurons = scanLayers(caller, layers);
  throwIfAborted(signal);
  const reuse = shouldReuse(layers, settings, repeats, opts.reuseCorrelations);

  const results: NeuronPersistence[] = new Array(repeats);
  let done = 0;
  const report = () => opts.onProgress?.({ stage: "repeats", done, total: repeats });
  if (workers === 0) {
    const correlations = reuse
      ? neuronCorrelations(layers, {
          ...(settings.memoryBudgetBytes === undefined
            ? {}
            : { memoryBudgetBytes: settings.memoryBudgetBytes }),
          ...(signal ? { signal } : {}),
        })
      : undefined;
    for (let r = 0; r < repeats; r++) {
      await new Promise((resolve) => setImmediate(resolve));
      throwIfAborted(signal);
      results[r] = runRepeat(layers, settings, r, correlations, signal);
      done++;
      report();
    }
  } else {
    // The workers compute the correlations band by band into shared memory.
    const shared = reuse ? sharedCorrelations(layers, constantNeurons) : undefined;
    const bands = shared === undefined ? [] : bandsOf(shared.constant.length, workers);
    await runInWorkers(
      shareLayers(layers),
      settings,
      shared,
      bands,
      repeats,
      workers,
      signal,
      (r, result) => {
        results[r] = result;
        done++;
        report();
      },
    );
  }

  const summary = summarizeNeuronRepeats(
    results.map((result) => result.diagram),
    {
      maxDim: settings.maxDim,
      ...(opts.topK === undefined ? {} : { topK: opts.topK }),
      ...(opts.resolution === undefined ? {} : { resolution: opts.resolution }),
      ...(opts.confidence === undefined ? {} : { confidence: opts.confidence }),
      ...(opts.bandRepeats === undefined ? {} : { bandRepeats: opts.bandRepeats }),
      seed: settings.seed,
    },
  );
  return {
    repeats: results.map((result, r) => ({
      repeat: r,
      seed: deriveSeed(settings.seed, r),
      ...result,
      features: summary.features[r]!,
    })),
    spread: summary.spread,
    bettiCurves: summary.bettiCurves,
    constantNeurons,
  };
}

/** Checks the options of one repeat. */
function requireSettings(caller: string, opts: Partial<BootstrapNeuronOptions>): RepeatSettings {
  const sampling = opts.sampling ?? "uniform";
  if (!NEURON_SAMPLINGS.includes(sampling)) {
    throw new RangeError(
      `${caller}: options.sampling must be one of ${NEURON_SAMPLINGS.map((s) => `"${s}"`).join(", ")}; got ${describe(sampling)}`,
    );
  }
  const dissimilarity = opts.dissimilarity ?? "1-|corr|";
  const kinds: readonly string[] = ["1-|corr|", "sqrt(1-|corr|)", "1-corr"];
  if (!kinds.includes(dissimilarity)) {
    throw new RangeError(
      `${caller}: options.dissimilarity must be one of ${kinds.map((k) => `"${k}"`).join(", ")}; got ${describe(dissimilarity)}`,
    );
  }
  const threshold = opts.threshold ?? Number.POSITIVE_INFINITY;
  if (typeof threshold !== "number" || !(threshold > 0)) {
    throw new RangeError(
      `${caller}: options.threshold must be a number > 0 (or Infinity); got ${describe(threshold)}`,
    );
  }
  const precision = opts.precision ?? "float32";
  if (precision !== "float32" && precision !== "float64") {
    throw new RangeError(
      `${caller}: options.precision must be "float32" or "float64"; got ${describe(precision)}`,
    );
  }
  const seed = opts.seed ?? 0;
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`${caller}: options.seed must be an integer; got ${describe(seed)}`);
  }
  return {
    neurons:
      opts.neurons === undefined
        ? undefined
        : optionalInteger(`${caller}: options.neurons`, opts.neurons, 0, 2),
    sampling,
    inputs:
      opts.inputs === undefined
        ? undefined
        : optionalInteger(`${caller}: options.inputs`, opts.inputs, 0, 2),
    dissimilarity,
    maxDim: optionalInteger(`${caller}: options.maxDim`, opts.maxDim, 1, 0),
    threshold,
    precision,
    memoryBudgetBytes: opts.memoryBudgetBytes,
    seed,
  };
}

/**
 * Checks the layers and every value once: sizes as core checks them, finite
 * values, not every neuron constant. Returns the constant neurons per layer.
 */
function scanLayers(caller: string, layers: readonly LayerActivations[]): Record<string, number[]> {
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new TypeError(
      `${caller}: layers must be a non-empty array of { name, samples, neurons, values }; got ${describe(layers)}`,
    );
  }
  const constant: Record<string, number[]> = {};
  let total = 0;
  let dead = 0;
  let samples = -1;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]!;
    if (
      typeof layer !== "object" ||
      layer === null ||
      !(layer.values instanceof Float32Array || layer.values instanceof Float64Array)
    ) {
      throw new TypeError(
        `${caller}: layers[${l}] must be { name, samples, neurons, values: Float32Array | Float64Array }; got ${describe(layer)}`,
      );
    }
    const { name, neurons, values } = layer;
    if (typeof name !== "string" || name in constant) {
      throw new RangeError(
        `${caller}: layers[${l}].name must be a string not used by another layer; got ${describe(name)}`,
      );
    }
    if (
      !Number.isSafeInteger(neurons) ||
      neurons < 1 ||
      !Number.isSafeInteger(layer.samples) ||
      values.length !== layer.samples * neurons
    ) {
      throw new RangeError(
        `${caller}: layer ${JSON.stringify(name)} must hold samples x neurons values with neurons >= 1; got ${describe(layer.samples)} x ${describe(neurons)} and ${values.length} values`,
      );
    }
    if (samples >= 0 && layer.samples !== samples) {
      throw new RangeError(
        `${caller}: layer ${JSON.stringify(name)} has ${layer.samples} inputs but ${JSON.stringify(layers[0]!.name)} has ${samples}; every layer must hold the activations of the same inputs`,
      );
    }
    samples = layer.samples;
    const min = new Float64Array(neurons).fill(Number.POSITIVE_INFINITY);
    const max = new Float64Array(neurons).fill(Number.NEGATIVE_INFINITY);
    for (let s = 0; s < layer.samples; s++) {
      const base = s * neurons;
      for (let j = 0; j < neurons; j++) {
        const v = values[base + j]!;
        if (!Number.isFinite(v)) {
          throw new RangeError(
            `${caller}: the activation of layer ${JSON.stringify(name)}, input ${s}, neuron ${j} is ${describe(v)}; activations must be finite (NaN or an infinity usually means a diverged model)`,
          );
        }
        if (v < min[j]!) min[j] = v;
        if (v > max[j]!) max[j] = v;
      }
    }
    const list: number[] = [];
    for (let j = 0; j < neurons; j++) if (!(min[j]! < max[j]!)) list.push(j);
    constant[name] = list;
    total += neurons;
    dead += list.length;
  }
  if (samples < 2) {
    throw new RangeError(
      `${caller}: correlations need at least 2 inputs; the layers have ${samples}`,
    );
  }
  if (total < 2) {
    throw new RangeError(
      `${caller}: the topology of neurons needs at least 2 neurons; the layers have ${total}`,
    );
  }
  if (dead === total) {
    throw new RangeError(
      `${caller}: all ${total} neurons of ${layers.map((l) => JSON.stringify(l.name)).join(", ")} are constant over the ${samples} inputs (dead ReLUs?); their correlations are undefined: choose other layers or inputs`,
    );
  }
  return constant;
}

/**
 * Whether the repeats take their distances from correlations computed once:
 * as asked, or when every repeat uses all the inputs, the pool fits the
 * budget and B n^2 >= N^2 (less work). Depends only on the arguments, so the
 * results do not depend on the number of workers.
 */
function shouldReuse(
  layers: readonly LayerActivations[],
  settings: RepeatSettings,
  repeats: number,
  asked: boolean | undefined,
): boolean {
  if (asked === false || settings.inputs !== undefined) return false;
  const total = layers.reduce((sum, layer) => sum + layer.neurons, 0);
  const samples = layers[0]!.samples;
  const budget = settings.memoryBudgetBytes ?? DEFAULT_NEURON_MEMORY_BUDGET;
  const fits =
    Math.ceil(total / 4) * 4 * samples * 8 <= budget && ((total * (total - 1)) / 2) * 8 <= budget;
  if (!fits) return false;
  if (asked === true) return true;
  const n = Math.min(settings.neurons ?? total, total);
  return repeats * n * n >= total * total;
}

/**
 * The correlations of all the neurons over all the inputs, to be filled in
 * shared memory by the workers (core's neuronCorrelations with `rows` and
 * `into`); the constant neurons are those the scan found.
 */
function sharedCorrelations(
  layers: readonly LayerActivations[],
  constantNeurons: Record<string, number[]>,
): NeuronCorrelations {
  const total = layers.reduce((sum, layer) => sum + layer.neurons, 0);
  const constant = new Uint8Array(total);
  let offset = 0;
  for (const layer of layers) {
    for (const j of constantNeurons[layer.name]!) constant[offset + j] = 1;
    offset += layer.neurons;
  }
  const samples = layers[0]!.samples;
  return {
    kind: "neuron-correlations",
    layerNames: layers.map((layer) => layer.name),
    layerSizes: layers.map((layer) => layer.neurons),
    inputs: Int32Array.from({ length: samples }, (_, i) => i),
    values: new Float64Array(new SharedArrayBuffer(((total * (total - 1)) / 2) * 8)),
    constant,
  };
}

/** The standardized activations with their values in shared memory. */
function shareStandardized(standardized: StandardizedNeurons): StandardizedNeurons {
  const values = new Float64Array(new SharedArrayBuffer(standardized.values.byteLength));
  values.set(standardized.values);
  return { ...standardized, values };
}

/** The layers with their values in shared memory (those already shared are kept). */
function shareLayers(layers: readonly LayerActivations[]): LayerActivations[] {
  return layers.map((layer) => {
    const { values } = layer;
    if (values.buffer instanceof SharedArrayBuffer) return { ...layer };
    const buffer = new SharedArrayBuffer(values.byteLength);
    const shared =
      values instanceof Float32Array ? new Float32Array(buffer) : new Float64Array(buffer);
    shared.set(values);
    return { name: layer.name, samples: layer.samples, neurons: layer.neurons, values: shared };
  });
}

/**
 * Runs the repeats on `count` workers, each taking the next repeat when it
 * is free; `onResult` gets each result with its index. When `bands` are
 * given, worker w first computes band w of the shared correlations, and the
 * repeats start once every band is done. Rejects with the first error (the
 * workers are terminated) or the signal's reason.
 */
function runInWorkers(
  layers: readonly LayerActivations[],
  settings: RepeatSettings,
  correlations: NeuronCorrelations | undefined,
  bands: readonly (readonly [number, number])[],
  repeats: number,
  count: number,
  signal: AbortSignalLike | undefined,
  onResult: (repeat: number, result: NeuronPersistence) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let bandsLeft = bands.length;
    let settled = false;
    const stop = (error: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const onAbort = () => stop(abortReason(signal));
    const abortTarget = signal as unknown as EventTarget | undefined;
    const cleanup = () => abortTarget?.removeEventListener?.("abort", onAbort);
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    abortTarget?.addEventListener?.("abort", onAbort, { once: true });
    const give = (worker: Worker) => {
      if (next < repeats) worker.postMessage({ repeat: next++ });
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(new URL("./neuron-worker.js", import.meta.url), {
        workerData: { layers, settings, correlations },
      });
      workers.push(worker);
      worker.on(
        "message",
        (message: {
          repeat?: number;
          band?: boolean;
          result?: NeuronPersistence;
          error?: { name: string; message: string };
        }) => {
          if (settled) return;
          if (message.error) {
            stop(rebuildError(message.error));
            return;
          }
          if (message.band) {
            bandsLeft--;
            if (bandsLeft === 0) for (const each of workers) give(each);
            return;
          }
          try {
            onResult(message.repeat!, message.result!);
          } catch (error) {
            stop(error);
            return;
          }
          finished++;
          if (finished === repeats) {
            settled = true;
            cleanup();
            // Idle workers are let go, not terminated: Node 20 can abort the
            // process when a worker is terminated during a background compile.
            for (const each of workers) each.postMessage({ done: true });
            resolve();
          } else {
            give(worker);
          }
        },
      );
      worker.on("error", (error) => stop(error));
      worker.on("exit", (code) => {
        if (!settled)
          stop(new Error(`a neuron worker exited with code ${code} before its repeats were done`));
      });
    }
    if (bands.length === 0) {
      for (const worker of workers) give(worker);
      return;
    }
    // Standardize the activations once, here, while the workers start, and
    // share them: each band needs them all (instead of each worker
    // gathering and standardizing them again).
    let standardized: StandardizedNeurons;
    try {
      standardized = shareStandardized(
        standardizeNeurons(layers, {
          ...(settings.memoryBudgetBytes === undefined
            ? {}
            : { memoryBudgetBytes: settings.memoryBudgetBytes }),
        }),
      );
    } catch (error) {
      stop(error);
      return;
    }
    for (let w = 0; w < bands.length; w++) {
      workers[w]!.postMessage({ band: bands[w], standardized });
    }
  });
}

/**
 * `count` bands of rows [start, end) of the condensed matrix of `total`
 * points with about as many pairs each (row p has p pairs: boundaries near
 * total * sqrt(w / count)), starts on multiples of 4.
 */
function bandsOf(total: number, count: number): [number, number][] {
  const bounds = [0];
  for (let w = 1; w < count; w++) {
    const b = Math.round((total * Math.sqrt(w / count)) / 4) * 4;
    bounds.push(Math.min(total, Math.max(bounds.at(-1)!, b)));
  }
  bounds.push(total);
  const bands: [number, number][] = [];
  for (let w = 0; w < count; w++) bands.push([bounds[w]!, bounds[w + 1]!]);
  return bands;
}

function rebuildError(error: { name: string; message: string }): Error {
  if (error.name === "RangeError") return new RangeError(error.message);
  if (error.name === "TypeError") return new TypeError(error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

function abortReason(signal: AbortSignalLike | undefined): unknown {
  if (signal?.reason !== undefined) return signal.reason;
  const error = new Error("The operation was aborted");
  error.name = "AbortError";
  return error;
}

function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}
