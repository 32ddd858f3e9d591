/**
 * @nettopo/nn: models and data (ONNX, TF.js), activation extraction and training.
 */
export type {
  ActivationCollectorOptions,
  Activations,
} from "./activations/activation-collector.js";
export {
  ActivationCollector,
  DEFAULT_ACTIVATION_BUDGET_BYTES,
} from "./activations/activation-collector.js";
export type { ActivationLayer, ActivationSink } from "./activations/activation-sink.js";
export type { ModelInput } from "./activations/model-input.js";
export type { OnnxSessionOptions } from "./onnx/create-onnx-session.js";
export { estimateActivationBytes } from "./onnx/estimate-activation-bytes.js";
export type {
  ActivationExtraction,
  ExtractActivationsOptions,
} from "./onnx/extract-activations.js";
export { extractActivations } from "./onnx/extract-activations.js";
export type { FriendlyName, NamedNode } from "./onnx/friendly-names.js";
export { friendlyNames } from "./onnx/friendly-names.js";
export type { InputLayout } from "./onnx/input-layout.js";
export { inputLayout } from "./onnx/input-layout.js";
export { loadOnnxModel, onnxModelFromBytes } from "./onnx/load-onnx-model.js";
export type { Dimension, OnnxLayer, OnnxModelParts } from "./onnx/onnx-model.js";
export { OnnxModel } from "./onnx/onnx-model.js";
export { withGraphOutputs } from "./onnx/with-graph-outputs.js";
export { closestNames } from "./util/closest-names.js";
export { formatBytes } from "./util/format-bytes.js";
