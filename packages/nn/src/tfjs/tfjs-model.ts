import type { GraphModel, LayersModel } from "@tensorflow/tfjs";
import type { Dimension } from "../onnx/onnx-model.js";
import { closestNames } from "../util/closest-names.js";

/**
 * A layer of a TF.js model, described as an ONNX model's layers are (the
 * same fields, so that listings and extraction treat both alike).
 */
export interface TfjsLayer {
  /**
   * The name to ask for: a Layers model's layer name (`conv1`); for a Graph
   * model, the Keras layer a node ends (`conv1` for
   * `StatefulPartitionedCall/sequential/conv1/Relu`, see `loadTfjsModel`);
   * undefined for inputs and for nodes without one.
   */
  readonly friendlyName: string | undefined;
  /** Further names of the same tensor; none for TF.js models. */
  readonly aliases: readonly string[];
  /**
   * The tensor's own name: a Layers model's layer name (`name:k` for output
   * k >= 1 of a layer with several); a Graph model's node name (what
   * `GraphModel.execute` takes).
   */
  readonly tensorName: string;
  /** The layer's class (`Dense`, `Conv2D`...) or the node's op (`_FusedConv2D`...); `"Input"` for an input. */
  readonly opType: string;
  /** The layer's or node's name. */
  readonly nodeName: string;
  /** Which output of its layer or node this is (0 for most). */
  readonly outputIndex: number;
  /** The element type, as TF.js names it (`"float32"`, `"int32"`...), `"unknown"` when not known. */
  readonly elementType: string;
  /**
   * The shape, batch axis first (`"batch"` where it is dynamic); `null` for a
   * size unknown before running; `undefined` when even the rank is unknown.
   */
  readonly shape: readonly Dimension[] | undefined;
}

/** What {@link TfjsModel} is built from (made by `loadTfjsModel`). */
export interface TfjsModelParts {
  readonly source: string;
  readonly format: "layers-model" | "graph-model";
  readonly model: LayersModel | GraphModel;
  readonly inputs: readonly TfjsLayer[];
  readonly layers: readonly TfjsLayer[];
  readonly outputs: readonly string[];
}

/**
 * A TF.js model read from disk by `loadTfjsModel`: a Layers model (Keras
 * style, `tf.loadLayersModel`) or a Graph model (a converted TensorFlow
 * graph, `tf.loadGraphModel`), with the same description of its layers as an
 * `OnnxModel` has, and name resolution with suggestions.
 *
 * @example
 * const model = await loadTfjsModel("fixtures/tfjs/cnn/model.json");
 * for (const layer of model.layers()) console.log(layer.tensorName, layer.opType, layer.shape);
 * model.layer("fc1").shape; // ["batch", 16]
 */
export class TfjsModel {
  /** Where the model came from (its model.json), for messages. */
  readonly source: string;
  /** `"layers-model"` or `"graph-model"`. */
  readonly format: "layers-model" | "graph-model";
  /** The TF.js model itself (on the wasm backend). */
  readonly model: LayersModel | GraphModel;
  /** The model's inputs, as layers of op type `"Input"`. */
  readonly inputs: readonly TfjsLayer[];
  /** The tensor names of the model's outputs. */
  readonly outputs: readonly string[];
  readonly #layers: readonly TfjsLayer[];
  readonly #byName = new Map<string, TfjsLayer>();

  /** Made by `loadTfjsModel`. */
  constructor(parts: TfjsModelParts) {
    this.source = parts.source;
    this.format = parts.format;
    this.model = parts.model;
    this.inputs = parts.inputs;
    this.outputs = parts.outputs;
    this.#layers = parts.layers;
    const all = [...parts.inputs, ...parts.layers];
    for (const layer of all) this.#byName.set(layer.tensorName, layer);
    for (const layer of all) {
      for (const name of [layer.friendlyName, ...layer.aliases]) {
        if (name !== undefined && !this.#byName.has(name)) this.#byName.set(name, layer);
      }
    }
  }

  /** The inputs (op type `"Input"`), then every layer (Layers model) or node (Graph model) in order. */
  layers(): readonly TfjsLayer[] {
    return [...this.inputs, ...this.#layers];
  }

  /**
   * The layer called `name`: a tensor name or a friendly name.
   * @throws RangeError naming the closest names when there is none.
   */
  layer(name: string): TfjsLayer {
    if (typeof name !== "string") {
      throw new TypeError(`a layer name must be a string; got ${typeof name}`);
    }
    const layer = this.#byName.get(name);
    if (layer) return layer;
    const names = [...this.#byName.keys()];
    const closest = closestNames(name, names, 5);
    throw new RangeError(
      `unknown layer ${JSON.stringify(name)} in ${this.source}; ${
        closest.length === 0
          ? "it has no layers"
          : `the closest names are ${closest.map((n) => JSON.stringify(n)).join(", ")}`
      } (${names.length} names in all, see layers())`,
    );
  }

  /** Frees the model's weights (TF.js memory); the model cannot run afterwards. */
  dispose(): void {
    this.model.dispose();
  }
}
