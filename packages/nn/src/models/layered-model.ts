import { LayerIndex, type NamedLayer } from "./layer-index.js";

/** What every {@link LayeredModel} is built from. */
export interface LayeredModelParts<Layer extends NamedLayer> {
  readonly source: string;
  readonly inputs: readonly Layer[];
  readonly layers: readonly Layer[];
  readonly outputs: readonly string[];
}

/**
 * What `OnnxModel` and `TfjsModel` have in common: where the model came
 * from, its inputs, its layers and its outputs, and name resolution. Both
 * extend it so that listings and extraction treat the two kinds of model
 * alike and resolve names by one rule (see {@link LayerIndex}). Immutable.
 */
export abstract class LayeredModel<Layer extends NamedLayer> {
  /** Where the model came from (its path), for messages. */
  readonly source: string;
  /** The model's inputs, as layers of op type `"Input"`. */
  readonly inputs: readonly Layer[];
  /** The names of the model's outputs. */
  readonly outputs: readonly string[];
  readonly #layers: readonly Layer[];
  readonly #index: LayerIndex<Layer>;

  constructor(parts: LayeredModelParts<Layer>) {
    this.source = parts.source;
    this.inputs = parts.inputs;
    this.outputs = parts.outputs;
    this.#layers = parts.layers;
    this.#index = new LayerIndex([...parts.inputs, ...parts.layers], parts.source);
  }

  /** The inputs (op type `"Input"`), then every layer in the model's order. */
  layers(): readonly Layer[] {
    return [...this.inputs, ...this.#layers];
  }

  /**
   * The layer called `name`: a tensor name, a friendly name or an alias.
   * @throws RangeError naming the closest names when there is none.
   */
  layer(name: string): Layer {
    return this.#index.get(name);
  }
}
