import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { type Dataset, requireDataset } from "../data/dataset.js";
import { describe, optionalChoice, optionalInteger, requireOptions } from "../validate.js";
import { inputShapeOf } from "./layer-activations.js";
import { requireBackend } from "./setup-backend.js";
import type { Metrics } from "./training-record.js";

/** The losses a classifier trains with. */
export type LossName = "cross-entropy" | "mse";

/** Every {@link LossName}. */
export const LOSSES: readonly LossName[] = ["cross-entropy", "mse"];

/** Options of {@link evaluateModel}. */
export interface EvaluateModelOptions {
  /**
   * `"cross-entropy"` (default): softmax cross-entropy of the logits and the
   * label, as PyTorch's `cross_entropy`; `"mse"`: the mean over the classes
   * of the squared difference between the outputs and the one-hot label, as
   * PyTorch's `mse_loss(outputs, one_hot)` (Hui & Belkin 2021).
   */
  readonly loss?: LossName;
  /** Samples per forward pass; default 1000. */
  readonly batchSize?: number;
}

/**
 * The mean loss and the accuracy of a classifier on a labelled data set, in
 * inference mode (dropout off, batch norm on its moving statistics).
 *
 * @param model - A Layers model whose outputs are one score per class.
 * @param dataset - Labelled samples of the model's input size.
 * @param options - See {@link EvaluateModelOptions}.
 * @returns `{ loss, accuracy }`; both NaN for an empty data set.
 * @throws RangeError for a data set without labels, a label beyond the
 *   model's outputs or samples that do not fit the model's input.
 * @example
 * ```ts
 * const { accuracy } = evaluateModel(model, test);
 * ```
 */
export function evaluateModel(
  model: tfl.LayersModel,
  dataset: Dataset,
  options?: EvaluateModelOptions,
): Metrics {
  requireBackend("evaluateModel");
  const opts = requireOptions("evaluateModel: options", options);
  const loss = optionalChoice("evaluateModel: options.loss", opts.loss, LOSSES, "cross-entropy");
  const batchSize = optionalInteger("evaluateModel: options.batchSize", opts.batchSize, 1000, 1);
  if (!(model instanceof tfl.LayersModel)) {
    throw new TypeError(`evaluateModel: model must be a TF.js LayersModel; got ${describe(model)}`);
  }
  const d = requireDataset("evaluateModel", dataset);
  const { inputShape, classes } = checkFit("evaluateModel", model, d);
  return evaluateUnchecked(model, d, inputShape, classes, loss, batchSize);
}

/** {@link evaluateModel} without the checks (internal). */
export function evaluateUnchecked(
  model: tfl.LayersModel,
  d: Dataset,
  inputShape: readonly number[],
  classes: number,
  loss: LossName,
  batchSize: number,
): Metrics {
  const size = inputShape.reduce((a, b) => a * b, 1);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < d.count; start += batchSize) {
    const n = Math.min(batchSize, d.count - start);
    const [batchLoss, batchCorrect] = tf.tidy(() => {
      const x = tf.tensor(d.inputs.subarray(start * size, (start + n) * size), [n, ...inputShape]);
      const labels = d.labels!.subarray(start, start + n);
      const outputs = model.predict(x, { batchSize: n }) as tf.Tensor2D;
      const sums = tf.stack([
        sumOfLosses(outputs, oneHot(labels, classes), loss),
        countCorrect(outputs, labels),
      ]);
      return sums.dataSync();
    }) as Float32Array;
    lossSum += batchLoss!;
    correct += batchCorrect!;
  }
  return { loss: lossSum / d.count, accuracy: correct / d.count };
}

/** The sum over a batch of the per-sample losses. */
export function sumOfLosses(outputs: tf.Tensor2D, targets: tf.Tensor2D, loss: LossName): tf.Scalar {
  if (loss === "cross-entropy") {
    return tf.losses.softmaxCrossEntropy(targets, outputs, undefined, 0, tf.Reduction.SUM);
  }
  return tf.div(tf.sum(tf.squaredDifference(outputs, targets)), outputs.shape[1]);
}

/** The number of rows whose largest output is at the label. */
export function countCorrect(outputs: tf.Tensor2D, labels: Int32Array): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(outputs, 1), tf.tensor1d(labels, "int32")), "float32"));
}

/** One-hot rows of a batch of labels, as float32. */
export function oneHot(labels: Int32Array, classes: number): tf.Tensor2D {
  const values = new Float32Array(labels.length * classes);
  labels.forEach((label, i) => {
    values[i * classes + label] = 1;
  });
  return tf.tensor2d(values, [labels.length, classes]);
}

/**
 * Checks that a labelled data set fits a classifier (internal): its sample
 * size equals the model input's, it has labels, and they are below the
 * model's output width.
 */
export function checkFit(
  caller: string,
  model: tfl.LayersModel,
  d: Dataset,
): { inputShape: number[]; classes: number } {
  const inputShape = inputShapeOf(model);
  const size = inputShape.reduce((a, b) => a * b, 1);
  const sampleSize = d.sampleShape.reduce((a, b) => a * b, 1);
  if (size !== sampleSize) {
    throw new RangeError(
      `${caller}: the model takes samples of shape (${inputShape.join(", ")}) = ${size} values; ${d.name} has samples of shape (${d.sampleShape.join(", ")}) = ${sampleSize} values`,
    );
  }
  const output = model.outputs[0]!.shape;
  if (model.outputs.length !== 1 || output.length !== 2 || output[1] === null) {
    throw new RangeError(
      `${caller}: expected a model with one output of shape (batch, classes); got ${model.outputs.length} outputs, the first of shape (${output.join(", ")})`,
    );
  }
  const classes = output[1]!;
  if (d.labels === undefined) {
    throw new RangeError(
      `${caller}: ${d.name} has no labels; training and evaluation need class labels`,
    );
  }
  let largest = -1;
  for (const label of d.labels) if (label > largest) largest = label;
  if (largest >= classes) {
    throw new RangeError(
      `${caller}: ${d.name} has labels up to ${largest} (${largest + 1} classes) but the model has ${classes} outputs`,
    );
  }
  return { inputShape, classes };
}
