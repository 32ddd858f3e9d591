import { constants, readFileSync } from "node:fs";
import { access, mkdir, open, readdir, readFile, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { NormalizationStats } from "../data/normalize.js";
import {
  describe,
  optionalChoice,
  optionalInteger,
  optionalNumber,
  optionalSeed,
  requireOptions,
} from "../validate.js";
import {
  type ActivationName,
  type BuildModelOptions,
  buildModel,
  type LayerInfo,
} from "./build-model.js";
import { type CheckpointState, loadCheckpoint, saveCheckpoint } from "./checkpoint.js";
import { writeDirectoryAtomic, writeFileAtomic } from "./durable-files.js";
import { LOSSES, type LossName } from "./evaluate-model.js";
import { fileSystemHandler } from "./file-system-handler.js";
import { MetricsLog, truncateMetrics } from "./metrics-log.js";
import { monitorInputs, NeuronMonitor } from "./neuron-monitor.js";
import {
  isSnapshotStep,
  type NeuronMonitorConfig,
  nextSnapshotStep,
  type ResolvedNeuronMonitorConfig,
  resolveNeuronMonitorConfig,
} from "./neuron-monitor-config.js";
import {
  createOptimizer,
  type OptimizerConfig,
  type ResolvedOptimizerConfig,
  resolveOptimizerConfig,
} from "./optimizer-config.js";
import { parseArchitecture } from "./parse-architecture.js";
import {
  type DataConfig,
  type PreparedData,
  prepareData,
  type ResolvedDataConfig,
} from "./prepare-data.js";
import { readTopologyFile, TOPOLOGY_FILE, type TopologyRecord } from "./read-topology.js";
import { type BackendInfo, setupBackend } from "./setup-backend.js";
import { TopologyLog, truncateTopology } from "./topology-log.js";
import { type StepProgress, trainModel } from "./train-model.js";
import type { TrainingRecord } from "./training-record.js";

/** What a training run is: the network, the data and how to train. */
export interface RunConfig {
  /** The network spec (see `parseArchitecture`), e.g. `"4-64-64-2"`. */
  readonly arch: string;
  /** The data (see {@link DataConfig}). */
  readonly data: DataConfig;
  /** Epochs to train. */
  readonly epochs: number;
  /** Samples per step; default 128. */
  readonly batchSize?: number;
  /** Default Adam, learning rate 1e-3 (see {@link OptimizerConfig}). */
  readonly optimizer?: OptimizerConfig;
  /** Default `"cross-entropy"`. */
  readonly loss?: LossName;
  /** Seed of the initialisation, the shuffling and dropout; default 0. */
  readonly seed?: number;
  /** Record every this fraction of an epoch; default 1. */
  readonly every?: number;
  /** Training samples measured at each record; default 10000 (0: all). */
  readonly trainEvaluationSize?: number;
  /** Hidden activation; default `"relu"`. */
  readonly activation?: ActivationName;
  /** Leaky ReLU's slope; default 0.01. */
  readonly leakyReluAlpha?: number;
  /** Batch norm on every hidden layer; default false. */
  readonly batchNorm?: boolean;
  /** Dropout after every hidden dense layer; default 0. */
  readonly dropout?: number;
  /**
   * The neuron-topology monitor (see {@link NeuronMonitorConfig}): snapshots
   * before training and every `monitor.every` epochs into `topology.jsonl`;
   * default none.
   */
  readonly monitor?: NeuronMonitorConfig;
}

/**
 * A run's `config.json`: everything needed to resume and reproduce it, with
 * every default filled in.
 */
export interface RunFile {
  readonly format: "nettopo-run";
  readonly formatVersion: 1;
  readonly created: string;
  readonly arch: string;
  readonly model: Required<Omit<BuildModelOptions, "inputShape">> & {
    readonly inputShape: readonly number[];
  };
  readonly data: ResolvedDataConfig & {
    /** The normalisation applied (statistics of the training part); null for none. */
    readonly normalization: NormalizationStats | null;
    readonly train: {
      readonly name: string;
      readonly count: number;
      readonly sampleShape: readonly number[];
    };
    readonly test: {
      readonly name: string;
      readonly count: number;
      readonly sampleShape: readonly number[];
    };
    readonly classNames?: readonly string[];
  };
  readonly training: {
    readonly epochs: number;
    readonly batchSize: number;
    readonly stepsPerEpoch: number;
    readonly optimizer: ResolvedOptimizerConfig;
    readonly loss: LossName;
    readonly seed: number;
    readonly every: number;
    readonly trainEvaluationSize: number;
  };
  readonly layers: readonly LayerInfo[];
  /** The neuron-topology monitor, every default filled in; absent for none. */
  readonly monitor?: ResolvedNeuronMonitorConfig;
  readonly versions: {
    readonly nettopo: string;
    readonly tfjs: BackendInfo["versions"];
    readonly node: string;
  };
}

/** Options of {@link trainRun} and {@link resumeRun}. */
export interface RunOptions {
  /** Called with every record, after it is on disk (and after the epoch's checkpoint). */
  readonly onRecord?: (record: TrainingRecord, model: tfl.LayersModel) => void | Promise<void>;
  /** Called after every step. */
  readonly onStep?: (progress: StepProgress) => void;
  /**
   * Stops between steps (and stops the monitor's workers); the directory
   * stays resumable from its last epoch checkpoint.
   */
  readonly signal?: AbortSignal;
  /**
   * Called after each snapshot of the monitor is on disk, with the number of
   * snapshots still queued.
   */
  readonly onSnapshot?: (record: TopologyRecord, queued: number) => void;
  /**
   * Worker threads of each monitor snapshot, an integer >= 1; default
   * `max(1, os.availableParallelism() - 1)`, so that training keeps a core.
   */
  readonly monitorWorkers?: number;
}

/** Options of {@link resumeRun}. */
export interface ResumeRunOptions extends RunOptions {
  /** Train to this many epochs instead of the config's (updating it); default the config's. */
  readonly epochs?: number;
}

/** What {@link trainRun} and {@link resumeRun} return. */
export interface RunResult {
  readonly directory: string;
  readonly config: RunFile;
  /** Every record of the run, earlier sessions' included. */
  readonly records: readonly TrainingRecord[];
  /** Epochs done. */
  readonly epochs: number;
  /** Whether `signal` stopped it; then `model/` is not written yet. */
  readonly interrupted: boolean;
  /** The epoch the session started from (0 for a new run). */
  readonly resumedFrom: number;
}

const CONFIG = "config.json";
const METRICS = "metrics.jsonl";
const CHECKPOINTS = "checkpoints";
const LOCK = "lock";

/**
 * Trains a network into a new run directory:
 *
 * - `config.json`: the spec, the data (name, split, seed, normalisation
 *   statistics, a data file's SHA-256), the optimizer, the seeds and the
 *   versions: all a run needs to be resumed or reproduced;
 * - `metrics.jsonl`: one {@link TrainingRecord} per line (the start, every
 *   `every` of an epoch, each epoch end), appended and flushed to disk;
 * - `checkpoints/epoch-NNN/`: after each epoch, the model in TF.js format
 *   (`model.json`, `weights.bin`), the optimizer's state (`optimizer.json`,
 *   `optimizer.bin`) and `state.json`, written to a temporary directory and
 *   renamed when complete;
 * - `model/`: the final model in TF.js format (written the same way).
 *
 * A killed run leaves valid files; {@link resumeRun} continues it from its
 * last checkpoint and gives the records an uninterrupted run would have.
 *
 * @param directory - The run directory: new, or empty.
 * @param config - See {@link RunConfig}.
 * @param options - See {@link RunOptions}.
 * @returns See {@link RunResult}.
 * @throws RangeError for a directory that is not empty (resume it, or pick
 *   another), a bad spec or option, data that does not fit the spec (naming
 *   expected and got); the file system's errors for a directory that cannot
 *   be written.
 * @example
 * ```ts
 * const run = await trainRun("runs/d4", { arch: "4-64-64-2", data: { dataset: "ball4" }, epochs: 20 });
 * run.records.at(-1)!.test.accuracy; // about 0.98
 * ```
 */
export async function trainRun(
  directory: string,
  config: RunConfig,
  options?: RunOptions,
): Promise<RunResult> {
  if (typeof directory !== "string" || directory === "") {
    throw new TypeError(`trainRun: directory must be a path; got ${describe(directory)}`);
  }
  const c = requireOptions("trainRun: config", config);
  const opts = requireOptions("trainRun: options", options);
  if (typeof c.arch !== "string")
    throw new TypeError(
      `trainRun: config.arch must be a spec such as "4-64-64-2"; got ${describe(c.arch)}`,
    );
  const architecture = parseArchitecture(c.arch);
  const epochs = optionalInteger("epochs", c.epochs, 0, 1);
  if (c.epochs === undefined) throw new TypeError("trainRun: config.epochs is required");
  const optimizer = resolveOptimizerConfig(c.optimizer);
  const batchSize = optionalInteger("batch size", c.batchSize, 128, 1);
  const seed = optionalSeed("seed", c.seed);
  const loss = optionalChoice("loss", c.loss, LOSSES, "cross-entropy");
  const every = optionalNumber("every", c.every, 1, 0, 1);
  if (every <= 0)
    throw new RangeError(`every must be a fraction of an epoch in (0, 1]; got ${every}`);
  const trainEvaluationSize = optionalInteger(
    "train evaluation size",
    c.trainEvaluationSize,
    10000,
    0,
  );
  await requireEmptyDirectory(directory);
  const backend = await setupBackend();
  const data = await prepareData(requireOptions("trainRun: config.data", c.data) as DataConfig);
  const modelOptions = {
    activation: c.activation ?? "relu",
    leakyReluAlpha: c.leakyReluAlpha ?? 0.01,
    batchNorm: c.batchNorm ?? false,
    dropout: c.dropout ?? 0,
    seed,
  } as const;
  const built = buildModel(architecture, { ...modelOptions, inputShape: data.train.sampleShape });
  let monitor: ResolvedNeuronMonitorConfig | undefined;
  try {
    monitor =
      c.monitor === undefined
        ? undefined
        : resolveNeuronMonitorConfig(c.monitor, built.layers, data.train.count);
    if (opts.monitorWorkers !== undefined)
      optionalInteger("monitor workers", opts.monitorWorkers, 1, 1);
  } catch (error) {
    built.model.dispose();
    throw error;
  }
  const runFile: RunFile = {
    format: "nettopo-run",
    formatVersion: 1,
    created: new Date().toISOString(),
    arch: architecture.spec,
    model: { ...modelOptions, inputShape: built.inputShape },
    data: describeData(data),
    training: {
      epochs,
      batchSize,
      stepsPerEpoch: Math.ceil(data.train.count / batchSize),
      optimizer,
      loss,
      seed,
      every,
      trainEvaluationSize,
    },
    layers: built.layers,
    ...(monitor === undefined ? {} : { monitor }),
    versions: { nettopo: packageVersion(), tfjs: backend.versions, node: process.version },
  };
  const trainer = createOptimizer(optimizer);
  try {
    await mkdir(directory, { recursive: true });
    const unlock = await lockRun(directory);
    try {
      await writeFileAtomic(join(directory, CONFIG), `${JSON.stringify(runFile, null, 2)}\n`);
      await mkdir(join(directory, CHECKPOINTS), { recursive: true });
      return await session(directory, runFile, data, built.model, trainer, undefined, [], opts);
    } finally {
      await unlock();
    }
  } finally {
    built.model.dispose();
    trainer.dispose();
  }
}

/**
 * Continues a run directory written by {@link trainRun} from its last
 * complete checkpoint (from the start if it has none): the records after
 * it are dropped from `metrics.jsonl`, the data is rebuilt from
 * `config.json` and checked (sizes, a file's SHA-256), the model and the
 * optimizer state are loaded, and training goes on with the same seeds, so
 * the records equal those of an uninterrupted run.
 *
 * @param directory - A run directory.
 * @param options - See {@link ResumeRunOptions}.
 * @returns See {@link RunResult}.
 * @throws RangeError for a directory that is not a run, a run that is
 *   already finished (pass more `epochs`), or data that changed.
 * @example
 * ```ts
 * const run = await resumeRun("runs/d4");
 * ```
 */
export async function resumeRun(directory: string, options?: ResumeRunOptions): Promise<RunResult> {
  if (typeof directory !== "string" || directory === "") {
    throw new TypeError(`resumeRun: directory must be a path; got ${describe(directory)}`);
  }
  const opts = requireOptions("resumeRun: options", options);
  let runFile: RunFile;
  try {
    runFile = JSON.parse(await readFile(join(directory, CONFIG), "utf8")) as RunFile;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new RangeError(
        `${directory} is not a run directory (no ${CONFIG}); start one with an architecture and a data set`,
      );
    }
    if (error instanceof SyntaxError)
      throw new RangeError(`${join(directory, CONFIG)} is not valid JSON`);
    throw error;
  }
  if (runFile?.format !== "nettopo-run") {
    throw new RangeError(`${join(directory, CONFIG)} is not a nettopo run configuration`);
  }
  const unlock = await lockRun(directory);
  try {
    let checkpoint = await lastCheckpoint(directory);
    if (runFile.monitor !== undefined) {
      // Snapshots still computing when the run stopped are missing: train
      // again from the last checkpoint at or before the first missing one.
      const t = runFile.training;
      const step = checkpoint?.state.step ?? -1;
      const written = (await readTopologyFile(join(directory, TOPOLOGY_FILE))).filter(
        (r) => r.step <= step,
      );
      const missing = nextSnapshotStep(
        written.at(-1)?.step ?? -1,
        runFile.monitor.every,
        t.stepsPerEpoch,
      );
      if (missing < step) checkpoint = await lastCheckpoint(directory, missing);
    }
    const doneEpochs = checkpoint?.state.epoch ?? 0;
    const epochs = optionalInteger("epochs", opts.epochs, runFile.training.epochs, 1);
    if (epochs < doneEpochs) {
      throw new RangeError(`${directory} has ${doneEpochs} epochs done; cannot train to ${epochs}`);
    }
    if (epochs !== runFile.training.epochs) {
      runFile = { ...runFile, training: { ...runFile.training, epochs } };
      await writeFileAtomic(join(directory, CONFIG), `${JSON.stringify(runFile, null, 2)}\n`);
    }
    await setupBackend();
    const data = await prepareData(runFile.data, runFile.data.normalization ?? undefined);
    for (const part of ["train", "test"] as const) {
      const expected = runFile.data[part];
      const got = data[part];
      if (expected.count !== got.count || expected.sampleShape.join() !== got.sampleShape.join()) {
        throw new RangeError(
          `the ${part} data of ${directory} had ${expected.count} samples of shape (${expected.sampleShape.join(", ")}); it now has ${got.count} of shape (${got.sampleShape.join(", ")})`,
        );
      }
    }
    const optimizer = createOptimizer(runFile.training.optimizer);
    let model: tfl.LayersModel;
    let state: CheckpointState | undefined;
    if (checkpoint) {
      ({ model, state } = await loadCheckpoint(checkpoint.path, optimizer));
    } else {
      model = buildModel(runFile.arch, { ...runFile.model }).model;
    }
    const kept = await truncateMetrics(join(directory, METRICS), state?.step ?? -1);
    if (runFile.monitor !== undefined) {
      await truncateTopology(join(directory, TOPOLOGY_FILE), state?.step ?? -1);
    }
    try {
      if (doneEpochs >= epochs) {
        if (await exists(join(directory, "model", "model.json"))) {
          throw new RangeError(
            `${directory} is finished (${doneEpochs} of ${epochs} epochs); pass more epochs to train further`,
          );
        }
        if (runFile.monitor === undefined) {
          await saveFinalModel(directory, model);
          return {
            directory,
            config: runFile,
            records: kept,
            epochs: doneEpochs,
            interrupted: false,
            resumedFrom: doneEpochs,
          };
        }
      }
      return await session(directory, runFile, data, model, optimizer, state, kept, opts);
    } finally {
      model.dispose();
      optimizer.dispose();
    }
  } finally {
    await unlock();
  }
}

/** Trains from a state (none: the start) and writes records, checkpoints and the final model. */
async function session(
  directory: string,
  runFile: RunFile,
  data: PreparedData,
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  state: CheckpointState | undefined,
  earlier: readonly TrainingRecord[],
  opts: Partial<RunOptions>,
): Promise<RunResult> {
  const log = await MetricsLog.open(join(directory, METRICS));
  const t = runFile.training;
  const config = runFile.monitor;
  const topologyPath = join(directory, TOPOLOGY_FILE);
  const topologyLog = config === undefined ? undefined : await TopologyLog.open(topologyPath);
  const monitor =
    config === undefined
      ? undefined
      : new NeuronMonitor(
          config,
          monitorInputs(data.train, config),
          topologyLog!,
          t.stepsPerEpoch,
          {
            ...(opts.monitorWorkers === undefined ? {} : { workers: opts.monitorWorkers }),
            ...(opts.onSnapshot === undefined ? {} : { onSnapshot: opts.onSnapshot }),
          },
        );
  const onAbort = () => void monitor?.abort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  let finished = false;
  try {
    if (monitor !== undefined && config !== undefined) {
      const step = state?.step ?? 0;
      const written = await readTopologyFile(topologyPath);
      if (
        isSnapshotStep(step, config.every, t.stepsPerEpoch) &&
        !written.some((r) => r.step === step)
      ) {
        await monitor.snapshot(model, step);
      }
    }
    const onStep =
      monitor === undefined
        ? opts.onStep
        : (progress: StepProgress) => {
            opts.onStep?.(progress);
            monitor.throwIfFailed();
            if (isSnapshotStep(progress.step, config!.every, t.stepsPerEpoch)) {
              return monitor.snapshot(model, progress.step);
            }
            return undefined;
          };
    const result = await trainModel(model, {
      train: data.train,
      test: data.test,
      epochs: t.epochs,
      batchSize: t.batchSize,
      optimizer: t.optimizer,
      optimizerInstance: optimizer,
      loss: t.loss,
      seed: t.seed,
      every: t.every,
      trainEvaluationSize: t.trainEvaluationSize,
      initialEpoch: state?.epoch ?? 0,
      initialSeconds: state?.seconds ?? 0,
      ...(onStep === undefined ? {} : { onStep }),
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      onRecord: async (record, live) => {
        await log.append(record);
        if (record.kind === "epoch") {
          const epoch = Math.round(record.epoch);
          await saveCheckpoint(
            join(directory, CHECKPOINTS, checkpointName(epoch)),
            live,
            optimizer,
            {
              epoch,
              step: record.step,
              seconds: record.seconds,
            },
          );
        }
        await opts.onRecord?.(record, live);
      },
    });
    if (!result.interrupted) {
      // The topology is complete before the model is: a run with model/ needs no resume.
      await monitor?.finish();
      finished = true;
      await saveFinalModel(directory, model);
    }
    return {
      directory,
      config: runFile,
      records: [...earlier, ...result.records],
      epochs: result.epochs,
      interrupted: result.interrupted,
      resumedFrom: state?.epoch ?? 0,
    };
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    if (!finished) await monitor?.abort();
    await topologyLog?.close();
    await log.close();
  }
}

/** `epoch-007`: three digits at least, so names sort by epoch. */
function checkpointName(epoch: number): string {
  return `epoch-${String(epoch).padStart(3, "0")}`;
}

async function saveFinalModel(directory: string, model: tfl.LayersModel): Promise<void> {
  await writeDirectoryAtomic(join(directory, "model"), async (temporary) => {
    await model.save(fileSystemHandler(temporary));
  });
}

/**
 * The last complete checkpoint of a run (at or before `maxStep` steps),
 * removing temporary directories that a killed write left.
 */
async function lastCheckpoint(
  directory: string,
  maxStep = Number.POSITIVE_INFINITY,
): Promise<{ path: string; state: CheckpointState } | undefined> {
  const root = join(directory, CHECKPOINTS);
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  for (const name of names.filter((n) => n.startsWith(".") && n.endsWith(".tmp"))) {
    await rm(join(root, name), { recursive: true, force: true });
  }
  const epochs = names
    .map((n) => /^epoch-(\d+)$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  for (const match of epochs) {
    const path = join(root, match[0]);
    try {
      const state = JSON.parse(await readFile(join(path, "state.json"), "utf8")) as CheckpointState;
      if (state.epoch === Number(match[1]) && state.step <= maxStep) return { path, state };
    } catch {
      // Not a checkpoint this version wrote completely: try the one before.
    }
  }
  return undefined;
}

function describeData(data: PreparedData): RunFile["data"] {
  const part = (d: PreparedData["train"]) => ({
    name: d.name,
    count: d.count,
    sampleShape: [...d.sampleShape],
  });
  return {
    ...data.config,
    normalization: data.normalization,
    train: part(data.train),
    test: part(data.test),
    ...(data.train.classNames === undefined ? {} : { classNames: data.train.classNames }),
  };
}

/**
 * Refuses a directory that exists and holds anything, or that cannot be
 * created (its nearest existing ancestor is a file or is not writable),
 * before any work is done.
 */
async function requireEmptyDirectory(directory: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    let ancestor = resolve(directory);
    for (;;) {
      const info = await stat(ancestor).catch(() => undefined);
      if (info !== undefined) {
        if (!info.isDirectory()) {
          throw new RangeError(
            ancestor === resolve(directory)
              ? `the run directory ${directory} is a file; expected a new or empty directory`
              : `cannot create the run directory ${directory}: ${ancestor} is a file`,
          );
        }
        try {
          await access(ancestor, constants.W_OK);
        } catch {
          throw new RangeError(
            `cannot create the run directory ${directory}: ${ancestor} is not writable`,
          );
        }
        return;
      }
      const parent = dirname(ancestor);
      if (parent === ancestor) return;
      ancestor = parent;
    }
  }
  if (names.length > 0) {
    throw new RangeError(
      `the run directory ${directory} is not empty; resume it (nettopo train --resume ${directory}) or choose a new directory`,
    );
  }
}

/**
 * Takes a run directory's lock file (holding the process id), so two
 * processes never write one run; a lock left by a process that is gone is
 * taken over. Returns the release.
 */
async function lockRun(directory: string): Promise<() => Promise<void>> {
  const path = join(directory, LOCK);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, "wx", 0o644);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new RangeError(`the run directory ${directory} is in use by process ${pid}`);
      }
      await rm(path, { force: true });
    }
  }
  throw new RangeError(`cannot lock the run directory ${directory}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The version of @nettopo/nn. */
function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return json.version;
}
