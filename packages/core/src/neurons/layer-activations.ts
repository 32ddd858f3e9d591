import { describe } from "../metric/validate.js";
import type { RealArray } from "../types.js";

/**
 * The activations of one layer over a set of inputs: `samples` rows of
 * `neurons` values, row-major (`values[s*neurons + j]` is input s, neuron j;
 * a convolutional layer's channels x height x width flattened per input as
 * one row). The neuron functions read several of these, one per layer, over
 * the same inputs.
 */
export interface LayerActivations {
  /** The layer's name (unique among the layers analysed together). */
  readonly name: string;
  /** Number of inputs (rows), the same for every layer analysed together. */
  readonly samples: number;
  /** Number of neurons (columns), an integer >= 1. */
  readonly neurons: number;
  /** `samples * neurons` values, row-major; the array type is the precision. */
  readonly values: RealArray;
}

/** What {@link requireLayers} learns about valid layers. */
export interface LayerTable {
  /** The common number of inputs. */
  readonly samples: number;
  /** The total number of neurons over the layers. */
  readonly total: number;
  /** `offsets[l]`: the pooled index of layer l's first neuron; `offsets[layers]` = total. */
  readonly offsets: Int32Array;
}

/**
 * Checks layers at a public boundary (internal): a non-empty array of
 * {@link LayerActivations} with distinct names, integer sizes, values of the
 * right length in a Float32Array or Float64Array, and the same number of
 * inputs in every layer. Values are not scanned here (the functions check
 * the values they read).
 */
export function requireLayers(caller: string, layers: unknown): LayerTable {
  if (!Array.isArray(layers)) {
    throw new TypeError(
      `${caller}: layers must be an array of { name, samples, neurons, values }; got ${describe(layers)}`,
    );
  }
  if (layers.length === 0) {
    throw new RangeError(`${caller}: layers must hold at least one layer; got none`);
  }
  const names = new Set<string>();
  const offsets = new Int32Array(layers.length + 1);
  let samples = -1;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l] as LayerActivations;
    const where = `${caller}: layers[${l}]`;
    if (typeof layer !== "object" || layer === null) {
      throw new TypeError(
        `${where} must be an object { name, samples, neurons, values }; got ${describe(layer)}`,
      );
    }
    if (typeof layer.name !== "string") {
      throw new TypeError(`${where}.name must be a string; got ${describe(layer.name)}`);
    }
    if (names.has(layer.name)) {
      throw new RangeError(
        `${where}.name ${JSON.stringify(layer.name)} is taken by an earlier layer; names must be unique`,
      );
    }
    names.add(layer.name);
    const name = `${where} (${JSON.stringify(layer.name)})`;
    if (!Number.isSafeInteger(layer.samples) || layer.samples < 0) {
      throw new RangeError(
        `${name}.samples must be an integer >= 0; got ${describe(layer.samples)}`,
      );
    }
    if (!Number.isSafeInteger(layer.neurons) || layer.neurons < 1) {
      throw new RangeError(
        `${name}.neurons must be an integer >= 1; got ${describe(layer.neurons)}`,
      );
    }
    if (!(layer.values instanceof Float32Array) && !(layer.values instanceof Float64Array)) {
      throw new TypeError(
        `${name}.values must be a Float32Array or Float64Array; got ${describe(layer.values)}`,
      );
    }
    if (layer.values.length !== layer.samples * layer.neurons) {
      throw new RangeError(
        `${name}.values.length must be samples*neurons = ${layer.samples}*${layer.neurons} = ${layer.samples * layer.neurons}; got ${layer.values.length}`,
      );
    }
    if (samples >= 0 && layer.samples !== samples) {
      throw new RangeError(
        `${name} has ${layer.samples} inputs but layers[0] has ${samples}; every layer must hold the activations of the same inputs`,
      );
    }
    samples = layer.samples;
    const total = offsets[l]! + layer.neurons;
    if (total > 2 ** 31 - 1) {
      throw new RangeError(`${caller}: more than 2^31 - 1 neurons in all; got ${total}`);
    }
    offsets[l + 1] = total;
  }
  return { samples, total: offsets[layers.length]!, offsets };
}

/**
 * The error for a NaN or infinite activation, naming the layer, the input
 * and the neuron (internal).
 */
export function notFiniteActivation(
  caller: string,
  layer: LayerActivations,
  sample: number,
  neuron: number,
): RangeError {
  const value = layer.values[sample * layer.neurons + neuron];
  return new RangeError(
    `${caller}: the activation of layer ${JSON.stringify(layer.name)}, input ${sample}, neuron ${neuron} is ${describe(value)}; activations must be finite (NaN or an infinity usually means a diverged model)`,
  );
}
