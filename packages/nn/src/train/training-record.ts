/** Loss and accuracy of a model on a set of samples. */
export interface Metrics {
  /** Mean loss per sample (the training loss, without weight decay). */
  readonly loss: number;
  /** Fraction of samples whose largest output is their label. */
  readonly accuracy: number;
}

/**
 * One line of a training run's `metrics.jsonl`, and what the per-epoch and
 * per-fraction callbacks receive.
 *
 * `train` and `test` are measured in inference mode (dropout off, batch
 * norm on its moving statistics) at the moment of the record, `train` on a
 * fixed subset of the training set (see `trainEvaluationSize`). The
 * generalization gap is `gap.accuracy = train.accuracy - test.accuracy`
 * and `gap.loss = test.loss - train.loss`: both positive when the model does
 * better on the data it trained on. `batch` is the mean over the
 * mini-batches since the previous record, in training mode and before each
 * step's update (what Keras's progress bar shows); it lags the model and
 * includes dropout, so it is not the training metric the gap uses.
 */
export interface TrainingRecord {
  /**
   * `"start"`: before the first step (epoch 0); `"step"`: within an epoch
   * (every `every` of an epoch); `"epoch"`: at the end of an epoch.
   */
  readonly kind: "start" | "step" | "epoch";
  /** Epochs done, fractional within an epoch: `step / stepsPerEpoch`. */
  readonly epoch: number;
  /** Optimizer steps done. */
  readonly step: number;
  readonly train: Metrics;
  readonly test: Metrics;
  readonly gap: { readonly accuracy: number; readonly loss: number };
  /** The mini-batches since the previous record; absent at the start. */
  readonly batch?: Metrics;
  /** Seconds of training (evaluation included) since the run began, over all its sessions. */
  readonly seconds: number;
}
