import type { CondensedDistances } from "../types.js";
import { allocateCondensed, assertCondensedSize, condensedLength } from "./condensed-size.js";
import type { CorrelationDissimilarityOptions } from "./correlation-dissimilarity.js";
import { CORRELATION_KINDS, dissimilarityOf, gramLower, paddedRows } from "./correlation-kernel.js";
import {
  notFinite,
  requireArrayLike,
  requireChoice,
  requireInteger,
  requireOptions,
  requirePrecision,
} from "./validate.js";

/** Options of {@link CorrelationAccumulator}. */
export interface CorrelationAccumulatorOptions {
  /**
   * Samples gathered before each block product, an integer >= 1; default 256.
   * Memory: `neurons x blockSamples` float64 values for the block, plus the
   * condensed co-moments (`neurons^2 / 2` float64 values).
   */
  readonly blockSamples?: number;
}

/**
 * The Pearson correlations of neurons accumulated over samples that arrive in
 * batches, in memory bounded by the number of neurons (not of samples): the
 * streaming form of {@link correlationDissimilarity}, for activations that do
 * not fit in memory at once (a model run batch by batch, a file read in
 * chunks).
 *
 * Samples are gathered in blocks of `blockSamples`. Each block is centred on
 * its own mean (float64, two-pass) and its co-moment matrix `C_B = X_B^T X_B`
 * is one blocked matrix product (the kernel of
 * {@link correlationDissimilarity}); blocks are merged with the pairwise
 * update of Chan, Golub and LeVeque: with `n_A` samples so far of mean
 * `m_A`, a block of `n_B` samples and mean `m_B`, `d = m_B - m_A`,
 * `M <- M + C_B + d d^T n_A n_B / (n_A + n_B)`. This never subtracts large
 * sums of squares, so an offset of 1e6 on a neuron costs no accuracy.
 * Correlations are `M_ij / sqrt(M_ii M_jj)`, clamped to [-1, 1] (identical
 * neurons are exactly correlated: every entry sums in the same order); a constant
 * neuron (all its values equal, e.g. a dead ReLU) has correlation 0 with
 * every other neuron, as in {@link correlationDissimilarity}. Results agree
 * with it (and with NumPy's `corrcoef`) to about 1e-15, for values whose
 * squares do not underflow (|x| above about 1e-150, as activations are;
 * the one-shot function rescales each neuron first and has no such limit).
 *
 * @example
 * ```ts
 * const acc = new CorrelationAccumulator(3);
 * acc.add([1, -2, 5, 2, -4, 5], 2); // samples 0 and 1 (2 rows x 3 neurons)
 * acc.add([3, -6, 5, 4, -8, 5], 2); // samples 2 and 3
 * acc.dissimilarity().values; // Float64Array [0, 1, 1] as correlationDissimilarity gives
 * ```
 * @see T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae and a
 *   pairwise algorithm for computing sample variances", COMPSTAT 1982 (the
 *   merge of co-moments of two samples).
 */
export class CorrelationAccumulator {
  /** The number of neurons (columns of every batch). */
  readonly neurons: number;
  readonly #blockSamples: number;
  readonly #rows: number;
  /** The current block, neuron-major: row j holds neuron j's values of the block. */
  readonly #block: Float64Array;
  #filled = 0;
  #merged = 0;
  readonly #mean: Float64Array;
  readonly #blockMean: Float64Array;
  readonly #diagonal: Float64Array;
  readonly #comoment: Float64Array;
  readonly #min: Float64Array;
  readonly #max: Float64Array;

  /**
   * @param neurons - The number of neurons, an integer >= 0 (at most 65 536).
   * @param options - `blockSamples` (default 256).
   * @throws TypeError / RangeError for a bad count or option.
   */
  constructor(neurons: number, options?: CorrelationAccumulatorOptions) {
    this.neurons = requireInteger("CorrelationAccumulator: neurons", neurons, 0);
    assertCondensedSize(neurons, "CorrelationAccumulator");
    const opts = requireOptions("CorrelationAccumulator: options", options);
    this.#blockSamples =
      opts.blockSamples === undefined
        ? 256
        : requireInteger("CorrelationAccumulator: options.blockSamples", opts.blockSamples, 1);
    this.#rows = paddedRows(neurons);
    this.#block = new Float64Array(this.#rows * this.#blockSamples);
    this.#mean = new Float64Array(neurons);
    this.#blockMean = new Float64Array(neurons);
    this.#diagonal = new Float64Array(neurons);
    this.#comoment = new Float64Array(condensedLength(neurons));
    this.#min = new Float64Array(neurons).fill(Number.POSITIVE_INFINITY);
    this.#max = new Float64Array(neurons).fill(Number.NEGATIVE_INFINITY);
  }

  /** The number of samples added so far. */
  get samples(): number {
    return this.#merged + this.#filled;
  }

  /**
   * Adds `rows` samples: `values[s*neurons + j]` is sample s, neuron j
   * (row-major, as an activation batch). The values are copied; `values` is
   * not kept or modified.
   *
   * @throws TypeError for a wrong kind of argument; RangeError for a length
   *   other than `rows * neurons` or a NaN / infinite value (naming its row
   *   and neuron).
   */
  add(values: ArrayLike<number>, rows: number): void {
    const x = requireArrayLike("CorrelationAccumulator.add: values", values);
    requireInteger("CorrelationAccumulator.add: rows", rows, 0);
    const n = this.neurons;
    if (x.length !== rows * n) {
      throw new RangeError(
        `CorrelationAccumulator.add: values.length must be rows*neurons = ${rows}*${n} = ${rows * n}; got ${x.length}`,
      );
    }
    for (let s = 0; s < rows; s++) {
      const base = s * n;
      for (let j = 0; j < n; j++) {
        const v = x[base + j];
        if (!Number.isFinite(v)) {
          throw notFinite(
            `CorrelationAccumulator.add: values[${base + j}] (row ${s}, neuron ${j})`,
            v,
          );
        }
      }
    }
    const b = this.#blockSamples;
    const block = this.#block;
    const min = this.#min;
    const max = this.#max;
    let s = 0;
    while (s < rows) {
      const take = Math.min(rows - s, b - this.#filled);
      const offset = this.#filled;
      for (let j = 0; j < n; j++) {
        const row = j * b + offset;
        let lo = min[j]!;
        let hi = max[j]!;
        for (let t = 0; t < take; t++) {
          const v = x[(s + t) * n + j] as number;
          block[row + t] = v;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        min[j] = lo;
        max[j] = hi;
      }
      this.#filled += take;
      s += take;
      if (this.#filled === b) this.#flush();
    }
  }

  /** Merges the pending block into the co-moments. */
  #flush(): void {
    const nB = this.#filled;
    if (nB === 0) return;
    const n = this.neurons;
    const b = this.#blockSamples;
    const block = this.#block;
    const blockMean = this.#blockMean;
    const diagonal = this.#diagonal;
    // Centre each neuron's block (two-pass mean).
    for (let j = 0; j < n; j++) {
      const start = j * b;
      const end = start + nB;
      let sum = 0;
      for (let k = start; k < end; k++) sum += block[k]!;
      let mean = sum / nB;
      let residual = 0;
      for (let k = start; k < end; k++) residual += block[k]! - mean;
      mean += residual / nB;
      for (let k = start; k < end; k++) block[k] = block[k]! - mean;
      // Unused tail of a partial block: zero, so the product ignores it.
      if (nB < b) block.fill(0, end, start + b);
      blockMean[j] = mean;
    }
    // C_B into the co-moments and their diagonal (the kernel adds to what is there).
    gramLower(block, b, n, this.#comoment, diagonal, () => {});
    // The correction d d^T nA nB / n and the new mean.
    const nA = this.#merged;
    const total = nA + nB;
    const mean = this.#mean;
    if (nA === 0) {
      mean.set(blockMean);
    } else {
      const factor = (nA * nB) / total;
      const comoment = this.#comoment;
      const d = new Float64Array(n);
      for (let j = 0; j < n; j++) d[j] = blockMean[j]! - mean[j]!;
      let r = 0;
      for (let i = 0; i < n; i++) {
        const fi = factor * d[i]!;
        for (let j = 0; j < i; j++) comoment[r++]! += fi * d[j]!;
        diagonal[i]! += fi * d[i]!;
      }
      for (let j = 0; j < n; j++) mean[j]! += (d[j]! * nB) / total;
    }
    this.#merged = total;
    this.#filled = 0;
  }

  /**
   * The indices of the neurons that have been constant so far (all their
   * values equal; every neuron before any sample), ascending.
   */
  constantNeurons(): Int32Array {
    const out: number[] = [];
    for (let j = 0; j < this.neurons; j++) if (!(this.#min[j]! < this.#max[j]!)) out.push(j);
    return Int32Array.from(out);
  }

  /**
   * The correlations so far as a condensed matrix (`values[i*(i-1)/2 + j]`
   * for neurons i > j), float64; 0 for a constant neuron.
   *
   * @throws RangeError before 2 samples.
   */
  correlations(): Float64Array {
    if (this.samples < 2) {
      throw new RangeError(
        `CorrelationAccumulator: correlations need at least 2 samples; got ${this.samples}`,
      );
    }
    this.#flush();
    const n = this.neurons;
    // A constant neuron's variance is 0, whatever rounding left in it.
    const variance = new Float64Array(n);
    for (let j = 0; j < n; j++)
      variance[j] = this.#min[j]! < this.#max[j]! ? this.#diagonal[j]! : 0;
    const out = new Float64Array(this.#comoment.length);
    let r = 0;
    for (let i = 0; i < n; i++) {
      const vi = variance[i]!;
      for (let j = 0; j < i; j++, r++) {
        const vv = vi * variance[j]!;
        const c = vv > 0 ? this.#comoment[r]! / Math.sqrt(vv) : 0;
        out[r] = c > 1 ? 1 : Math.max(c, -1);
      }
    }
    return out;
  }

  /**
   * The dissimilarities of the neurons from the correlations so far, as
   * {@link correlationDissimilarity} gives them for all the samples at once.
   *
   * @param options - `dissimilarity` (default `"1-|corr|"`), `precision`
   *   (default `"float64"`); progress and signal are not used.
   * @returns New condensed dissimilarities of `neurons` points.
   * @throws RangeError before 2 samples or for a bad option.
   */
  dissimilarity(options?: CorrelationDissimilarityOptions): CondensedDistances {
    const opts = requireOptions("CorrelationAccumulator.dissimilarity: options", options);
    const kind = requireChoice(
      "CorrelationAccumulator.dissimilarity: options.dissimilarity",
      opts.dissimilarity,
      CORRELATION_KINDS,
      "1-|corr|",
    );
    const precision = requirePrecision(
      "CorrelationAccumulator.dissimilarity: options.precision",
      opts.precision,
      "float64",
    );
    const correlations = this.correlations();
    const values =
      precision === "float64"
        ? correlations
        : allocateCondensed(this.neurons, precision, "CorrelationAccumulator");
    for (let r = 0; r < correlations.length; r++)
      values[r] = dissimilarityOf(correlations[r]!, kind);
    return { kind: "condensed", count: this.neurons, values };
  }
}
