import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { type Dataset, requireDataset } from "../data/dataset.js";
import type { NamedNdArray } from "../formats/nd-array.js";
import { describe, formatShape, optionalInteger, requireOptions } from "../validate.js";
import { requireBackend } from "./setup-backend.js";

/** Options of {@link layerActivations}. */
export interface LayerActivationsOptions {
  /** Samples per forward pass; default 256. */
  readonly batchSize?: number;
}

/**
 * The outputs of named layers of a TF.js Layers model on every sample of a
 * data set, in inference mode (dropout off, batch norm with its moving
 * statistics): one float32 array per layer, of shape `[count, ...layer
 * output shape]`, in the order the names are given. Ready for `writeNpz`, or
 * as samples x neurons matrices for neuron topology (reshape to
 * `[count, neurons]`).
 *
 * @param model - A Layers model, e.g. from `buildModel` or `loadModel`.
 * @param dataset - Samples of the model's input shape (`[28, 28]` data
 *   feeds a model whose input is `[28, 28]`, `[784]` or `[28, 28, 1]`: the
 *   sizes must match).
 * @param layerNames - Names of the model's layers, e.g. `["dense1_act", "dense2_act"]`.
 * @param options - See {@link LayerActivationsOptions}.
 * @returns The activations, named as the layers.
 * @throws RangeError for an unknown layer (listing the model's layers) or
 *   samples whose size does not fit the model's input.
 * @example
 * ```ts
 * const [hidden] = layerActivations(model, probe, ["dense2_act"]);
 * hidden.shape; // [probe.count, 64]
 * ```
 */
export function layerActivations(
  model: tfl.LayersModel,
  dataset: Dataset,
  layerNames: readonly string[],
  options?: LayerActivationsOptions,
): NamedNdArray[] {
  requireBackend("layerActivations");
  const opts = requireOptions("layerActivations: options", options);
  const batchSize = optionalInteger("layerActivations: options.batchSize", opts.batchSize, 256, 1);
  if (!(model instanceof tfl.LayersModel)) {
    throw new TypeError(
      `layerActivations: model must be a TF.js LayersModel; got ${describe(model)}`,
    );
  }
  const d = requireDataset("layerActivations", dataset);
  if (
    !Array.isArray(layerNames) ||
    layerNames.length === 0 ||
    !layerNames.every((n) => typeof n === "string")
  ) {
    throw new TypeError(
      `layerActivations: layerNames must be a non-empty array of layer names; got ${describe(layerNames)}`,
    );
  }
  const known = model.layers.map((l) => l.name);
  const outputs = layerNames.map((name) => {
    if (!known.includes(name)) {
      throw new RangeError(
        `layerActivations: the model has no layer ${JSON.stringify(name)}; its layers are ${known.join(", ")}`,
      );
    }
    return model.getLayer(name).output as tfl.SymbolicTensor;
  });
  const inputShape = inputShapeOf(model);
  const size = inputShape.reduce((a, b) => a * b, 1);
  const sampleSize = d.inputs.length / Math.max(d.count, 1);
  if (d.count > 0 && sampleSize !== size) {
    throw new RangeError(
      `layerActivations: the model takes samples of shape ${formatShape(inputShape)} (${size} values); ${d.name} has samples of shape ${formatShape(d.sampleShape)} (${sampleSize} values)`,
    );
  }
  const probe = tfl.model({ inputs: model.inputs, outputs });
  const shapes = outputs.map((o) => (o.shape as number[]).slice(1));
  const widths = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  const data = widths.map((w) => new Float32Array(d.count * w));
  for (let start = 0; start < d.count; start += batchSize) {
    const n = Math.min(batchSize, d.count - start);
    tf.tidy(() => {
      const x = tf.tensor(d.inputs.subarray(start * size, (start + n) * size), [n, ...inputShape]);
      const result = probe.predict(x, { batchSize: n });
      const list = Array.isArray(result) ? result : [result];
      list.forEach((t, k) => {
        data[k]!.set(t.dataSync() as Float32Array, start * widths[k]!);
      });
    });
  }
  return layerNames.map((name, k) => ({
    name,
    shape: [d.count, ...shapes[k]!],
    dtype: "float32",
    data: data[k]!,
  }));
}

/** The sample shape of a model's single input. */
export function inputShapeOf(model: tfl.LayersModel): number[] {
  if (model.inputs.length !== 1) {
    throw new RangeError(`the model has ${model.inputs.length} inputs; expected one`);
  }
  return (model.inputs[0]!.shape as (number | null)[]).slice(1).map((n) => n ?? -1);
}
