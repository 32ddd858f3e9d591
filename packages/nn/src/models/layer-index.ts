import { closestNames } from "../util/closest-names.js";

/** The names a layer of any model answers to (`OnnxLayer` and `TfjsLayer` have them). */
export interface NamedLayer {
  /** The friendly name, if any (`fc1`). */
  readonly friendlyName: string | undefined;
  /** Further friendly names of the same tensor. */
  readonly aliases: readonly string[];
  /** The tensor's own name in the model. */
  readonly tensorName: string;
}

/**
 * Looks up a model's layers by any of their names: tensor name, friendly
 * name or alias. `OnnxModel.layer` and `TfjsModel.layer` both answer through
 * one, so that the two kinds of model resolve names by the same rule and
 * fail with the same message (the closest names, see `closestNames`).
 *
 * Tensor names are indexed first, so a friendly name never hides a tensor;
 * among friendly names, the first layer to claim one keeps it.
 *
 * @example
 * const index = new LayerIndex(layers, "cnn.onnx");
 * index.get("fc1").tensorName; // "/fc1/Gemm_output_0"
 */
export class LayerIndex<Layer extends NamedLayer> {
  readonly #source: string;
  readonly #byName = new Map<string, Layer>();

  /**
   * @param layers - Every layer, inputs included, in the model's order.
   * @param source - Where the model came from, for messages.
   */
  constructor(layers: readonly Layer[], source: string) {
    this.#source = source;
    for (const layer of layers) this.#byName.set(layer.tensorName, layer);
    for (const layer of layers) {
      for (const name of [layer.friendlyName, ...layer.aliases]) {
        if (name !== undefined && !this.#byName.has(name)) this.#byName.set(name, layer);
      }
    }
  }

  /**
   * The layer called `name`.
   * @throws TypeError when `name` is not a string; RangeError naming the
   *   closest names when no layer has it.
   */
  get(name: string): Layer {
    if (typeof name !== "string") {
      throw new TypeError(`a layer name must be a string; got ${typeof name}`);
    }
    const layer = this.#byName.get(name);
    if (layer) return layer;
    const names = [...this.#byName.keys()];
    const closest = closestNames(name, names, 5);
    throw new RangeError(
      `unknown layer ${JSON.stringify(name)} in ${this.#source}; ${
        closest.length === 0
          ? "it has no layers"
          : `the closest names are ${closest.map((n) => JSON.stringify(n)).join(", ")}`
      } (${names.length} names in all: tensor names and friendly names, see layers())`,
    );
  }
}
