import { requireOptions } from "../metric/validate.js";
import { type LayerActivations, notFiniteActivation, requireLayers } from "./layer-activations.js";
import { requireInputIndices } from "./require-indices.js";

/** Options of {@link neuronImportance}. */
export interface NeuronImportanceOptions {
  /** The inputs whose winners are counted (indices of rows); default all. */
  readonly inputs?: ArrayLike<number>;
}

/** The importance of every neuron of a set of layers. */
export interface NeuronImportance {
  /**
   * `wins[p]`: for how many inputs pooled neuron p has the largest absolute
   * activation among all the neurons of all the layers (pooled index: the
   * layers' neurons one layer after the other).
   */
  readonly wins: Int32Array;
  /** The sampling probability of each pooled neuron (they sum to 1). */
  readonly probabilities: Float64Array;
}

/**
 * The importance weights of the neurons of several layers, as Ballester et
 * al. sample neurons: each input votes for the neuron with the largest
 * absolute activation over all the neurons of all the layers (the first one
 * in pooled order when several tie, as NumPy's `argmax`); with M inputs, N
 * neurons of which W win at least once, a neuron with c > 0 wins has
 * probability `c / (M + 1)` and each of the N - W others `1 / ((N - W)(M + 1))`,
 * so the winners share M/(M+1) of the mass in proportion to their wins and
 * the rest share 1/(M+1) equally. When every neuron wins (W = N) the
 * probabilities are `c / M`.
 *
 * The rule is the one of the authors' code (`_compute_probs` of
 * `model/sampling_activations_strategies/sample_activations_by_importance.py`
 * in rballeba/PredictingGeneralizationGapUsingPersistentHomology), where
 * activations of all the layers with weights are pooled and compared raw
 * (layers of different scales compete as they are).
 *
 * @param layers - The activations ({@link LayerActivations}), over the same inputs.
 * @param options - `inputs` (default all).
 * @returns Wins and probabilities per pooled neuron (new arrays).
 * @throws TypeError / RangeError for bad layers or inputs, no input, or a NaN
 *   or infinite activation among those read (naming layer, input and neuron).
 * @example
 * ```ts
 * const layer = { name: "fc", samples: 3, neurons: 3, values: Float32Array.of(5, 1, 0, -7, 1, 0, 2, 3, 0) };
 * const { wins, probabilities } = neuronImportance([layer]);
 * wins; // Int32Array [2, 1, 0]: inputs 0 and 1 (|-7|) vote for neuron 0, input 2 for neuron 1
 * probabilities; // Float64Array [0.5, 0.25, 0.25]: 2/4, 1/4 and 1/(1*4)
 * ```
 * @see R. Ballester, X. Arnal Clemente, C. Casacuberta, M. Madadi, C. A.
 *   Corneanu, S. Escalera, "Predicting the generalization gap in neural
 *   networks using topological data analysis", Neurocomputing 596 (2024)
 *   127787: the importance sampling of neurons for the 1 - |corr| diagrams.
 */
export function neuronImportance(
  layers: readonly LayerActivations[],
  options?: NeuronImportanceOptions,
): NeuronImportance {
  const caller = "neuronImportance";
  const table = requireLayers(caller, layers);
  const opts = requireOptions(`${caller}: options`, options);
  const inputs = requireInputIndices(`${caller}: options.inputs`, opts.inputs, table.samples);
  if (inputs.length === 0) {
    throw new RangeError(
      `${caller}: there are no inputs to count winners over; expected at least one`,
    );
  }
  const wins = countWins(caller, layers, table.offsets, inputs);
  return { wins, probabilities: importanceProbabilities(wins, inputs.length) };
}

/** The wins of every pooled neuron over `inputs` (trusted layers; values checked as read). */
export function countWins(
  caller: string,
  layers: readonly LayerActivations[],
  offsets: Int32Array,
  inputs: Int32Array,
): Int32Array {
  const wins = new Int32Array(offsets[layers.length]!);
  for (let t = 0; t < inputs.length; t++) {
    const s = inputs[t]!;
    let best = -1;
    let winner = 0;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l]!;
      const values = layer.values;
      const n = layer.neurons;
      const base = s * n;
      for (let j = 0; j < n; j++) {
        const a = Math.abs(values[base + j]!);
        if (a > best) {
          best = a;
          winner = offsets[l]! + j;
        } else if (!(a <= best)) {
          // NaN (an infinity is > best and caught below).
          throw notFiniteActivation(caller, layer, s, j);
        }
      }
    }
    if (best === Number.POSITIVE_INFINITY || Number.isNaN(best)) {
      const located = locate(layers, offsets, winner);
      throw notFiniteActivation(caller, layers[located.layer]!, s, located.neuron);
    }
    wins[winner]! += 1;
  }
  return wins;
}

/** Ballester et al.'s probabilities from the wins over `inputs` inputs. */
export function importanceProbabilities(wins: Int32Array, inputs: number): Float64Array {
  const n = wins.length;
  let winners = 0;
  for (let p = 0; p < n; p++) if (wins[p]! > 0) winners++;
  const probabilities = new Float64Array(n);
  if (winners === n) {
    for (let p = 0; p < n; p++) probabilities[p] = wins[p]! / inputs;
    return probabilities;
  }
  const rest = 1 / ((n - winners) * (inputs + 1));
  for (let p = 0; p < n; p++) {
    probabilities[p] = wins[p]! > 0 ? wins[p]! / (inputs + 1) : rest;
  }
  return probabilities;
}

function locate(
  layers: readonly LayerActivations[],
  offsets: Int32Array,
  pooled: number,
): { layer: number; neuron: number } {
  let l = 0;
  while (l + 1 < layers.length && offsets[l + 1]! <= pooled) l++;
  return { layer: l, neuron: pooled - offsets[l]! };
}
