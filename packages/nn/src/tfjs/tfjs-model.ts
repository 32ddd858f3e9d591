import type { GraphModel, LayersModel } from "@tensorflow/tfjs";
import { LayeredModel, type LayeredModelParts } from "../models/layered-model.js";
import type { ModelLayer } from "../models/model-layer.js";

/**
 * A layer of a TF.js model, described as an ONNX model's layers are (the
 * same fields, so that listings and extraction treat both alike).
 *
 * - `friendlyName`: the name to ask for: a Layers model's layer name
 *   (`conv1`); for a Graph model, the Keras layer a node ends (`conv1` for
 *   `StatefulPartitionedCall/sequential/conv1/Relu`, see `loadTfjsModel`);
 *   undefined for inputs and for nodes without one.
 * - `aliases`: none for TF.js models.
 * - `tensorName`: the tensor's own name: a Layers model's layer name
 *   (`name:k` for output k >= 1 of a layer with several); a Graph model's
 *   node name (what `GraphModel.execute` takes).
 * - `opType`: the layer's class (`Dense`, `Conv2D`...) or the node's op
 *   (`_FusedConv2D`...); `"Input"` for an input.
 * - `elementType`: as TF.js names it (`"float32"`, `"int32"`...),
 *   `"unknown"` when not known.
 * - `shape`: `"batch"` where the batch axis is dynamic.
 */
export interface TfjsLayer extends ModelLayer {}

/** What {@link TfjsModel} is built from (made by `loadTfjsModel`). */
export interface TfjsModelParts extends LayeredModelParts<TfjsLayer> {
  readonly format: "layers-model" | "graph-model";
  readonly model: LayersModel | GraphModel;
}

/**
 * A TF.js model read from disk by `loadTfjsModel`: a Layers model (Keras
 * style, `tf.loadLayersModel`) or a Graph model (a converted TensorFlow
 * graph, `tf.loadGraphModel`), with the same description of its layers as an
 * `OnnxModel` has (its inputs, then every layer of a Layers model or every
 * node of a Graph model, in order), and name resolution with suggestions.
 *
 * @example
 * const model = await loadTfjsModel("fixtures/tfjs/cnn/model.json");
 * for (const layer of model.layers()) console.log(layer.tensorName, layer.opType, layer.shape);
 * model.layer("fc1").shape; // ["batch", 16]
 */
export class TfjsModel extends LayeredModel<TfjsLayer> {
  /** `"layers-model"` or `"graph-model"`. */
  readonly format: "layers-model" | "graph-model";
  /** The TF.js model itself (on the wasm backend). */
  readonly model: LayersModel | GraphModel;

  /** Made by `loadTfjsModel`. */
  constructor(parts: TfjsModelParts) {
    super(parts);
    this.format = parts.format;
    this.model = parts.model;
  }

  /** Frees the model's weights (TF.js memory); the model cannot run afterwards. */
  dispose(): void {
    this.model.dispose();
  }
}
