import { allocateCondensed } from "../metric/condensed-size.js";
import type { CorrelationDissimilarityKind } from "../metric/correlation-dissimilarity.js";
import { dissimilarityOf } from "../metric/correlation-kernel.js";
import { describe, requireOptions, requireProgress, requireSignal } from "../metric/validate.js";
import type { LongRunningOptions, Precision } from "../types.js";
import type { LayerActivations } from "./layer-activations.js";
import {
  correlationsOfStandardized,
  type NeuronDistances,
  standardizeSelected,
} from "./neuron-dissimilarity.js";
import type { NeuronSelection } from "./select-neurons.js";
import {
  allNeuronsOverInputs,
  requireStandardized,
  type StandardizedNeurons,
} from "./standardize-neurons.js";

/** Options of {@link neuronCorrelations}. */
export interface NeuronCorrelationsOptions extends LongRunningOptions {
  /** The inputs (row indices); default all. */
  readonly inputs?: ArrayLike<number>;
  /**
   * The most bytes the standardized activations of all the neurons may take
   * (float64); default 256 MiB. Unlike {@link neuronDissimilarity}, the
   * correlations of a pool are always computed in memory (so that every
   * sample of neurons gets the values it would get on its own): more is a
   * RangeError.
   */
  readonly memoryBudgetBytes?: number;
  /**
   * Only the correlations of the pooled neurons p in `[start, end)` with
   * every q < p: rows start..end-1 of the condensed matrix, contiguous in it,
   * so that threads can compute bands of one matrix (`start` a multiple of 4,
   * `end` a multiple of 4 or the number of neurons). Default: all of them.
   */
  readonly rows?: readonly [number, number];
  /**
   * Where the values go: a Float64Array of the condensed length, e.g. on a
   * SharedArrayBuffer that threads fill band by band (only the band's
   * entries are written). Default: a new array.
   */
  readonly into?: Float64Array;
  /**
   * The activations already standardized by {@link standardizeNeurons} over
   * the same layers and inputs (e.g. once for all the threads computing
   * bands); default: standardized here. The values are the same either way.
   */
  readonly standardized?: StandardizedNeurons;
}

/**
 * The correlations of every neuron of some layers over a fixed set of
 * inputs, computed once so that many samples of neurons (bootstrap repeats
 * over the same inputs) take theirs from it instead of recomputing them.
 */
export interface NeuronCorrelations {
  readonly kind: "neuron-correlations";
  /** The layers' names, in order. */
  readonly layerNames: readonly string[];
  /** The number of neurons of each layer, in order. */
  readonly layerSizes: readonly number[];
  /** The inputs the correlations are over. */
  readonly inputs: Int32Array;
  /**
   * Condensed over the pooled neurons (layer after layer): the Pearson
   * correlation of pooled neurons p > q at `p*(p-1)/2 + q`, float64, in
   * [-1, 1], 0 when either is constant.
   */
  readonly values: Float64Array;
  /** `constant[p]` is 1 when pooled neuron p is constant over the inputs, else 0. */
  readonly constant: Uint8Array;
}

/**
 * The correlations of all the neurons of several layers over the inputs,
 * once: the standardized activations and one blocked matrix product, as
 * {@link neuronDissimilarity} computes them for a selection. A pair's
 * correlation does not depend on which other neurons are there (every entry
 * sums its products in the same order), so the distances of any sample of
 * these neurons taken from here ({@link neuronPersistence}'s `correlations`
 * option) are bit for bit those computed for the sample alone. Worth it when
 * many samples share the inputs: B repeats of n neurons cost B n^2 products
 * per input instead of N^2 for the N neurons here.
 *
 * @param layers - The activations ({@link LayerActivations}) over the same inputs.
 * @param options - `inputs` (default all), `memoryBudgetBytes` (default
 *   256 MiB), `rows` (default all), `into` (default a new array),
 *   `standardized` (default: computed here), `onProgress` (stage
 *   `"correlation"`), `signal`.
 * @returns The correlations (new arrays).
 * @throws TypeError / RangeError for bad layers or options, fewer than 2
 *   inputs, activations over the budget, or a NaN or infinite activation.
 * @example
 * ```ts
 * const correlations = neuronCorrelations(layers); // once
 * for (let r = 0; r < 20; r++) {
 *   neuronPersistence(layers, { neurons: 300, seed: deriveSeed(1, r), correlations });
 * }
 * ```
 */
export function neuronCorrelations(
  layers: readonly LayerActivations[],
  options?: NeuronCorrelationsOptions,
): NeuronCorrelations {
  const caller = "neuronCorrelations";
  const opts = requireOptions(`${caller}: options`, options);
  const { table, inputs, selection } = allNeuronsOverInputs(
    caller,
    layers,
    opts,
    "raise it, or compute each sample's correlations alone",
  );
  const [start, end] = requireRows(`${caller}: options.rows`, opts.rows, table.total);
  const length = (table.total * (table.total - 1)) / 2;
  if (
    opts.into !== undefined &&
    (!(opts.into instanceof Float64Array) || opts.into.length !== length)
  ) {
    throw new TypeError(
      `${caller}: options.into must be a Float64Array of ${length} values (the condensed length); got ${describe(opts.into)}`,
    );
  }
  const settings = {
    onProgress: requireProgress(`${caller}: options.onProgress`, opts.onProgress),
    signal: requireSignal(`${caller}: options.signal`, opts.signal),
  };
  const rows =
    opts.standardized === undefined
      ? standardizeSelected(caller, layers, selection, inputs, settings.signal)
      : requireStandardized(`${caller}: options.standardized`, opts.standardized, layers, inputs);
  const values = correlationsOfStandardized(rows, settings, {
    start,
    end,
    into: opts.into ?? new Float64Array(length),
  });
  const constant = rows.constant;
  const flags = new Uint8Array(table.total);
  for (const p of constant) flags[p] = 1;
  return {
    kind: "neuron-correlations",
    layerNames: layers.map((layer) => layer.name),
    layerSizes: layers.map((layer) => layer.neurons),
    inputs,
    values,
    constant: flags,
  };
}

/** Checks a band of rows: `[start, end)` within `[0, total]`, aligned on tiles of 4. */
function requireRows(name: string, value: unknown, total: number): [number, number] {
  if (value === undefined) return [0, total];
  const rows = value as readonly number[];
  if (!Array.isArray(rows) || rows.length !== 2) {
    throw new TypeError(`${name} must be [start, end]; got ${describe(value)}`);
  }
  const [start, end] = rows as [number, number];
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    start > end ||
    end > total ||
    start % 4 !== 0 ||
    (end % 4 !== 0 && end !== total)
  ) {
    throw new RangeError(
      `${name} must be [start, end] with 0 <= start <= end <= ${total}, start a multiple of 4 and end a multiple of 4 or ${total}; got [${describe(start)}, ${describe(end)}]`,
    );
  }
  return [start, end];
}

/** Checks that `value` is the correlations of `layers` (internal). */
export function requireCorrelations(
  name: string,
  value: unknown,
  layers: readonly LayerActivations[],
): NeuronCorrelations {
  const c = value as NeuronCorrelations;
  if (
    typeof value !== "object" ||
    value === null ||
    c.kind !== "neuron-correlations" ||
    !(c.values instanceof Float64Array) ||
    !(c.inputs instanceof Int32Array) ||
    !(c.constant instanceof Uint8Array)
  ) {
    throw new TypeError(`${name} must be the result of neuronCorrelations; got ${describe(value)}`);
  }
  const names = layers.map((layer) => layer.name);
  const sizes = layers.map((layer) => layer.neurons);
  if (
    c.layerNames.length !== names.length ||
    c.layerNames.some((n, l) => n !== names[l] || c.layerSizes[l] !== sizes[l])
  ) {
    throw new RangeError(
      `${name} were computed for the layers ${JSON.stringify(c.layerNames)} of sizes ${JSON.stringify(c.layerSizes)}, not ${JSON.stringify(names)} of sizes ${JSON.stringify(sizes)}`,
    );
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  if (c.constant.length !== total || c.values.length !== (total * (total - 1)) / 2) {
    throw new RangeError(`${name} hold ${c.constant.length} neurons; the layers have ${total}`);
  }
  return c;
}

/**
 * The distances of the selected neurons taken from pool correlations
 * (internal): the same mapping and rounding as {@link neuronDissimilarity}.
 */
export function distancesFromCorrelations(
  correlations: NeuronCorrelations,
  selection: NeuronSelection,
  kind: CorrelationDissimilarityKind,
  precision: Precision,
  caller: string,
): NeuronDistances {
  const offsets = [0];
  for (const size of correlations.layerSizes) offsets.push(offsets.at(-1)! + size);
  const n = selection.layers.length;
  const pooled = Int32Array.from(selection.layers, (l, k) => offsets[l]! + selection.neurons[k]!);
  const values = allocateCondensed(n, precision, caller);
  const source = correlations.values;
  let r = 0;
  for (let a = 1; a < n; a++) {
    const p = pooled[a]!;
    for (let b = 0; b < a; b++, r++) {
      const q = pooled[b]!;
      const c =
        p > q
          ? source[(p * (p - 1)) / 2 + q]!
          : p < q
            ? source[(q * (q - 1)) / 2 + p]!
            : 1 - correlations.constant[p]!; // a neuron with itself
      values[r] = dissimilarityOf(c, kind);
    }
  }
  const constant: number[] = [];
  for (let k = 0; k < n; k++) if (correlations.constant[pooled[k]!] === 1) constant.push(k);
  return { kind: "condensed", count: n, values, constantNeurons: Int32Array.from(constant) };
}
