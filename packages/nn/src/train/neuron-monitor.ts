import { availableParallelism } from "node:os";
import { type LayerActivations, seededRandom } from "@nettopo/core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Dataset } from "../data/dataset.js";
import { permutation } from "../data/permutation.js";
import { selectSamples } from "../data/subset.js";
import { bootstrapNeuronPersistence } from "../neurons/bootstrap-neuron-persistence.js";
import { neuronBootstrapToJson } from "../neurons/neuron-bootstrap-to-json.js";
import { NEURON_METRICS } from "../neurons/neuron-metrics.js";
import { deriveSeed } from "./derive-seed.js";
import { layerActivations } from "./layer-activations.js";
import type {
  NeuronMonitorParameters,
  ResolvedNeuronMonitorConfig,
} from "./neuron-monitor-config.js";
import type { TopologyRecord } from "./read-topology.js";
import type { TopologyLog } from "./topology-log.js";

/** Seed path of the monitor's inputs (apart from the training's streams). */
const MONITOR_INPUTS = 4;

/**
 * The monitor's inputs (internal): a fixed seeded sample of the training
 * set, `deriveSeed(config.seed, 4)`'s permutation cut to `samples` (all of
 * them, in that order, for `"all"`), the same at every snapshot.
 */
export function monitorInputs(train: Dataset, config: ResolvedNeuronMonitorConfig): Dataset {
  const count = config.samples === "all" ? train.count : Math.min(config.samples, train.count);
  const order = permutation(train.count, seededRandom(deriveSeed(config.seed, MONITOR_INPUTS)));
  return selectSamples(train, order.subarray(0, count), `${train.name} (monitor inputs)`);
}

/**
 * The activations of the monitored layers on the monitor's inputs, as
 * core's `LayerActivations` (each sample flattened; internal).
 */
export function monitorActivations(
  model: tfl.LayersModel,
  inputs: Dataset,
  layers: readonly string[],
): LayerActivations[] {
  return layerActivations(model, inputs, layers).map((array) => ({
    name: array.name,
    samples: array.shape[0]!,
    neurons: array.shape.slice(1).reduce((a, b) => a * b, 1),
    values: array.data as Float32Array,
  }));
}

/** The `bootstrapNeuronPersistence` options of a monitor (internal). */
export function monitorBootstrapOptions(
  config: ResolvedNeuronMonitorConfig,
  workers: number,
  signal?: AbortSignal,
) {
  return {
    repeats: config.bootstrap,
    ...(config.neurons === "all" ? {} : { neurons: config.neurons }),
    sampling: config.sampling,
    dissimilarity: NEURON_METRICS[config.metric],
    maxDim: config.dim,
    threshold: config.threshold ?? Number.POSITIVE_INFINITY,
    precision: config.precision,
    seed: config.seed,
    workers,
    ...(signal ? { signal } : {}),
  };
}

/** The snapshot parameters of a monitor (the config without `kind` and `every`). */
export function monitorParameters(config: ResolvedNeuronMonitorConfig): NeuronMonitorParameters {
  const { kind: _, every: __, ...parameters } = config;
  return parameters;
}

/** Runtime options of {@link NeuronMonitor}. */
export interface NeuronMonitorRuntime {
  /** Worker threads per snapshot; default `max(1, availableParallelism() - 1)` (training keeps a core). */
  readonly workers?: number;
  /** Called after each snapshot line is on disk. */
  readonly onSnapshot?: (record: TopologyRecord, queued: number) => void;
}

/**
 * The neuron-topology monitor of a training session (internal). `snapshot`
 * reads the activations on the calling (training) thread and queues the
 * bootstrap, which runs in worker threads while training goes on. At most
 * one snapshot computes and one waits: when a third is due, `snapshot`'s
 * promise makes the training wait until the computing one is written
 * (backpressure), so every due snapshot is taken, at the step it is due,
 * and the lines are written in step order. A failed snapshot (e.g. every
 * neuron dead) fails the run at its next step; `abort` stops the workers.
 */
export class NeuronMonitor {
  private readonly controller = new AbortController();
  private readonly workers: number;
  private tail: Promise<void> = Promise.resolve();
  private readonly inFlight: Promise<void>[] = [];
  private failure: unknown;

  constructor(
    private readonly config: ResolvedNeuronMonitorConfig,
    private readonly inputs: Dataset,
    private readonly log: TopologyLog,
    private readonly stepsPerEpoch: number,
    private readonly runtime: NeuronMonitorRuntime,
  ) {
    this.workers = runtime.workers ?? Math.max(1, availableParallelism() - 1);
  }

  /** The error of a failed snapshot, thrown once one failed (not for an abort). */
  throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  /**
   * Takes the snapshot of `model` after `step` steps: reads the activations
   * now, then queues the topology. Resolves at once unless the queue is full.
   */
  async snapshot(model: tfl.LayersModel, step: number): Promise<void> {
    this.throwIfFailed();
    const started = performance.now();
    const layers = monitorActivations(model, this.inputs, this.config.layers);
    const readSeconds = (performance.now() - started) / 1000;
    while (this.inFlight.length >= 2 && !this.controller.signal.aborted) {
      await this.inFlight[0];
    }
    this.throwIfFailed();
    if (this.controller.signal.aborted) return;
    const run = this.tail.then(() => this.compute(layers, step, readSeconds));
    this.tail = run;
    this.inFlight.push(run);
    void run.then(() => {
      this.inFlight.splice(this.inFlight.indexOf(run), 1);
    });
  }

  /** Waits for every queued snapshot; throws a snapshot's error. */
  async finish(): Promise<void> {
    await this.tail;
    this.throwIfFailed();
  }

  /** Stops the snapshots under way (terminating their workers) and waits until they are gone. */
  async abort(): Promise<void> {
    this.controller.abort();
    await this.tail;
  }

  private async compute(
    layers: LayerActivations[],
    step: number,
    readSeconds: number,
  ): Promise<void> {
    if (this.failure !== undefined || this.controller.signal.aborted) return;
    const started = performance.now();
    try {
      const result = await bootstrapNeuronPersistence(
        layers,
        monitorBootstrapOptions(this.config, this.workers, this.controller.signal),
      );
      if (this.controller.signal.aborted) return;
      const record: TopologyRecord = {
        kind: "neurons",
        epoch: step / this.stepsPerEpoch,
        step,
        parameters: monitorParameters(this.config),
        ...neuronBootstrapToJson(result, {
          layers,
          precision: this.config.precision,
          includeIndices: false,
        }),
        seconds: readSeconds + (performance.now() - started) / 1000,
      };
      await this.log.append(record);
      this.runtime.onSnapshot?.(record, Math.max(0, this.inFlight.length - 1));
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.failure =
        error instanceof RangeError || error instanceof TypeError
          ? new RangeError(
              `the neuron monitor's snapshot at step ${step} (epoch ${+(step / this.stepsPerEpoch).toFixed(3)}) failed: ${(error as Error).message}`,
            )
          : error;
    }
  }
}
