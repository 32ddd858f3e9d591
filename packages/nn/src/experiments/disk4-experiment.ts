import { stat } from "node:fs/promises";
import { join } from "node:path";
import { readMetrics } from "../train/metrics-log.js";
import type { NeuronMonitorConfig } from "../train/neuron-monitor-config.js";
import { readTopology, type TopologyRecord } from "../train/read-topology.js";
import type { StepProgress } from "../train/train-model.js";
import { type RunResult, resumeRun, trainRun } from "../train/train-run.js";
import type { Metrics, TrainingRecord } from "../train/training-record.js";
import {
  describe,
  optionalChoice,
  optionalInteger,
  optionalSeed,
  requireOptions,
} from "../validate.js";
import { type TopologyEvolutionPoint, topologyEvolution } from "./topology-evolution.js";

/** What a disk4 experiment trains and measures. */
export interface Disk4ExperimentSettings {
  /** The networks (`nettopo train --arch` specs). */
  readonly architectures: readonly string[];
  /** Epochs per network. */
  readonly epochs: number;
  /** Points of D^4 before the 80/20 split. */
  readonly count: number;
  /** The neuron monitor of every run. */
  readonly monitor: NeuronMonitorConfig;
}

/**
 * The four ReLU MLPs of the seed experiment (softmax over 2 classes).
 *
 * @example
 * ```ts
 * await runDisk4Experiment("runs/disk4-small", { architectures: DISK4_ARCHITECTURES.slice(0, 2) });
 * ```
 */
export const DISK4_ARCHITECTURES: readonly string[] = [
  "4-64-64-2",
  "4-128-128-2",
  "4-128-128-128-2",
  "4-512-512-2",
];

/**
 * The settings of `nettopo experiment disk4` (`full`), of its `--quick`
 * form, and of `nettopo demo` (`demo`: one network, a few epochs, well
 * under two minutes on two cores). Every monitor computes H0, H1 and H2 of
 * 100 (quick, demo: 60) neurons sampled from all hidden layers (the same
 * number for every network, so that the counts compare), over 1000 (500)
 * fixed training inputs, B = 4 (2) repeats, at the start and after every
 * epoch (demo: every half epoch). H2 of many neurons is what costs: at 100
 * neurons a repeat takes about 0.2 s here, at 500 about 5 s. Measured here
 * (2 shared cores): full about 2.5 min, quick about 50 s, demo about 20 s.
 *
 * @example
 * ```ts
 * const { runs } = await runDisk4Experiment("runs/demo", { preset: "demo" }); // DISK4_PRESETS.demo
 * ```
 */
export const DISK4_PRESETS: Readonly<Record<"full" | "quick" | "demo", Disk4ExperimentSettings>> = {
  full: {
    architectures: DISK4_ARCHITECTURES,
    epochs: 20,
    count: 10000,
    monitor: { every: 1, neurons: 100, samples: 1000, bootstrap: 4, dim: 2 },
  },
  quick: {
    architectures: DISK4_ARCHITECTURES,
    epochs: 6,
    count: 10000,
    monitor: { every: 1, neurons: 60, samples: 500, bootstrap: 2, dim: 2 },
  },
  demo: {
    architectures: ["4-64-64-2"],
    epochs: 12,
    count: 10000,
    monitor: { every: 0.5, neurons: 60, samples: 500, bootstrap: 4, dim: 2 },
  },
};

/** Options of {@link runDisk4Experiment}. */
export interface Disk4ExperimentOptions {
  /** The settings to start from (see {@link DISK4_PRESETS}); default `"full"`. */
  readonly preset?: "full" | "quick" | "demo";
  /** Instead of the preset's networks. */
  readonly architectures?: readonly string[];
  /** Instead of the preset's epochs. */
  readonly epochs?: number;
  /** Instead of the preset's number of points. */
  readonly count?: number;
  /** Fields that replace the preset's monitor fields. */
  readonly monitor?: NeuronMonitorConfig;
  /** Seed of the initialisation, the shuffling and the monitor; default 0 (the data's seed is always 0). */
  readonly seed?: number;
  /** Worker threads per snapshot (see `RunOptions.monitorWorkers`). */
  readonly monitorWorkers?: number;
  /** Stops the run under way (it resumes when the experiment is run again). */
  readonly signal?: AbortSignal;
  /** Called when a network's run starts: its spec and directory, and whether it resumes or is done already. */
  readonly onRun?: (
    architecture: string,
    directory: string,
    state: "new" | "resumed" | "done",
  ) => void;
  /** Called with every training record. */
  readonly onRecord?: (architecture: string, record: TrainingRecord) => void;
  /** Called after every step. */
  readonly onStep?: (architecture: string, progress: StepProgress) => void;
  /** Called after each snapshot is written. */
  readonly onSnapshot?: (architecture: string, record: TopologyRecord, queued: number) => void;
}

/** One network of the experiment. */
export interface Disk4Run {
  readonly architecture: string;
  /** Its run directory (see `trainRun`). */
  readonly directory: string;
  /** Epochs done. */
  readonly epochs: number;
  /** Whether the signal stopped it. */
  readonly interrupted: boolean;
  /** Wall seconds of this call on it, training and topology (0 when it was done already). */
  readonly seconds: number;
  /** The last record's test metrics. */
  readonly test: Metrics;
  /** The last record's generalization gap (train - test accuracy). */
  readonly gapAccuracy: number;
  /** H0..H2 at the start, the middle and the end ({@link topologyEvolution}). */
  readonly evolution: readonly TopologyEvolutionPoint[];
}

/** What {@link runDisk4Experiment} returns. */
export interface Disk4ExperimentResult {
  readonly directory: string;
  readonly settings: Disk4ExperimentSettings & { readonly seed: number };
  /** The networks run, in order (up to the interrupted one). */
  readonly runs: readonly Disk4Run[];
  readonly interrupted: boolean;
}

/**
 * The seed experiment of neuron topology: trains ReLU MLPs with softmax
 * (4-64-64-2, 4-128-128-2, 4-128-128-128-2, 4-512-512-2) to tell whether a
 * point of [0,1]^4 lies in the ball D^4 of radius 1/2 about its centre
 * (`disk4` data), each into a run directory `DIRECTORY/SPEC` with the neuron
 * monitor (persistent homology of 1-|corr| of sampled hidden neurons, H0 to
 * H2, bootstrapped) in `topology.jsonl`, and summarises how H0, H1 and H2
 * evolve with training and across architectures. A network whose directory
 * holds a finished run is read, an unfinished one resumed, so an
 * interrupted experiment continues where it stopped.
 *
 * @param directory - Where the run directories go (created as needed).
 * @param options - See {@link Disk4ExperimentOptions}; settings from
 *   {@link DISK4_PRESETS} (default `"full"`).
 * @returns Per network: final test accuracy, gap and topology evolution.
 * @throws RangeError for bad settings, a run directory that is not this
 *   experiment's (e.g. another number of epochs done); training errors.
 * @example
 * ```ts
 * const { runs } = await runDisk4Experiment("runs/disk4-demo", { preset: "demo" });
 * runs[0].evolution.at(-1).dimensions[1].bars.mean; // H1 bars after training
 * ```
 */
export async function runDisk4Experiment(
  directory: string,
  options?: Disk4ExperimentOptions,
): Promise<Disk4ExperimentResult> {
  if (typeof directory !== "string" || directory === "") {
    throw new TypeError(`runDisk4Experiment: directory must be a path; got ${describe(directory)}`);
  }
  const opts = requireOptions("runDisk4Experiment: options", options);
  const preset =
    DISK4_PRESETS[
      optionalChoice(
        "runDisk4Experiment: options.preset",
        opts.preset,
        ["full", "quick", "demo"],
        "full",
      )
    ];
  const architectures = opts.architectures ?? preset.architectures;
  if (!Array.isArray(architectures) || architectures.length === 0) {
    throw new TypeError(
      `runDisk4Experiment: options.architectures must be a non-empty array of specs; got ${describe(architectures)}`,
    );
  }
  const settings = {
    architectures,
    epochs: optionalInteger("runDisk4Experiment: options.epochs", opts.epochs, preset.epochs, 1),
    count: optionalInteger("runDisk4Experiment: options.count", opts.count, preset.count, 10),
    monitor: {
      ...preset.monitor,
      ...requireOptions("runDisk4Experiment: options.monitor", opts.monitor),
    },
    seed: optionalSeed("runDisk4Experiment: options.seed", opts.seed),
  };
  const runs: Disk4Run[] = [];
  for (const architecture of architectures) {
    const run = join(directory, architecture);
    const runOptions = {
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      ...(opts.monitorWorkers === undefined ? {} : { monitorWorkers: opts.monitorWorkers }),
      onRecord: (record: TrainingRecord) => opts.onRecord?.(architecture, record),
      onStep: (progress: StepProgress) => opts.onStep?.(architecture, progress),
      onSnapshot: (record: TopologyRecord, queued: number) =>
        opts.onSnapshot?.(architecture, record, queued),
    };
    const started = performance.now();
    let result: Pick<RunResult, "epochs" | "interrupted" | "records">;
    let done = false;
    if (await exists(join(run, "config.json"))) {
      if (await exists(join(run, "model", "model.json"))) {
        opts.onRun?.(architecture, run, "done");
        done = true;
        const records = await readMetrics(join(run, "metrics.jsonl"));
        const epochs = records.at(-1)?.epoch ?? 0;
        if (epochs !== settings.epochs) {
          throw new RangeError(
            `${run} holds a finished run of ${epochs} epochs; this experiment trains ${settings.epochs}: choose another directory`,
          );
        }
        result = { epochs, interrupted: false, records };
      } else {
        opts.onRun?.(architecture, run, "resumed");
        result = await resumeRun(run, { ...runOptions, epochs: settings.epochs });
      }
    } else {
      opts.onRun?.(architecture, run, "new");
      result = await trainRun(
        run,
        {
          arch: architecture,
          data: { dataset: "disk4", count: settings.count, seed: 0 },
          epochs: settings.epochs,
          seed: settings.seed,
          monitor: { seed: settings.seed, ...settings.monitor },
        },
        runOptions,
      );
    }
    const seconds = done ? 0 : (performance.now() - started) / 1000;
    const last = result.records.at(-1);
    const topology = await readTopology(run);
    runs.push({
      architecture,
      directory: run,
      epochs: result.epochs,
      interrupted: result.interrupted,
      seconds,
      test: last?.test ?? { loss: Number.NaN, accuracy: Number.NaN },
      gapAccuracy: last?.gap.accuracy ?? Number.NaN,
      evolution: topology.length === 0 ? [] : topologyEvolution(topology),
    });
    if (result.interrupted) return { directory, settings, runs, interrupted: true };
  }
  return { directory, settings, runs, interrupted: false };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
