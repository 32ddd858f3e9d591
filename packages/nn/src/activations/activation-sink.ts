/** One requested layer of an activation extraction, as its sink sees it. */
export interface ActivationLayer {
  /** The name it was asked for (a tensor name or a friendly name). */
  readonly name: string;
  /** The tensor it is in the model. */
  readonly tensorName: string;
  /** The shape of one sample's activation (the batch axis left out). */
  readonly sampleShape: readonly number[];
  /** Values per sample: the product of `sampleShape`. */
  readonly columns: number;
}

/**
 * Where an activation extraction delivers its results, batch by batch. The
 * calls come in this order: `begin` once (after the first batch has run, so
 * that every shape is known), then for each batch of samples, in order, one
 * `onBatch` per layer in the requested order, then `end` once after the last
 * batch (not after an error or an abort). A returned promise is awaited
 * before the extraction goes on, so a sink that writes to disk holds the next
 * batch back.
 *
 * @example
 * const sink: ActivationSink = {
 *   onBatch(layer, rows, data) { console.log(layer, rows, data.length / rows); },
 * };
 */
export interface ActivationSink {
  /**
   * The layers, in the requested order, and the number of samples that will
   * come; may throw (a RangeError) to refuse, e.g. over a memory budget.
   */
  begin?(layers: readonly ActivationLayer[], count: number): void | Promise<void>;
  /**
   * The activations of `layer` for samples `firstRow` to `firstRow + rows - 1`:
   * `rows` x `columns` float32 values, row-major (a row per sample, its tensor
   * flattened row-major). `data` is valid until the call returns (or its
   * promise settles): copy what you keep, and do not modify it (it may be a
   * view of onnxruntime's output or of the input samples).
   */
  onBatch(layer: string, rows: number, data: Float32Array, firstRow: number): void | Promise<void>;
  /** Called after the last batch. */
  end?(): void | Promise<void>;
}
