import { describe, requireInteger, requireOptions } from "../metric/validate.js";
import { seededRandom } from "../random.js";
import { requireSeed } from "../stats/resampling-options.js";
import { type LayerActivations, requireLayers } from "./layer-activations.js";
import { countWins, importanceProbabilities } from "./neuron-importance.js";
import { requireInputIndices } from "./require-indices.js";
import { sampleIndices } from "./sample-indices.js";

/**
 * How {@link selectNeurons} samples neurons (always without replacement):
 * - `"uniform"`: every set of `count` neurons of all the layers pooled is
 *   equally likely;
 * - `"per-layer"`: each layer gets a share of `count` proportional to its
 *   number of neurons (largest remainders), then a uniform sample within it;
 * - `"importance"`: neurons weighted by how often they have the largest
 *   absolute activation, as Ballester et al. ({@link neuronImportance}).
 */
export type NeuronSampling = "uniform" | "per-layer" | "importance";

/** The samplings of {@link NeuronSampling}. */
export const NEURON_SAMPLINGS: readonly NeuronSampling[] = ["uniform", "per-layer", "importance"];

/**
 * A set of neurons of several layers: neuron k of the selection is neuron
 * `neurons[k]` of layer `layerNames[layers[k]]`. Sorted by layer (in the
 * order the layers were given), then by neuron index, so that point k of a
 * distance matrix built on the selection traces back to its neuron.
 */
export interface NeuronSelection {
  /** The names of the layers, in the order given. */
  readonly layerNames: readonly string[];
  /** `layers[k]`: the index into `layerNames` of neuron k's layer. */
  readonly layers: Int32Array;
  /** `neurons[k]`: the index of neuron k within its layer. */
  readonly neurons: Int32Array;
}

/** Options of {@link selectNeurons}. */
export interface SelectNeuronsOptions {
  /** How many neurons, an integer >= 0; default all of them. At least the total means all. */
  readonly count?: number;
  /** How they are sampled; default `"uniform"`. See {@link NeuronSampling}. */
  readonly sampling?: NeuronSampling;
  /** The seed of the sample (any integer); default 0. */
  readonly seed?: number;
  /** `"importance"` only: the inputs whose winners are counted; default all. */
  readonly inputs?: ArrayLike<number>;
}

/**
 * Selects neurons of several layers, all of them or a seeded sample without
 * replacement (see {@link NeuronSampling}), and returns which they are
 * ({@link NeuronSelection}).
 *
 * Randomness: one `seededRandom(seed)` stream. `"uniform"` runs a partial
 * Fisher-Yates shuffle of the pooled neurons (`count` draws); `"per-layer"`
 * one such shuffle per layer, in layer order; `"importance"` gives each
 * pooled neuron p, in order, an exponential race key `-ln(1 - u_p) / w_p` and
 * keeps the `count` smallest keys (ties: the lower index), which samples
 * without replacement with probabilities proportional to the weights w, one
 * neuron after the other, exactly as NumPy's
 * `choice(n, count, replace=False, p=w)` does in distribution (Efraimidis and
 * Spirakis).
 *
 * @param layers - The activations ({@link LayerActivations}) over the same inputs.
 * @param options - `count` (default all), `sampling` (default `"uniform"`),
 *   `seed` (default 0), `inputs` (for `"importance"`; default all).
 * @returns The selection (new arrays).
 * @throws TypeError / RangeError for bad layers or options, or a NaN or
 *   infinite activation read by `"importance"`.
 * @example
 * ```ts
 * const relu1 = { name: "relu1", samples: 2, neurons: 3, values: new Float32Array(6) };
 * const relu2 = { name: "relu2", samples: 2, neurons: 2, values: new Float32Array(4) };
 * const all = selectNeurons([relu1, relu2]);
 * all.layers;  // Int32Array [0, 0, 0, 1, 1]
 * all.neurons; // Int32Array [0, 1, 2, 0, 1]
 * selectNeurons([relu1, relu2], { count: 2, sampling: "per-layer", seed: 7 }).layers; // Int32Array [0, 1]
 * ```
 * @see P. S. Efraimidis, P. G. Spirakis, "Weighted random sampling with a
 *   reservoir", Information Processing Letters 97(5) (2006).
 */
export function selectNeurons(
  layers: readonly LayerActivations[],
  options?: SelectNeuronsOptions,
): NeuronSelection {
  const caller = "selectNeurons";
  const table = requireLayers(caller, layers);
  const opts = requireOptions(`${caller}: options`, options);
  const sampling = requireSampling(`${caller}: options.sampling`, opts.sampling);
  const count =
    opts.count === undefined
      ? table.total
      : requireInteger(`${caller}: options.count`, opts.count, 0);
  const seed = requireSeed(caller, opts.seed);
  const inputs =
    sampling === "importance"
      ? requireInputIndices(`${caller}: options.inputs`, opts.inputs, table.samples)
      : undefined;
  return selectTrusted(caller, layers, table.offsets, { count, sampling, seed, inputs });
}

/** Checks a sampling option; default `"uniform"`. */
export function requireSampling(name: string, value: unknown): NeuronSampling {
  if (value === undefined) return "uniform";
  if (typeof value === "string" && (NEURON_SAMPLINGS as readonly string[]).includes(value)) {
    return value as NeuronSampling;
  }
  throw new RangeError(
    `${name} must be one of ${NEURON_SAMPLINGS.map((s) => `"${s}"`).join(", ")}; got ${describe(value)}`,
  );
}

/** {@link selectNeurons} on checked arguments (internal). */
export function selectTrusted(
  caller: string,
  layers: readonly LayerActivations[],
  offsets: Int32Array,
  settings: {
    readonly count: number;
    readonly sampling: NeuronSampling;
    readonly seed: number;
    readonly inputs: Int32Array | undefined;
  },
): NeuronSelection {
  const total = offsets[layers.length]!;
  const { count, sampling } = settings;
  let pooled: Int32Array;
  if (count >= total) {
    pooled = Int32Array.from({ length: total }, (_, i) => i);
  } else if (sampling === "uniform") {
    pooled = sampleIndices(total, count, seededRandom(settings.seed));
  } else if (sampling === "per-layer") {
    pooled = perLayerSample(layers, offsets, count, seededRandom(settings.seed));
  } else {
    const inputs = settings.inputs!;
    if (inputs.length === 0) {
      throw new RangeError(
        `${caller}: importance sampling needs at least one input to count winners over; got none`,
      );
    }
    const weights = importanceProbabilities(
      countWins(caller, layers, offsets, inputs),
      inputs.length,
    );
    pooled = weightedSample(weights, count, seededRandom(settings.seed));
  }
  const layerOf = new Int32Array(pooled.length);
  const neuronOf = new Int32Array(pooled.length);
  let l = 0;
  for (let k = 0; k < pooled.length; k++) {
    const p = pooled[k]!;
    while (offsets[l + 1]! <= p) l++;
    layerOf[k] = l;
    neuronOf[k] = p - offsets[l]!;
  }
  return { layerNames: layers.map((layer) => layer.name), layers: layerOf, neurons: neuronOf };
}

/** Shares of `count` proportional to the layer sizes (largest remainders, ties to the earlier layer), sampled uniformly within each layer; pooled indices, ascending. */
function perLayerSample(
  layers: readonly LayerActivations[],
  offsets: Int32Array,
  count: number,
  random: () => number,
): Int32Array {
  const total = offsets[layers.length]!;
  const shares = layers.map((layer) => Math.floor((count * layer.neurons) / total));
  let left = count - shares.reduce((a, b) => a + b, 0);
  const byRemainder = layers
    .map((layer, l) => ({ l, remainder: ((count * layer.neurons) % total) / total }))
    .sort((a, b) => b.remainder - a.remainder || a.l - b.l);
  for (const { l } of byRemainder) {
    if (left === 0) break;
    shares[l]! += 1;
    left--;
  }
  const out = new Int32Array(count);
  let k = 0;
  for (let l = 0; l < layers.length; l++) {
    const picked = sampleIndices(layers[l]!.neurons, shares[l]!, random);
    for (let i = 0; i < picked.length; i++) out[k++] = offsets[l]! + picked[i]!;
  }
  return out;
}

/**
 * `count` distinct indices sampled without replacement with probabilities
 * proportional to `weights` (all > 0), by exponential races: the `count`
 * smallest keys `-ln(1 - u) / w`; ascending.
 */
function weightedSample(weights: Float64Array, count: number, random: () => number): Int32Array {
  const n = weights.length;
  const keys = new Float64Array(n);
  for (let p = 0; p < n; p++) keys[p] = -Math.log(1 - random()) / weights[p]!;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order.slice(0, count).sort();
}
