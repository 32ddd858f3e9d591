import type { CorrelationDissimilarityKind } from "../metric/correlation-dissimilarity.js";
import { describe, requireInteger, requireOptions } from "../metric/validate.js";
import { ripsPersistence } from "../ph/rips-persistence.js";
import { deriveSeed, seededRandom } from "../random.js";
import { requireSeed } from "../stats/resampling-options.js";
import type {
  CondensedDistances,
  DiagramOfDimension,
  LongRunningOptions,
  PersistenceDiagram,
  Precision,
} from "../types.js";
import { type LayerActivations, requireLayers } from "./layer-activations.js";
import {
  distancesFromCorrelations,
  type NeuronCorrelations,
  requireCorrelations,
} from "./neuron-correlations.js";
import {
  dissimilarityTrusted,
  type NeuronDistances,
  requireDissimilaritySettings,
} from "./neuron-dissimilarity.js";
import { sampleIndices } from "./sample-indices.js";
import {
  type NeuronSampling,
  type NeuronSelection,
  requireSampling,
  selectTrusted,
} from "./select-neurons.js";

/** Options of {@link neuronPersistence}. */
export interface NeuronPersistenceOptions extends LongRunningOptions {
  /** How many neurons to sample, an integer >= 2; default all of them. */
  readonly neurons?: number;
  /** How the neurons are sampled; default `"uniform"` (see {@link NeuronSampling}). */
  readonly sampling?: NeuronSampling;
  /** How many inputs to sample, an integer >= 2; default all of them. */
  readonly inputs?: number;
  /** The dissimilarity of the correlations; default `"1-|corr|"`. */
  readonly dissimilarity?: CorrelationDissimilarityKind;
  /** The largest homological dimension computed; default 1. */
  readonly maxDim?: number;
  /** Only simplices of diameter <= threshold enter the filtration, a number > 0; default Infinity. */
  readonly threshold?: number;
  /** The precision of the distances; default `"float32"` (as Ripser). */
  readonly precision?: Precision;
  /** The seed of the samples (any integer); default 0. */
  readonly seed?: number;
  /** See {@link NeuronDissimilarityOptions.memoryBudgetBytes}; default 256 MiB. */
  readonly memoryBudgetBytes?: number;
  /**
   * The correlations of all the neurons over all the inputs, from
   * {@link neuronCorrelations}, to take the sample's distances from instead
   * of computing them (the same values, bit for bit); default none. The
   * inputs are then those of the correlations (`inputs` must be left out).
   */
  readonly correlations?: NeuronCorrelations;
}

/** The persistent homology of one sample of neurons, traceable to its inputs and neurons. */
export interface NeuronPersistence {
  /** The inputs used (row indices, ascending). */
  readonly inputs: Int32Array;
  /** The neurons used: point k of the complex is neuron k of the selection. */
  readonly selection: NeuronSelection;
  /** The positions in the selection of the neurons constant over the inputs (dead). */
  readonly constantNeurons: Int32Array;
  /** The Vietoris-Rips diagram of the neurons' dissimilarities, dimensions 0..maxDim. */
  readonly diagram: PersistenceDiagram;
}

/**
 * The persistent homology of the neurons of a network in a functional
 * metric: selects inputs and neurons ({@link selectInputs},
 * {@link selectNeurons}), computes their correlation dissimilarities
 * ({@link neuronDissimilarity}) and the Vietoris-Rips diagram of these
 * ({@link ripsPersistence}) up to `maxDim`, below `threshold`. With no
 * sampling, the diagram equals the one of NumPy's `corrcoef` (a constant
 * neuron at correlation 0), `1 - |corr|` rounded to float32, and Ripser.
 *
 * Seeds: the inputs are drawn with `seededRandom(deriveSeed(seed, 0))`, then
 * the neurons with `seededRandom(deriveSeed(seed, 1))` (importance sampling
 * counts winners over the drawn inputs), so the same seed gives the same
 * samples, and the neuron sample does not depend on the number of inputs.
 *
 * Dead neurons cost nothing: a neuron constant over the inputs is at distance
 * exactly 1 from every other, so below 1 it is an isolated point and from 1
 * on (the dissimilarities of the other neurons being at most 1 for
 * `1-|corr|` and `sqrt(1-|corr|)`) the complex is a cone, hence contractible.
 * The diagram is computed on the other neurons, then with k >= 1 constant
 * neurons and a threshold >= 1: every bar alive at 1 dies at 1 (one H0 class
 * stays essential), bars born at 1 or later vanish, and k H0 bars [0, 1)
 * are added; with a threshold < 1, k essential H0 bars [0, Infinity) are
 * added. This is exact (the same diagram as with the constant neurons in
 * the complex), for `1 - corr` too.
 *
 * @param layers - The activations ({@link LayerActivations}) over the same inputs.
 * @param options - `neurons` (default all), `sampling` (`"uniform"`),
 *   `inputs` (default all), `dissimilarity` (`"1-|corr|"`), `maxDim` (1),
 *   `threshold` (Infinity), `precision` (`"float32"`), `seed` (0),
 *   `memoryBudgetBytes` (256 MiB), `correlations` (none), `onProgress`, `signal`.
 * @returns The inputs, the selection, the constant neurons and the diagram.
 * @throws TypeError / RangeError for bad layers or options, fewer than 2
 *   neurons or inputs, a threshold <= 0, all the selected neurons constant,
 *   or a NaN or infinite activation among those read.
 * @example
 * ```ts
 * // 4 inputs x 3 neurons: neuron 1 = -neuron 0, neuron 2 uncorrelated with both
 * const values = Float32Array.of(1, -1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1);
 * const { diagram } = neuronPersistence([{ name: "fc", samples: 4, neurons: 3, values }]);
 * diagram.dimensions[0].deaths; // Float64Array [1, Infinity]: neurons 0 and 1 meet at 0, neuron 2 at 1
 * ```
 * @see R. Ballester, X. Arnal Clemente, C. Casacuberta, M. Madadi, C. A.
 *   Corneanu, S. Escalera, "Predicting the generalization gap in neural
 *   networks using topological data analysis", Neurocomputing 596 (2024)
 *   127787; C. A. Corneanu, M. Madadi, S. Escalera, A. M. Martinez, "What
 *   does it mean to learn in deep networks?" (CVPR 2019).
 */
export function neuronPersistence(
  layers: readonly LayerActivations[],
  options?: NeuronPersistenceOptions,
): NeuronPersistence {
  const caller = "neuronPersistence";
  const table = requireLayers(caller, layers);
  const opts = requireOptions(`${caller}: options`, options);
  const settings = requireDissimilaritySettings(caller, opts);
  const sampling = requireSampling(`${caller}: options.sampling`, opts.sampling);
  const neuronCount =
    opts.neurons === undefined
      ? table.total
      : requireInteger(`${caller}: options.neurons`, opts.neurons, 0);
  const inputCount =
    opts.inputs === undefined
      ? table.samples
      : requireInteger(`${caller}: options.inputs`, opts.inputs, 0);
  const maxDim =
    opts.maxDim === undefined ? 1 : requireInteger(`${caller}: options.maxDim`, opts.maxDim, 0);
  const threshold = opts.threshold ?? Number.POSITIVE_INFINITY;
  if (typeof threshold !== "number" || !(threshold > 0)) {
    throw new RangeError(
      `${caller}: options.threshold must be a number > 0 (or Infinity); got ${describe(threshold)}`,
    );
  }
  const seed = requireSeed(caller, opts.seed);
  if (Math.min(neuronCount, table.total) < 2) {
    throw new RangeError(
      `${caller}: the topology of neurons needs at least 2 neurons; got ${Math.min(neuronCount, table.total)} (the layers have ${table.total})`,
    );
  }
  if (Math.min(inputCount, table.samples) < 2) {
    throw new RangeError(
      `${caller}: correlations need at least 2 inputs; got ${Math.min(inputCount, table.samples)} (the layers have ${table.samples})`,
    );
  }
  const pool =
    opts.correlations === undefined
      ? undefined
      : requireCorrelations(`${caller}: options.correlations`, opts.correlations, layers);
  if (pool !== undefined && opts.inputs !== undefined) {
    throw new RangeError(
      `${caller}: options.inputs samples inputs, but options.correlations fix them (${pool.inputs.length} inputs); leave one out`,
    );
  }
  const inputs =
    pool === undefined
      ? sampleIndices(table.samples, inputCount, seededRandom(deriveSeed(seed, 0)))
      : Int32Array.from(pool.inputs);
  if (inputs.length < 2) {
    throw new RangeError(`${caller}: correlations need at least 2 inputs; got ${inputs.length}`);
  }
  const selection = selectTrusted(caller, layers, table.offsets, {
    count: neuronCount,
    sampling,
    seed: deriveSeed(seed, 1),
    inputs,
  });
  const { distances, constant } =
    pool === undefined
      ? splitConstant(dissimilarityTrusted(caller, layers, selection, inputs, settings))
      : liveDistancesFromCorrelations(pool, selection, settings, caller);
  const count = selection.layers.length;
  if (constant.length === count) {
    throw new RangeError(
      `${caller}: all ${count} selected neurons are constant over the ${inputs.length} inputs (dead ReLUs?); their correlations are undefined: choose other layers or inputs`,
    );
  }
  const rips = { maxDim, threshold, ...longRunning(settings) };
  if (constant.length === 0) {
    return {
      inputs,
      selection,
      constantNeurons: constant,
      diagram: ripsPersistence(distances, rips),
    };
  }
  const diagram = ripsPersistence(distances, rips);
  return {
    inputs,
    selection,
    constantNeurons: constant,
    diagram: withConstantPoints(diagram, constant.length, threshold),
  };
}

function longRunning(settings: {
  readonly onProgress: LongRunningOptions["onProgress"];
  readonly signal: LongRunningOptions["signal"];
}): LongRunningOptions {
  return {
    ...(settings.onProgress ? { onProgress: settings.onProgress } : {}),
    ...(settings.signal ? { signal: settings.signal } : {}),
  };
}

/** The distances of the non-constant neurons, and the positions of the constant ones. */
function splitConstant(distances: NeuronDistances): {
  distances: CondensedDistances;
  constant: Int32Array;
} {
  const constant = distances.constantNeurons;
  const live =
    constant.length === 0 || constant.length === distances.count
      ? distances
      : withoutPoints(distances, constant);
  return { distances: live, constant };
}

/**
 * {@link splitConstant} of the sample's distances taken from shared
 * correlations, which flag the constant neurons already: the live
 * neurons' distances are read in one pass, without the whole sample's
 * matrix and its copy without the dead neurons (the same values).
 */
function liveDistancesFromCorrelations(
  pool: NeuronCorrelations,
  selection: NeuronSelection,
  settings: { readonly kind: CorrelationDissimilarityKind; readonly precision: Precision },
  caller: string,
): { distances: CondensedDistances; constant: Int32Array } {
  const offsets = [0];
  for (const size of pool.layerSizes) offsets.push(offsets.at(-1)! + size);
  const constant: number[] = [];
  const live: number[] = [];
  for (let k = 0; k < selection.layers.length; k++) {
    const flag = pool.constant[offsets[selection.layers[k]!]! + selection.neurons[k]!];
    (flag === 1 ? constant : live).push(k);
  }
  if (constant.length === 0 || live.length === 0) {
    return splitConstant(
      distancesFromCorrelations(pool, selection, settings.kind, settings.precision, caller),
    );
  }
  const alive: NeuronSelection = {
    layerNames: selection.layerNames,
    layers: Int32Array.from(live, (k) => selection.layers[k]!),
    neurons: Int32Array.from(live, (k) => selection.neurons[k]!),
  };
  const distances = distancesFromCorrelations(
    pool,
    alive,
    settings.kind,
    settings.precision,
    caller,
  );
  return { distances, constant: Int32Array.from(constant) };
}

/** The condensed distances without the points `removed` (ascending). */
function withoutPoints(distances: CondensedDistances, removed: Int32Array): CondensedDistances {
  const n = distances.count;
  const keep: number[] = [];
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (r < removed.length && removed[r] === i) r++;
    else keep.push(i);
  }
  const m = keep.length;
  const source = distances.values;
  const values = new (source instanceof Float32Array ? Float32Array : Float64Array)(
    (m * (m - 1)) / 2,
  );
  let w = 0;
  for (let a = 1; a < m; a++) {
    const i = keep[a]!;
    const base = (i * (i - 1)) / 2;
    for (let b = 0; b < a; b++) values[w++] = source[base + keep[b]!]!;
  }
  return { kind: "condensed", count: m, values };
}

/**
 * The diagram of the complex with `k` more points at distance exactly 1
 * from every point (see {@link neuronPersistence}). Finite bars keep their
 * order, essential ones come last.
 */
function withConstantPoints(
  diagram: PersistenceDiagram,
  k: number,
  threshold: number,
): PersistenceDiagram {
  const dimensions: DiagramOfDimension[] = diagram.dimensions.map(({ dim, births, deaths }) => {
    const finiteBirths: number[] = [];
    const finiteDeaths: number[] = [];
    let essential = 0;
    if (threshold < 1) {
      // The constant neurons stay isolated points: k more essential H0 classes.
      for (let p = 0; p < births.length; p++) {
        if (deaths[p] === Number.POSITIVE_INFINITY) essential++;
        else {
          finiteBirths.push(births[p]!);
          finiteDeaths.push(deaths[p]!);
        }
      }
      if (dim === 0) essential += k;
    } else {
      // A cone from 1 on: every class alive at 1 dies there, none is born later.
      let dyingAtOne = 0;
      for (let p = 0; p < births.length; p++) {
        const b = births[p]!;
        const d = deaths[p]!;
        if (b >= 1) continue;
        if (d < 1) {
          finiteBirths.push(b);
          finiteDeaths.push(d);
        } else if (dim === 0) {
          dyingAtOne++; // H0 bars are born at 0
        } else {
          finiteBirths.push(b);
          finiteDeaths.push(1);
        }
      }
      if (dim === 0) {
        // The live components alive at 1 and the k constant points: all but one die at 1.
        for (let i = 0; i < dyingAtOne + k - 1; i++) {
          finiteBirths.push(0);
          finiteDeaths.push(1);
        }
        essential = 1;
      }
    }
    const out = finiteBirths.length + essential;
    const b = new Float64Array(out);
    const d = new Float64Array(out);
    b.set(finiteBirths);
    d.set(finiteDeaths);
    // Essential classes of H0 are born at 0; those of higher dimensions keep their births.
    let e = finiteBirths.length;
    for (let p = 0; p < births.length && threshold < 1; p++) {
      if (deaths[p] === Number.POSITIVE_INFINITY) {
        b[e] = births[p]!;
        d[e++] = Number.POSITIVE_INFINITY;
      }
    }
    for (; e < out; e++) {
      b[e] = 0;
      d[e] = Number.POSITIVE_INFINITY;
    }
    return { dim, births: b, deaths: d };
  });
  return { dimensions };
}
