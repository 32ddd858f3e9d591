import { LayeredModel, type LayeredModelParts } from "../models/layered-model.js";
import type { ModelLayer } from "../models/model-layer.js";

export type { Dimension } from "../models/model-layer.js";

/**
 * A tensor of an ONNX graph: a graph input or a node output.
 *
 * - `friendlyName`: e.g. `conv1` for PyTorch's `/conv1/Conv_output_0` (see
 *   {@link friendlyNames} for the rule); undefined when none is derivable.
 * - `aliases`: further friendly names of this tensor (container modules),
 *   e.g. `features`.
 * - `tensorName`: the tensor's name in the graph.
 * - `opType`: the node's op type (`Conv`, `Gemm`, ...), or `"Input"` for a
 *   graph input; `nodeName` the node's name (`""` for a graph input or an
 *   unnamed node).
 * - `elementType`: as onnxruntime names it (`"float32"`, `"int64"`, ...).
 * - `shape`: the batch axis included; from onnxruntime's shape inference,
 *   completed by running the model once on zeros where that left sizes
 *   unknown.
 */
export interface OnnxLayer extends ModelLayer {}

/** What {@link OnnxModel} is built from (made by `loadOnnxModel`). */
export interface OnnxModelParts extends LayeredModelParts<OnnxLayer> {
  readonly bytes: Uint8Array;
}

/**
 * An ONNX model, as `loadOnnxModel` reads it: its inputs, its layers (the
 * graph inputs, then every output of every node in graph order, except the
 * outputs of `Constant` nodes, which hold parameters, not activations), and
 * name resolution by tensor name, friendly name or alias. Immutable.
 *
 * @example
 * const model = await loadOnnxModel("cnn.onnx");
 * for (const layer of model.layers()) console.log(layer.friendlyName, layer.shape);
 * model.layer("fc1").tensorName; // "/fc1/Gemm_output_0"
 */
export class OnnxModel extends LayeredModel<OnnxLayer> {
  /** The serialized model (the file's bytes); do not modify. */
  readonly bytes: Uint8Array;

  /** Made by `loadOnnxModel` / `onnxModelFromBytes`. */
  constructor(parts: OnnxModelParts) {
    super(parts);
    this.bytes = parts.bytes;
  }
}
