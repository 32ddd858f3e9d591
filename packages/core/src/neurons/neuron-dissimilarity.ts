import {
  allocateCondensed,
  assertCondensedSize,
  condensedLength,
} from "../metric/condensed-size.js";
import { CorrelationAccumulator } from "../metric/correlation-accumulator.js";
import type { CorrelationDissimilarityKind } from "../metric/correlation-dissimilarity.js";
import {
  CORRELATION_KINDS,
  dissimilarityOf,
  gramDiagonal,
  gramLower,
  paddedRows,
  standardizeRow,
  toCorrelation,
} from "../metric/correlation-kernel.js";
import {
  describe,
  requireOptions,
  requirePrecision,
  requireProgress,
  requireSignal,
  throwIfAborted,
} from "../metric/validate.js";
import type { CondensedDistances, LongRunningOptions, Precision, Progress } from "../types.js";
import { type LayerActivations, notFiniteActivation, requireLayers } from "./layer-activations.js";
import { requireInputIndices } from "./require-indices.js";
import type { NeuronSelection } from "./select-neurons.js";
import { selectTrusted } from "./select-neurons.js";

/** Options of {@link neuronDissimilarity}. */
export interface NeuronDissimilarityOptions extends LongRunningOptions {
  /** The neurons (from {@link selectNeurons}); default every neuron of every layer. */
  readonly selection?: NeuronSelection;
  /** The inputs (row indices, e.g. from {@link selectInputs}); default all. */
  readonly inputs?: ArrayLike<number>;
  /** Which dissimilarity of the correlations; default `"1-|corr|"`. */
  readonly dissimilarity?: CorrelationDissimilarityKind;
  /**
   * Precision of the distances; default `"float32"` (what Ripser and
   * {@link ripsPersistence} compute with). The correlations are always
   * computed in float64; `"float32"` rounds each dissimilarity once on store.
   */
  readonly precision?: Precision;
  /**
   * The most bytes the standardized activations may take (float64, selected
   * neurons x inputs); default 256 MiB. Above it the correlations are
   * accumulated over blocks of inputs ({@link CorrelationAccumulator}) in
   * about this much memory, whatever the number of inputs.
   */
  readonly memoryBudgetBytes?: number;
}

/** Condensed distances between selected neurons, with the constant ones named. */
export interface NeuronDistances extends CondensedDistances {
  /**
   * The positions in the selection of the neurons that are constant over
   * the inputs (e.g. dead ReLUs), ascending: each is at distance exactly 1
   * from every other neuron.
   */
  readonly constantNeurons: Int32Array;
}

/** The default of `memoryBudgetBytes`: 256 MiB. */
export const DEFAULT_NEURON_MEMORY_BUDGET = 2 ** 28;

/**
 * The functional distances between neurons of several layers: the
 * dissimilarity (`1 - |corr|` by default, `sqrt(1 - |corr|)` or `1 - corr`)
 * of the Pearson correlation of their activations over the chosen inputs, as
 * a condensed matrix over the selected neurons in selection order (point k is
 * neuron k of the selection).
 *
 * The selected neurons' activations over the inputs are gathered straight
 * from the layers (no samples x neurons copy), each neuron centred and scaled
 * to unit norm once in float64, and all the correlations are one blocked,
 * register-tiled matrix product, as {@link correlationDissimilarity} (whose
 * kernel this is): the values agree with NumPy's `corrcoef` on the same
 * activations to about 1e-15 before the float32 rounding. When the
 * standardized activations would pass `memoryBudgetBytes`, the inputs are
 * streamed in blocks through a {@link CorrelationAccumulator} (float64 sums of
 * co-moments merged block by block) instead.
 *
 * A constant neuron (all its values equal over the inputs: a dead ReLU) has
 * correlation 0 with every other neuron, hence distance exactly 1 (NumPy
 * gives NaN); such neurons are listed in `constantNeurons`.
 *
 * @param layers - The activations ({@link LayerActivations}) over the same inputs.
 * @param options - `selection` (default all neurons), `inputs` (default all),
 *   `dissimilarity` (default `"1-|corr|"`), `precision` (default
 *   `"float32"`), `memoryBudgetBytes` (default 256 MiB), `onProgress`
 *   (stage `"correlation"`, in inputs), `signal`.
 * @returns New condensed distances of the selected neurons.
 * @throws TypeError / RangeError for bad layers or options, a selection that
 *   does not match the layers, fewer than 2 inputs, more than 65 536 neurons,
 *   or a NaN or infinite activation among those read (naming layer, input
 *   and neuron).
 * @example
 * ```ts
 * // 4 inputs; relu1's neuron 1 is dead, relu2's neuron 0 = -2 x relu1's neuron 0
 * const relu1 = { name: "relu1", samples: 4, neurons: 2, values: Float32Array.of(1, 0, 2, 0, 3, 0, 4, 0) };
 * const relu2 = { name: "relu2", samples: 4, neurons: 1, values: Float32Array.of(-2, -4, -6, -8) };
 * const d = neuronDissimilarity([relu1, relu2]);
 * d.values;          // Float32Array [1, 0, 1]: pairs (1,0), (2,0), (2,1)
 * d.constantNeurons; // Int32Array [1]
 * ```
 * @see Corneanu, Madadi, Escalera, Martinez, "What does it mean to learn in
 *   deep networks? And, how does one detect adversarial attacks?" (CVPR 2019):
 *   the functional graph of neurons weighted by 1 - |corr|.
 */
export function neuronDissimilarity(
  layers: readonly LayerActivations[],
  options?: NeuronDissimilarityOptions,
): NeuronDistances {
  const caller = "neuronDissimilarity";
  const table = requireLayers(caller, layers);
  const opts = requireOptions(`${caller}: options`, options);
  const selection =
    opts.selection === undefined
      ? selectTrusted(caller, layers, table.offsets, {
          count: table.total,
          sampling: "uniform",
          seed: 0,
          inputs: undefined,
        })
      : requireSelection(`${caller}: options.selection`, opts.selection, layers);
  const inputs = requireInputIndices(`${caller}: options.inputs`, opts.inputs, table.samples);
  const settings = requireDissimilaritySettings(caller, opts);
  return dissimilarityTrusted(caller, layers, selection, inputs, settings);
}

/** The checked numeric settings of {@link neuronDissimilarity}. */
export interface DissimilaritySettings {
  readonly kind: CorrelationDissimilarityKind;
  readonly precision: Precision;
  readonly memoryBudgetBytes: number;
  readonly onProgress: ((progress: Progress) => void) | undefined;
  readonly signal: LongRunningOptions["signal"];
}

/** Checks `dissimilarity`, `precision`, `memoryBudgetBytes`, `onProgress` and `signal` (internal). */
export function requireDissimilaritySettings(
  caller: string,
  opts: Pick<
    NeuronDissimilarityOptions,
    "dissimilarity" | "precision" | "memoryBudgetBytes" | "onProgress" | "signal"
  >,
): DissimilaritySettings {
  const kind = opts.dissimilarity ?? "1-|corr|";
  if (!CORRELATION_KINDS.includes(kind)) {
    throw new RangeError(
      `${caller}: options.dissimilarity must be one of ${CORRELATION_KINDS.map((k) => `"${k}"`).join(", ")}; got ${describe(kind)}`,
    );
  }
  const budget = opts.memoryBudgetBytes ?? DEFAULT_NEURON_MEMORY_BUDGET;
  if (typeof budget !== "number" || !(budget > 0)) {
    throw new RangeError(
      `${caller}: options.memoryBudgetBytes must be a number > 0; got ${describe(budget)}`,
    );
  }
  return {
    kind,
    precision: requirePrecision(`${caller}: options.precision`, opts.precision, "float32"),
    memoryBudgetBytes: budget,
    onProgress: requireProgress(`${caller}: options.onProgress`, opts.onProgress),
    signal: requireSignal(`${caller}: options.signal`, opts.signal),
  };
}

/** Checks a selection against the layers it must index (internal). */
export function requireSelection(
  name: string,
  value: unknown,
  layers: readonly LayerActivations[],
): NeuronSelection {
  const selection = value as NeuronSelection;
  if (
    typeof value !== "object" ||
    value === null ||
    !Array.isArray(selection.layerNames) ||
    !(selection.layers instanceof Int32Array) ||
    !(selection.neurons instanceof Int32Array)
  ) {
    throw new TypeError(
      `${name} must be a selection { layerNames, layers: Int32Array, neurons: Int32Array } (from selectNeurons); got ${describe(value)}`,
    );
  }
  const names = layers.map((layer) => layer.name);
  if (
    selection.layerNames.length !== names.length ||
    selection.layerNames.some((n, l) => n !== names[l])
  ) {
    throw new RangeError(
      `${name} was made for the layers ${JSON.stringify(selection.layerNames)} but the layers are ${JSON.stringify(names)}`,
    );
  }
  if (selection.layers.length !== selection.neurons.length) {
    throw new RangeError(
      `${name}: layers and neurons must have the same length; got ${selection.layers.length} and ${selection.neurons.length}`,
    );
  }
  for (let k = 0; k < selection.layers.length; k++) {
    const l = selection.layers[k]!;
    if (l < 0 || l >= layers.length) {
      throw new RangeError(
        `${name}.layers[${k}] must be a layer index in [0, ${layers.length}); got ${l}`,
      );
    }
    const j = selection.neurons[k]!;
    if (j < 0 || j >= layers[l]!.neurons) {
      throw new RangeError(
        `${name}.neurons[${k}] must be a neuron of layer ${JSON.stringify(names[l])}, in [0, ${layers[l]!.neurons}); got ${j}`,
      );
    }
  }
  return selection;
}

/** {@link neuronDissimilarity} on checked arguments (internal). */
export function dissimilarityTrusted(
  caller: string,
  layers: readonly LayerActivations[],
  selection: NeuronSelection,
  inputs: Int32Array,
  settings: DissimilaritySettings,
): NeuronDistances {
  const { values: correlations, constant } = correlationsTrusted(
    caller,
    layers,
    selection,
    inputs,
    settings,
  );
  const n = selection.layers.length;
  const values =
    settings.precision === "float64"
      ? correlations
      : allocateCondensed(n, settings.precision, caller);
  for (let r = 0; r < correlations.length; r++) {
    values[r] = dissimilarityOf(correlations[r]!, settings.kind);
  }
  return { kind: "condensed", count: n, values, constantNeurons: constant };
}

/**
 * The condensed correlations (float64, clamped, 0 for a constant neuron) of
 * the selected neurons over the inputs, and the positions of the constant
 * ones (internal): in memory when the standardized activations fit the
 * budget, else streamed. A pair's value does not depend on the other
 * neurons selected (each entry sums its products in the same order), so the
 * correlations of a pool of neurons contain those of every subset, bit for
 * bit, when both are computed in memory.
 */
export function correlationsTrusted(
  caller: string,
  layers: readonly LayerActivations[],
  selection: NeuronSelection,
  inputs: Int32Array,
  settings: Pick<DissimilaritySettings, "memoryBudgetBytes" | "onProgress" | "signal">,
): { values: Float64Array; constant: Int32Array } {
  const n = selection.layers.length;
  const m = inputs.length;
  if (m < 2) {
    throw new RangeError(`${caller}: correlations need at least 2 inputs; got ${m}`);
  }
  assertCondensedSize(n, caller);
  throwIfAborted(settings.signal);
  return fitsInMemory(n, m, settings.memoryBudgetBytes)
    ? inMemory(caller, layers, selection, inputs, settings)
    : streamed(caller, layers, selection, inputs, settings);
}

/** Whether the standardized activations of n neurons over m inputs fit the budget. */
export function fitsInMemory(n: number, m: number, memoryBudgetBytes: number): boolean {
  return paddedRows(n) * m * 8 <= memoryBudgetBytes;
}

/**
 * Gathers, standardizes and multiplies all the inputs at once (internal).
 * With `band`, only the correlations of the rows in `[band.start, band.end)`
 * (start a multiple of 4; end a multiple of 4 or n) with every earlier row
 * are computed, into `band.into` (a condensed array of n points; other
 * entries untouched): the same values, bit for bit, as the whole matrix has.
 */
function inMemory(
  caller: string,
  layers: readonly LayerActivations[],
  selection: NeuronSelection,
  inputs: Int32Array,
  settings: Pick<DissimilaritySettings, "onProgress" | "signal">,
  band?: { readonly start: number; readonly end: number; readonly into: Float64Array },
): { values: Float64Array; constant: Int32Array } {
  const rows = standardizeSelected(caller, layers, selection, inputs, settings.signal);
  return { values: correlationsOfStandardized(rows, settings, band), constant: rows.constant };
}

/**
 * Standardized activations of selected neurons, the non-constant ("live")
 * ones moved together (internal): row c of `z` is neuron `live[c]` of the
 * selection, centred and scaled to norm 1, over `samples` inputs; rows past
 * the live ones are zero (padding to a tile of 4).
 */
export interface StandardizedRows {
  readonly z: Float64Array;
  readonly samples: number;
  /** The neurons of the selection, live or not. */
  readonly count: number;
  readonly live: Int32Array;
  readonly constant: Int32Array;
}

/** Gathers, standardizes and packs the live rows of a selection (internal). */
export function standardizeSelected(
  caller: string,
  layers: readonly LayerActivations[],
  selection: NeuronSelection,
  inputs: Int32Array,
  signal: DissimilaritySettings["signal"],
): StandardizedRows {
  const n = selection.layers.length;
  const m = inputs.length;
  const z = new Float64Array(paddedRows(n) * m);
  const block = 64;
  for (let t0 = 0; t0 < m; t0 += block) {
    const t1 = Math.min(m, t0 + block);
    for (let k = 0; k < n; k++) {
      const layer = layers[selection.layers[k]!]!;
      const values = layer.values;
      const stride = layer.neurons;
      const j = selection.neurons[k]!;
      const row = k * m;
      for (let t = t0; t < t1; t++) {
        const v = values[inputs[t]! * stride + j]!;
        if (!Number.isFinite(v)) throw notFiniteActivation(caller, layer, inputs[t]!, j);
        z[row + t] = v;
      }
    }
  }
  throwIfAborted(signal);
  const constant: number[] = [];
  const live: number[] = [];
  for (let k = 0; k < n; k++) {
    if (standardizeRow(z, k * m, m)) constant.push(k);
    else live.push(k);
  }
  if (constant.length > 0) {
    for (let c = 0; c < live.length; c++) {
      if (live[c] !== c) z.copyWithin(c * m, live[c]! * m, (live[c]! + 1) * m);
    }
    z.fill(0, live.length * m, paddedRows(live.length) * m);
  }
  return {
    z,
    samples: m,
    count: n,
    live: Int32Array.from(live),
    constant: Int32Array.from(constant),
  };
}

/**
 * The correlations of standardized rows (internal): all of them, or with
 * `band` only those of rows [band.start, band.end) with every earlier row,
 * into `band.into` (see {@link inMemory}).
 */
export function correlationsOfStandardized(
  rows: StandardizedRows,
  settings: Pick<DissimilaritySettings, "onProgress" | "signal">,
  band?: { readonly start: number; readonly end: number; readonly into: Float64Array },
): Float64Array {
  const { z, samples: m, count: n, live } = rows;
  const start = band?.start ?? 0;
  const end = band?.end ?? n;
  const gram = band?.into ?? new Float64Array(condensedLength(n));
  if (band) gram.fill(0, (start * (start - 1)) / 2, (end * (end - 1)) / 2);
  const afterBlock = (done: number) => {
    settings.onProgress?.({ stage: "correlation", done, total: m });
    throwIfAborted(settings.signal);
  };
  if (live.length === n) {
    const diagonal = new Float64Array(n);
    gramLower(z, m, n, gram, new Float64Array(n), afterBlock, start, end);
    gramDiagonal(z, m, n, diagonal);
    toCorrelation(gram, diagonal, start, end);
  } else {
    liveCorrelations(z, m, live, gram, start, end, band === undefined, afterBlock);
  }
  return gram;
}

/**
 * The correlations of the rows [start, end) of `z` with every earlier row,
 * written into `gram` (condensed over all rows), when some rows are
 * constant: their standardized rows are zero and their correlations 0, so
 * only the `live` rows are multiplied (dead ReLUs, a tenth of the neurons of
 * the networks benchmarked, cost a fifth of the products otherwise). The
 * live rows are together in `z` (see standardizeSelected); their Gram
 * matrix is computed, then spread to the positions of all rows. Every entry depends only on its two
 * rows (see gramLower), so the values are those of the full product, bit
 * for bit. With `inPlace` the compact matrix is built in the front of `gram`
 * and spread backwards (a compact position is never after its full one).
 */
function liveCorrelations(
  z: Float64Array,
  m: number,
  live: Int32Array,
  gram: Float64Array,
  start: number,
  end: number,
  inPlace: boolean,
  afterBlock: (done: number) => void,
): void {
  const count = live.length;
  // The live rows of the band: compact rows [first, last).
  let first = 0;
  while (first < count && live[first]! < start) first++;
  let last = first;
  while (last < count && live[last]! < end) last++;
  // gramLower fills whole tiles of 4 rows: room for the rows up to the tile of `last`.
  const compact = inPlace
    ? gram
    : new Float64Array(condensedLength(Math.min(count, paddedRows(last))));
  const diagonal = new Float64Array(count);
  const tileStart = first - (first % 4);
  gramLower(z, m, count, compact, new Float64Array(count), afterBlock, tileStart, last);
  gramDiagonal(z, m, count, diagonal);
  toCorrelation(compact, diagonal, first, last);
  // Spread backwards, row by row from the last: position of full row i >= compact row of i.
  const position = new Int32Array(end).fill(-1);
  for (let c = 0; c < last; c++) position[live[c]!] = c;
  for (let i = end - 1; i >= Math.max(start, 1); i--) {
    const row = (i * (i - 1)) / 2;
    const ci = position[i]!;
    const compactRow = (ci * (ci - 1)) / 2;
    for (let j = i - 1; j >= 0; j--) {
      const cj = position[j]!;
      gram[row + j] = ci >= 0 && cj >= 0 ? compact[compactRow + cj]! : 0;
    }
  }
}

/** Accumulates the correlations over blocks of inputs in bounded memory. */
function streamed(
  caller: string,
  layers: readonly LayerActivations[],
  selection: NeuronSelection,
  inputs: Int32Array,
  settings: Pick<DissimilaritySettings, "memoryBudgetBytes" | "onProgress" | "signal">,
): { values: Float64Array; constant: Int32Array } {
  const n = selection.layers.length;
  const m = inputs.length;
  // The accumulator's block and this gathering buffer: 2 x n x b float64.
  const b = Math.max(1, Math.min(m, Math.floor(settings.memoryBudgetBytes / (16 * paddedRows(n)))));
  const accumulator = new CorrelationAccumulator(n, { blockSamples: b });
  const buffer = new Float64Array(b * n);
  for (let t0 = 0; t0 < m; t0 += b) {
    const t1 = Math.min(m, t0 + b);
    for (let t = t0; t < t1; t++) {
      const s = inputs[t]!;
      const row = (t - t0) * n;
      for (let k = 0; k < n; k++) {
        const layer = layers[selection.layers[k]!]!;
        const j = selection.neurons[k]!;
        const v = layer.values[s * layer.neurons + j]!;
        if (!Number.isFinite(v)) throw notFiniteActivation(caller, layer, s, j);
        buffer[row + k] = v;
      }
    }
    accumulator.add(t1 - t0 === b ? buffer : buffer.subarray(0, (t1 - t0) * n), t1 - t0);
    settings.onProgress?.({ stage: "correlation", done: t1, total: m });
    throwIfAborted(settings.signal);
  }
  return { values: accumulator.correlations(), constant: accumulator.constantNeurons() };
}
