import { NEURON_SAMPLINGS, type NeuronSampling, type Precision } from "@nettopo/core";
import { NEURON_METRICS, type NeuronMetric } from "../neurons/neuron-metrics.js";
import {
  describe,
  optionalChoice,
  optionalInteger,
  optionalNumber,
  optionalSeed,
  requireOptions,
} from "../validate.js";
import type { LayerInfo } from "./build-model.js";

/**
 * The neuron-topology monitor of a training run (`RunConfig.monitor`): at
 * the start and every `every` epochs, the activations of fixed inputs are
 * read and the bootstrapped persistent homology of the neurons (as
 * `bootstrapNeuronPersistence`) is computed in worker threads while training
 * goes on, one line of `topology.jsonl` per snapshot.
 */
export interface NeuronMonitorConfig {
  /** Layers whose neurons are pooled; default every hidden activation layer (`dense1_act`, `conv1_act`, ...). */
  readonly layers?: readonly string[];
  /** Epochs between snapshots, a number > 0 (0.5: twice an epoch); default 1. */
  readonly every?: number;
  /** Neurons sampled per repeat, an integer >= 2 or `"all"`; default 500 (all when the layers have fewer). */
  readonly neurons?: number | "all";
  /**
   * Inputs of the monitor: a fixed seeded sample of this many training
   * samples, the same at every snapshot, used whole by every repeat; an
   * integer >= 2 or `"all"`; default 1000 (all when the set is smaller).
   */
  readonly samples?: number | "all";
  /** Repeats B per snapshot, an integer >= 1; default 4. */
  readonly bootstrap?: number;
  /** How neurons are sampled; default `"uniform"`. */
  readonly sampling?: NeuronSampling;
  /** The neuron metric (see `NEURON_METRICS`); default `"abs-correlation"` (1-|corr|). */
  readonly metric?: NeuronMetric;
  /** Homology in dimensions 0..dim; default 1. */
  readonly dim?: number;
  /** Rips threshold, a number > 0; default none. */
  readonly threshold?: number;
  /** Precision of the distances; default `"float32"`. */
  readonly precision?: Precision;
  /** Seed of the monitor's inputs and of the bootstrap repeats; default 0. */
  readonly seed?: number;
}

/** The parameters of a snapshot, as `topology.jsonl` and `nettopo neurons --format json` write them. */
export interface NeuronMonitorParameters {
  readonly layers: readonly string[];
  readonly neurons: number | "all";
  readonly samples: number | "all";
  readonly bootstrap: number;
  readonly sampling: NeuronSampling;
  readonly metric: NeuronMetric;
  readonly dim: number;
  /** null for none. */
  readonly threshold: number | null;
  readonly precision: Precision;
  readonly seed: number;
}

/** A monitor with every default filled in, as `config.json` records it. */
export interface ResolvedNeuronMonitorConfig extends NeuronMonitorParameters {
  readonly kind: "neurons";
  readonly every: number;
}

/**
 * Checks a monitor configuration against the model's layers and the size of
 * the training set and fills in its defaults (internal).
 *
 * @throws TypeError / RangeError naming the field, what it got and what it expected.
 */
export function resolveNeuronMonitorConfig(
  config: NeuronMonitorConfig,
  layers: readonly LayerInfo[],
  trainCount: number,
): ResolvedNeuronMonitorConfig {
  const name = "monitor";
  const c = requireOptions(name, config);
  const hidden = layers.filter((l) => l.kind === "activation").map((l) => l.name);
  let chosen: string[];
  if (c.layers === undefined) {
    if (hidden.length === 0) {
      throw new RangeError(
        `${name}: the network has no hidden activation layer to monitor; name layers (it has ${layers.map((l) => l.name).join(", ")})`,
      );
    }
    chosen = hidden;
  } else {
    if (
      !Array.isArray(c.layers) ||
      c.layers.length === 0 ||
      !c.layers.every((l) => typeof l === "string")
    ) {
      throw new TypeError(
        `${name}.layers must be a non-empty array of layer names; got ${describe(c.layers)}`,
      );
    }
    const known = layers.map((l) => l.name);
    for (const layer of c.layers) {
      if (!known.includes(layer) || layer === "input") {
        throw new RangeError(
          `${name}.layers: the network has no layer ${JSON.stringify(layer)}; its layers are ${known.filter((k) => k !== "input").join(", ")}`,
        );
      }
    }
    if (new Set(c.layers).size !== c.layers.length) {
      throw new RangeError(`${name}.layers names a layer twice: ${c.layers.join(", ")}`);
    }
    chosen = [...c.layers];
  }
  const pool = chosen
    .map((n) => layers.find((l) => l.name === n)!.outputShape.reduce((a, b) => a * b, 1))
    .reduce((a, b) => a + b, 0);
  if (pool < 2) {
    throw new RangeError(
      `${name}.layers: the topology of neurons needs at least 2 neurons; ${chosen.join(", ")} ${chosen.length === 1 ? "has" : "have"} ${pool}`,
    );
  }
  const every = optionalNumber(`${name}.every`, c.every, 1, 0);
  if (!(every > 0)) throw new RangeError(`${name}.every must be > 0 epochs; got ${every}`);
  const count = (field: "neurons" | "samples", fallback: number, total: number) => {
    const value = c[field];
    if (value === "all") return "all";
    const n = optionalInteger(`${name}.${field}`, value, fallback, 2);
    return n >= total ? "all" : n;
  };
  const threshold = c.threshold;
  if (threshold !== undefined && (typeof threshold !== "number" || !(threshold > 0))) {
    throw new RangeError(
      `${name}.threshold must be a number > 0 (or undefined: none); got ${describe(threshold)}`,
    );
  }
  return {
    kind: "neurons",
    every,
    layers: chosen,
    neurons: count("neurons", 500, pool),
    samples: count("samples", 1000, trainCount),
    bootstrap: optionalInteger(`${name}.bootstrap`, c.bootstrap, 4, 1),
    sampling: optionalChoice(`${name}.sampling`, c.sampling, NEURON_SAMPLINGS, "uniform"),
    metric: optionalChoice(
      `${name}.metric`,
      c.metric,
      Object.keys(NEURON_METRICS) as NeuronMetric[],
      "abs-correlation",
    ),
    dim: optionalInteger(`${name}.dim`, c.dim, 1, 0),
    threshold: threshold === undefined || threshold === Number.POSITIVE_INFINITY ? null : threshold,
    precision: optionalChoice(`${name}.precision`, c.precision, ["float32", "float64"], "float32"),
    seed: optionalSeed(`${name}.seed`, c.seed),
  };
}

/**
 * Whether a monitor with snapshots every `every` epochs takes one after
 * `step` optimizer steps (internal): the snapshots are at steps
 * `round(k * every * stepsPerEpoch)` for k = 0, 1, 2, ...
 */
export function isSnapshotStep(step: number, every: number, stepsPerEpoch: number): boolean {
  const period = every * stepsPerEpoch;
  const k = Math.round(step / period);
  for (const j of [k - 1, k, k + 1]) if (j >= 0 && Math.round(j * period) === step) return true;
  return false;
}

/** The first snapshot step after `step` (internal). */
export function nextSnapshotStep(step: number, every: number, stepsPerEpoch: number): number {
  const period = every * stepsPerEpoch;
  let k = Math.max(0, Math.floor(step / period) - 1);
  while (Math.round(k * period) <= step) k += 1;
  return Math.round(k * period);
}
