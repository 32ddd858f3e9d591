import { describe, requireOptions, requireSignal } from "../metric/validate.js";
import type { LongRunningOptions } from "../types.js";
import { type LayerActivations, requireLayers } from "./layer-activations.js";
import {
  DEFAULT_NEURON_MEMORY_BUDGET,
  fitsInMemory,
  type StandardizedRows,
  standardizeSelected,
} from "./neuron-dissimilarity.js";
import { requireInputIndices } from "./require-indices.js";
import { type NeuronSelection, selectTrusted } from "./select-neurons.js";

/** Options of {@link standardizeNeurons}. */
export interface StandardizeNeuronsOptions extends Pick<LongRunningOptions, "signal"> {
  /** The inputs (row indices); default all. */
  readonly inputs?: ArrayLike<number>;
  /** The most bytes the standardized activations may take (float64); default 256 MiB, more is a RangeError. */
  readonly memoryBudgetBytes?: number;
}

/**
 * The activations of every neuron of some layers over some inputs,
 * standardized (centred, norm 1) as the correlations need them: the first
 * half of {@link neuronCorrelations}, done once when several threads compute
 * bands of one correlation matrix (pass it as that function's
 * `standardized` option), instead of once per thread.
 */
export interface StandardizedNeurons {
  readonly kind: "standardized-neurons";
  readonly layerNames: readonly string[];
  readonly layerSizes: readonly number[];
  readonly inputs: Int32Array;
  /**
   * Row c (`inputs.length` values) is pooled neuron `live[c]` standardized;
   * rows past the live ones are zero. May be copied to shared memory.
   */
  readonly values: Float64Array;
  /** The pooled neurons that vary over the inputs, ascending. */
  readonly live: Int32Array;
  /** The pooled neurons constant over the inputs (correlation 0 with every other), ascending. */
  readonly constant: Int32Array;
}

/**
 * Standardizes the activations of all the neurons of `layers` over the
 * inputs, for {@link neuronCorrelations}' `standardized` option.
 *
 * @param layers - The activations ({@link LayerActivations}) over the same inputs.
 * @param options - `inputs` (default all), `memoryBudgetBytes` (256 MiB), `signal`.
 * @returns The standardized rows of the live neurons and the lists of live and constant ones.
 * @throws TypeError / RangeError for bad layers or options, fewer than 2
 *   inputs, activations over the budget, or a NaN or infinite activation.
 * @example
 * ```ts
 * const standardized = standardizeNeurons(layers); // once, shared by the threads
 * neuronCorrelations(layers, { standardized, rows: [0, 8], into }); // one thread's band
 * ```
 */
export function standardizeNeurons(
  layers: readonly LayerActivations[],
  options?: StandardizeNeuronsOptions,
): StandardizedNeurons {
  const caller = "standardizeNeurons";
  const opts = requireOptions(`${caller}: options`, options);
  const { inputs, selection } = allNeuronsOverInputs(caller, layers, opts, "raise it");
  const rows = standardizeSelected(
    caller,
    layers,
    selection,
    inputs,
    requireSignal(`${caller}: options.signal`, opts.signal),
  );
  return {
    kind: "standardized-neurons",
    layerNames: layers.map((layer) => layer.name),
    layerSizes: layers.map((layer) => layer.neurons),
    inputs,
    // The live rows and their padding: the dead rows' room is not needed.
    values: rows.z.subarray(0, Math.ceil(rows.live.length / 4) * 4 * inputs.length),
    live: rows.live,
    constant: rows.constant,
  };
}

/**
 * The checks and the selection that {@link standardizeNeurons} and
 * `neuronCorrelations` share (internal): the layers, the inputs (at least
 * 2), the memory budget of the standardized activations of every neuron,
 * whose RangeError ends with `advice`, and the selection of all the neurons.
 */
export function allNeuronsOverInputs(
  caller: string,
  layers: readonly LayerActivations[],
  opts: { readonly inputs?: ArrayLike<number>; readonly memoryBudgetBytes?: number },
  advice: string,
): { table: ReturnType<typeof requireLayers>; inputs: Int32Array; selection: NeuronSelection } {
  const table = requireLayers(caller, layers);
  const inputs = requireInputIndices(`${caller}: options.inputs`, opts.inputs, table.samples);
  const budget = opts.memoryBudgetBytes ?? DEFAULT_NEURON_MEMORY_BUDGET;
  if (typeof budget !== "number" || !(budget > 0)) {
    throw new RangeError(
      `${caller}: options.memoryBudgetBytes must be a number > 0; got ${describe(budget)}`,
    );
  }
  if (!fitsInMemory(table.total, inputs.length, budget)) {
    throw new RangeError(
      `${caller}: the standardized activations of ${table.total} neurons x ${inputs.length} inputs take more than options.memoryBudgetBytes = ${budget}; ${advice}`,
    );
  }
  if (inputs.length < 2) {
    throw new RangeError(`${caller}: correlations need at least 2 inputs; got ${inputs.length}`);
  }
  const selection = selectTrusted(caller, layers, table.offsets, {
    count: table.total,
    sampling: "uniform",
    seed: 0,
    inputs: undefined,
  });
  return { table, inputs, selection };
}

/** Checks that `value` standardizes `layers` over `inputs`; returns its rows (internal). */
export function requireStandardized(
  name: string,
  value: unknown,
  layers: readonly LayerActivations[],
  inputs: Int32Array,
): StandardizedRows {
  const s = value as StandardizedNeurons;
  if (
    typeof value !== "object" ||
    value === null ||
    s.kind !== "standardized-neurons" ||
    !(s.values instanceof Float64Array) ||
    !(s.inputs instanceof Int32Array) ||
    !(s.live instanceof Int32Array) ||
    !(s.constant instanceof Int32Array)
  ) {
    throw new TypeError(`${name} must be the result of standardizeNeurons; got ${describe(value)}`);
  }
  const names = layers.map((layer) => layer.name);
  const sizes = layers.map((layer) => layer.neurons);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (
    s.layerNames.length !== names.length ||
    s.layerNames.some((n, l) => n !== names[l] || s.layerSizes[l] !== sizes[l]) ||
    s.live.length + s.constant.length !== total
  ) {
    throw new RangeError(
      `${name} was computed for the layers ${JSON.stringify(s.layerNames)} of sizes ${JSON.stringify(s.layerSizes)}, not ${JSON.stringify(names)} of sizes ${JSON.stringify(sizes)}`,
    );
  }
  if (s.inputs.length !== inputs.length || s.inputs.some((t, k) => t !== inputs[k])) {
    throw new RangeError(`${name} was computed over other inputs than options.inputs`);
  }
  const rows = Math.ceil(s.live.length / 4) * 4;
  if (s.values.length !== rows * inputs.length) {
    throw new RangeError(
      `${name}.values must hold ${rows} rows of ${inputs.length} values; got ${s.values.length} values`,
    );
  }
  return {
    z: s.values,
    samples: inputs.length,
    count: total,
    live: s.live,
    constant: s.constant,
  };
}
