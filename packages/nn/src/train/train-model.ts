import { seededRandom } from "@nettopo/core";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { type Dataset, requireDataset } from "../data/dataset.js";
import { permutation } from "../data/permutation.js";
import { selectSamples } from "../data/subset.js";
import {
  describe,
  optionalChoice,
  optionalInteger,
  optionalNumber,
  optionalSeed,
  requireInteger,
  requireOptions,
} from "../validate.js";
import { chainForward, type Forward } from "./chain-forward.js";
import { deriveSeed } from "./derive-seed.js";
import { checkFit, evaluateUnchecked, LOSSES, type LossName, oneHot } from "./evaluate-model.js";
import { meanLoss } from "./fused-loss.js";
import {
  createOptimizer,
  type OptimizerConfig,
  resolveOptimizerConfig,
} from "./optimizer-config.js";
import { setupBackend } from "./setup-backend.js";
import type { Metrics, TrainingRecord } from "./training-record.js";

/** Where a training step is, for progress bars. */
export interface StepProgress {
  /** The epoch under way, from 1. */
  readonly epoch: number;
  /** Steps done in this epoch, from 1. */
  readonly stepInEpoch: number;
  readonly stepsPerEpoch: number;
  /** Steps done in all. */
  readonly step: number;
  /** This step's mini-batch loss (training mode, before the update). */
  readonly loss: number;
}

/** Options of {@link trainModel}. */
export interface TrainModelOptions {
  /** Labelled training samples of the model's input size. */
  readonly train: Dataset;
  /** Labelled test samples, measured at every record. */
  readonly test: Dataset;
  /** The epoch to stop after (counting the `initialEpoch` ones already done). Required. */
  readonly epochs: number;
  /** Samples per step; the last step of an epoch takes the rest. Default 128. */
  readonly batchSize?: number;
  /** The optimizer (see {@link OptimizerConfig}); default Adam with learning rate 1e-3. */
  readonly optimizer?: OptimizerConfig;
  /**
   * A TF.js optimizer to use instead of one made from `optimizer` (e.g. one
   * restored from a checkpoint); `optimizer.weightDecay` still applies.
   */
  readonly optimizerInstance?: tf.Optimizer;
  /** `"cross-entropy"` (default) or `"mse"`; see `evaluateModel`. */
  readonly loss?: LossName;
  /**
   * Seed of the order of the samples in each epoch and of the dropout masks
   * of each step; default 0. Both derive from (seed, epoch) and (seed,
   * step), so a run resumed at an epoch draws what an uninterrupted one would.
   */
  readonly seed?: number;
  /**
   * Record every this fraction of an epoch, in (0, 1]: 0.25 records four
   * times an epoch (at the steps nearest to each quarter) and at its end.
   * Default 1: at the end of each epoch only.
   */
  readonly every?: number;
  /**
   * Training samples the `train` metrics are measured on: a fixed seeded
   * subset of this many, or all when 0 or when the set is smaller. Default
   * 10000.
   */
  readonly trainEvaluationSize?: number;
  /** Epochs already done (when resuming); default 0. A start record is made only from 0. */
  readonly initialEpoch?: number;
  /** Seconds already spent (when resuming), added to `seconds`; default 0. */
  readonly initialSeconds?: number;
  /**
   * Called with every record (start, fractions, epoch ends); the loop waits
   * for a returned promise. The model is live: read it now (e.g. activations
   * for a monitor to process in a worker) or copy it, since training goes on
   * when the callback returns.
   */
  readonly onRecord?: (record: TrainingRecord, model: tfl.LayersModel) => void | Promise<void>;
  /**
   * Called after every step (before that step's record, if any); the loop
   * waits for a returned promise (e.g. a monitor's backpressure).
   */
  readonly onStep?: (progress: StepProgress) => void | Promise<void>;
  /** Stops the training between steps when aborted (the result says so). */
  readonly signal?: AbortSignal;
}

/** What {@link trainModel} returns. */
export interface TrainModelResult {
  /** Every record made, in order. */
  readonly records: TrainingRecord[];
  /** Epochs done when it returned (all of them unless interrupted). */
  readonly epochs: number;
  /** Whether `signal` stopped it before the last epoch ended. */
  readonly interrupted: boolean;
  /** The optimizer used (its state continues the run). */
  readonly optimizer: tf.Optimizer;
}

/** Seed paths of the random streams of a run. */
const SHUFFLE = 1;
const DROPOUT = 2;
const TRAIN_SUBSET = 3;

/**
 * Trains a classifier (a TF.js Layers model with one output per class) on
 * TF.js's wasm backend with mini-batch SGD or Adam: deterministic for a seed
 * (initialise the model with a seed too, as `buildModel` does), recording
 * train and test loss, accuracy and the generalization gap every epoch or
 * fraction of one, and interruptible between steps. See
 * {@link TrainingRecord} for what is measured.
 *
 * @param model - The model, trained in place.
 * @param options - See {@link TrainModelOptions}.
 * @returns The records, the epochs done, whether it was interrupted, and the optimizer.
 * @throws RangeError for data that does not fit the model (naming expected
 *   and got), bad options, or a loss that stops being finite (divergence:
 *   lower the learning rate).
 * @example
 * ```ts
 * const { model } = buildModel("4-64-64-2", { seed: 0 });
 * const { train, test } = trainTestSplit(ballInCube({ count: 5000 }), { seed: 0 });
 * const { records } = await trainModel(model, { train, test, epochs: 20, seed: 0 });
 * records.at(-1)!.test.accuracy; // > 0.95
 * ```
 */
export async function trainModel(
  model: tfl.LayersModel,
  options: TrainModelOptions,
): Promise<TrainModelResult> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `trainModel: options must be an object with train, test and epochs; got ${describe(options)}`,
    );
  }
  const opts = requireOptions("trainModel: options", options);
  if (!(model instanceof tfl.LayersModel)) {
    throw new TypeError(`trainModel: model must be a TF.js LayersModel; got ${describe(model)}`);
  }
  const train = requireDataset("trainModel: options.train", opts.train);
  const test = requireDataset("trainModel: options.test", opts.test);
  const epochs = requireInteger("trainModel: options.epochs", opts.epochs, 1);
  const batchSize = optionalInteger("trainModel: options.batchSize", opts.batchSize, 128, 1);
  const loss = optionalChoice("trainModel: options.loss", opts.loss, LOSSES, "cross-entropy");
  const seed = optionalSeed("trainModel: options.seed", opts.seed);
  const every = optionalNumber("trainModel: options.every", opts.every, 1, 0, 1);
  if (every <= 0) throw new RangeError(`trainModel: options.every must be in (0, 1]; got ${every}`);
  const evaluationSize = optionalInteger(
    "trainModel: options.trainEvaluationSize",
    opts.trainEvaluationSize,
    10000,
    0,
  );
  const initialEpoch = optionalInteger("trainModel: options.initialEpoch", opts.initialEpoch, 0, 0);
  const initialSeconds = optionalNumber(
    "trainModel: options.initialSeconds",
    opts.initialSeconds,
    0,
    0,
  );
  const optimizerConfig = resolveOptimizerConfig(opts.optimizer);
  if (train.count === 0) throw new RangeError(`trainModel: ${train.name} has no samples`);
  if (test.count === 0) throw new RangeError(`trainModel: ${test.name} has no samples`);
  await setupBackend();
  const { inputShape, classes } = checkFit("trainModel", model, train);
  checkFit("trainModel", model, test);

  const optimizer = opts.optimizerInstance ?? createOptimizer(optimizerConfig);
  const size = inputShape.reduce((a, b) => a * b, 1);
  const stepsPerEpoch = Math.ceil(train.count / batchSize);
  const marks = recordSteps(stepsPerEpoch, every);
  const trainSubset =
    evaluationSize === 0 || evaluationSize >= train.count
      ? train
      : selectSamples(
          train,
          permutation(train.count, seededRandom(deriveSeed(seed, TRAIN_SUBSET))).subarray(
            0,
            evaluationSize,
          ),
          `${train.name} (evaluation subset)`,
        );
  const forward: Forward =
    chainForward(model) ?? ((x, training) => model.apply(x, { training }) as tf.Tensor);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const kernels = model.trainableWeights
    .filter((w) => /\/kernel$/.test(w.originalName))
    .map((w) => w.read() as tf.Variable);
  const dropouts = model.layers.filter((l) => l.getClassName() === "Dropout") as unknown as {
    seed?: number;
  }[];
  const dropoutSeeds = dropouts.map((l) => l.seed);
  const records: TrainingRecord[] = [];
  const started = performance.now();
  const seconds = () => initialSeconds + (performance.now() - started) / 1000;
  const record = async (kind: TrainingRecord["kind"], step: number, batch: Metrics | undefined) => {
    const trainMetrics = evaluateUnchecked(model, trainSubset, inputShape, classes, loss, 1000);
    const testMetrics = evaluateUnchecked(model, test, inputShape, classes, loss, 1000);
    const entry: TrainingRecord = {
      kind,
      epoch: step / stepsPerEpoch,
      step,
      train: trainMetrics,
      test: testMetrics,
      gap: {
        accuracy: trainMetrics.accuracy - testMetrics.accuracy,
        loss: testMetrics.loss - trainMetrics.loss,
      },
      ...(batch === undefined ? {} : { batch }),
      seconds: seconds(),
    };
    records.push(entry);
    await opts.onRecord?.(entry, model);
  };

  let step = initialEpoch * stepsPerEpoch;
  let interrupted = false;
  let lastYield = performance.now();
  try {
    if (initialEpoch === 0) await record("start", 0, undefined);
    let epoch = initialEpoch;
    for (epoch = initialEpoch + 1; epoch <= epochs; epoch += 1) {
      const order = permutation(train.count, seededRandom(deriveSeed(seed, SHUFFLE, epoch)));
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      for (let s = 0; s < stepsPerEpoch; s += 1) {
        if (opts.signal?.aborted) {
          interrupted = true;
          break;
        }
        const indices = order.subarray(s * batchSize, Math.min((s + 1) * batchSize, train.count));
        const n = indices.length;
        const inputs = new Float32Array(n * size);
        const labels = new Int32Array(n);
        for (let k = 0; k < n; k += 1) {
          const i = indices[k]!;
          inputs.set(train.inputs.subarray(i * size, (i + 1) * size), k * size);
          labels[k] = train.labels![i]!;
        }
        dropouts.forEach((layer, k) => {
          layer.seed = deriveSeed(seed, DROPOUT, step, k);
        });
        let batchLoss = Number.NaN;
        let batchCorrect = 0;
        tf.tidy(() => {
          const x = tf.tensor(inputs, [n, ...inputShape]);
          const y = oneHot(labels, classes);
          optimizer.minimize(
            () => {
              const outputs = forward(x, true) as tf.Tensor2D;
              const dataLoss = meanLoss(outputs, y, loss);
              // Read now (synchronous on wasm): minimize disposes what it is given.
              batchLoss = dataLoss.dataSync()[0]!;
              batchCorrect = countCorrectRows(outputs.dataSync() as Float32Array, labels, classes);
              if (optimizerConfig.weightDecay === 0 || kernels.length === 0) return dataLoss;
              const squares = tf.addN(kernels.map((w) => tf.sum(tf.square(w))));
              return tf.add(
                dataLoss,
                tf.mul(optimizerConfig.weightDecay / 2, squares),
              ) as tf.Scalar;
            },
            false,
            variables,
          );
        });
        step += 1;
        if (!Number.isFinite(batchLoss)) {
          throw new RangeError(
            `trainModel: the training loss became ${batchLoss} at epoch ${epoch}, step ${s + 1}; the training diverged: lower the learning rate`,
          );
        }
        lossSum += batchLoss * n;
        correct += batchCorrect;
        seen += n;
        const pending = opts.onStep?.({
          epoch,
          stepInEpoch: s + 1,
          stepsPerEpoch,
          step,
          loss: batchLoss,
        });
        if (pending !== undefined) await pending;
        const end = s + 1 === stepsPerEpoch;
        if (end || marks.has(s + 1)) {
          await record(end ? "epoch" : "step", step, {
            loss: lossSum / seen,
            accuracy: correct / seen,
          });
          lossSum = 0;
          correct = 0;
          seen = 0;
        }
        if (performance.now() - lastYield > 20) {
          // Let timers and signal handlers (e.g. SIGINT aborting `signal`) run.
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
      }
      if (interrupted) break;
    }
    return { records, epochs: interrupted ? epoch - 1 : epochs, interrupted, optimizer };
  } finally {
    dropouts.forEach((layer, k) => {
      layer.seed = dropoutSeeds[k];
    });
  }
}

/** The number of rows of `outputs` ([n, classes], row-major) whose first largest value is at the label. */
function countCorrectRows(outputs: Float32Array, labels: Int32Array, classes: number): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i += 1) {
    let best = 0;
    for (let c = 1; c < classes; c += 1) {
      if (outputs[i * classes + c]! > outputs[i * classes + best]!) best = c;
    }
    if (best === labels[i]) correct += 1;
  }
  return correct;
}

/** The steps within an epoch (1-based, before its last) after which to record. */
function recordSteps(stepsPerEpoch: number, every: number): Set<number> {
  const marks = new Set<number>();
  for (let k = 1; k * every < 1 - 1e-9; k += 1) {
    const s = Math.round(k * every * stepsPerEpoch);
    if (s >= 1 && s < stepsPerEpoch) marks.add(s);
  }
  return marks;
}
