import { closestNames } from "../util/closest-names.js";

/**
 * One dimension of a tensor shape: a size, a symbolic name (`"batch"`, the
 * name the exporter gave a dynamic axis, or e.g. `"batch*392"` for a size that
 * grows with the batch), or `null` where it is not known before running.
 */
export type Dimension = number | string | null;

/** A tensor of an ONNX graph: a graph input or a node output. */
export interface OnnxLayer {
  /**
   * The friendly name, e.g. `conv1` for PyTorch's `/conv1/Conv_output_0`
   * (see {@link friendlyNames} for the rule); undefined when none is derivable.
   */
  readonly friendlyName: string | undefined;
  /** Further friendly names of this tensor (container modules), e.g. `features`. */
  readonly aliases: readonly string[];
  /** The tensor's name in the graph. */
  readonly tensorName: string;
  /** The node's op type (`Conv`, `Gemm`, ...), or `"Input"` for a graph input. */
  readonly opType: string;
  /** The node's name ("" for a graph input or an unnamed node). */
  readonly nodeName: string;
  /** Which output of its node this tensor is (0 for most; 0 for an input). */
  readonly outputIndex: number;
  /** The element type as onnxruntime names it: `"float32"`, `"int64"`, ... */
  readonly elementType: string;
  /**
   * The shape, batch axis included; `undefined` when even the rank is unknown.
   * From onnxruntime's shape inference, completed by running the model once on
   * zeros where that left sizes unknown.
   */
  readonly shape: readonly Dimension[] | undefined;
}

/** What {@link OnnxModel} is built from (made by `loadOnnxModel`). */
export interface OnnxModelParts {
  readonly source: string;
  readonly bytes: Uint8Array;
  readonly inputs: readonly OnnxLayer[];
  readonly layers: readonly OnnxLayer[];
  readonly outputs: readonly string[];
}

/**
 * An ONNX model, as `loadOnnxModel` reads it: its inputs, its layers (every
 * node's outputs, `Constant` nodes left out), and name resolution. Immutable.
 *
 * @example
 * const model = await loadOnnxModel("cnn.onnx");
 * for (const layer of model.layers()) console.log(layer.friendlyName, layer.shape);
 * model.layer("fc1").tensorName; // "/fc1/Gemm_output_0"
 */
export class OnnxModel {
  /** Where the model came from (its path), for messages. */
  readonly source: string;
  /** The serialized model (the file's bytes); do not modify. */
  readonly bytes: Uint8Array;
  /** The graph's inputs (initializers left out), as layers of op type `"Input"`. */
  readonly inputs: readonly OnnxLayer[];
  /** The names of the graph's outputs. */
  readonly outputs: readonly string[];
  readonly #layers: readonly OnnxLayer[];
  readonly #byName = new Map<string, OnnxLayer>();

  /** Made by `loadOnnxModel` / `onnxModelFromBytes`. */
  constructor(parts: OnnxModelParts) {
    this.source = parts.source;
    this.bytes = parts.bytes;
    this.inputs = parts.inputs;
    this.outputs = parts.outputs;
    this.#layers = parts.layers;
    const all = [...parts.inputs, ...parts.layers];
    // Tensor names first: a friendly name never hides a tensor.
    for (const layer of all) this.#byName.set(layer.tensorName, layer);
    for (const layer of all) {
      for (const name of [layer.friendlyName, ...layer.aliases]) {
        if (name !== undefined && !this.#byName.has(name)) this.#byName.set(name, layer);
      }
    }
  }

  /**
   * The layers: the graph inputs (op type `"Input"`), then every output of
   * every node in graph order, except the outputs of `Constant` nodes (those
   * hold parameters, not activations).
   */
  layers(): readonly OnnxLayer[] {
    return [...this.inputs, ...this.#layers];
  }

  /**
   * The layer called `name`: a tensor name, a friendly name or an alias.
   * @throws RangeError naming the closest names when there is none.
   */
  layer(name: string): OnnxLayer {
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
      } (${names.length} names in all: tensor names and friendly names, see layers())`,
    );
  }
}
