/**
 * The checks every activation extractor makes before running a model (ONNX
 * and TF.js alike, internal): the samples, the batch options, the requested
 * layers, and a model with one float32 input that the samples fit. Both
 * extractors start here so that they accept and refuse the same calls with
 * the same messages.
 */

import type { LayeredModel } from "../models/layered-model.js";
import type { ModelLayer } from "../models/model-layer.js";
import { type InputLayout, inputLayout } from "../onnx/input-layout.js";
import { type ModelInput, requireModelInput } from "./model-input.js";
import {
  type BatchedExtractionOptions,
  type CheckedBatchOptions,
  checkBatchOptions,
  type RequestedLayer,
  resolveLayerNames,
} from "./run-in-batches.js";

/** The checked call: what the extractor runs. */
export interface ExtractionPlan<Layer extends ModelLayer> {
  readonly checked: CheckedBatchOptions;
  /** The requested layers, in the order asked for, each with the name it was asked by. */
  readonly layers: { name: string; layer: Layer }[];
  /** The same, as `runInBatches` takes them. */
  readonly requested: RequestedLayer[];
  /** The model's one input. */
  readonly modelInput: Layer;
  /** How the samples are laid out to feed that input. */
  readonly layout: InputLayout;
}

/**
 * Checks an extraction call, in this order: the samples, the options, the
 * layer names (unknown ones name the closest names), one float32 input that
 * the samples fit (`inputLayout`), at least one sample to run.
 *
 * @param where - The public function, for messages.
 * @throws TypeError for arguments of the wrong kind; RangeError for a bad
 *   value, naming `where`.
 */
export function planExtraction<Layer extends ModelLayer>(
  where: string,
  model: LayeredModel<Layer>,
  input: ModelInput,
  layerNames: readonly string[],
  options: BatchedExtractionOptions,
): ExtractionPlan<Layer> {
  const size = requireModelInput(`${where}: input`, input);
  const checked = checkBatchOptions(where, options, input.count);
  const layers = resolveLayerNames(where, layerNames, (name) => model.layer(name));
  if (model.inputs.length !== 1) {
    throw new RangeError(
      `${where}: ${model.source} has ${model.inputs.length} inputs (${model.inputs.map((i) => i.tensorName).join(", ")}); expected a model with one input`,
    );
  }
  const modelInput = model.inputs[0]!;
  const describeInput = `the input ${JSON.stringify(modelInput.tensorName)} of ${model.source}`;
  if (modelInput.elementType !== "float32") {
    throw new RangeError(
      `${where}: ${describeInput} takes ${modelInput.elementType}; expected a float32 input`,
    );
  }
  const layout = inputLayout(
    modelInput.shape ?? [null, ...input.sampleShape],
    input.sampleShape,
    describeInput,
  );
  if (layout.size !== size) throw new Error("inputLayout: sample size mismatch");
  if (Math.min(checked.limit, input.count) === 0) {
    throw new RangeError(`${where}: input has no samples; expected at least one`);
  }
  const requested = layers.map(({ name, layer }) => ({ name, tensorName: layer.tensorName }));
  return { checked, layers, requested, modelInput, layout };
}
