import type { CondensedDistances, LongRunningOptions, Precision } from "../types.js";
import { allocateCondensed, assertCondensedSize, condensedLength } from "./condensed-size.js";
import {
  CORRELATION_KINDS,
  gramLower,
  paddedRows,
  standardizeRow,
  toDissimilarity,
} from "./correlation-kernel.js";
import {
  describe,
  notFinite,
  requireArrayLike,
  requireChoice,
  requireInteger,
  requireOptions,
  requirePrecision,
  requireProgress,
  requireSignal,
  throwIfAborted,
} from "./validate.js";

/**
 * The functional dissimilarities of neurons computed by
 * {@link correlationDissimilarity}, from the Pearson correlation `c` of two
 * neurons' activations over the samples:
 * - `"1-|corr|"`: `1 - |c|`, in `[0, 1]`; anti-correlated neurons are close
 *   (the usual functional metric of neural-network topology);
 * - `"sqrt(1-|corr|)"`: `sqrt(1 - |c|)`, in `[0, 1]`;
 * - `"1-corr"`: `1 - c`, in `[0, 2]`; anti-correlated neurons are far apart
 *   (`sqrt` of it is proportional to the euclidean distance of standardized
 *   activations).
 */
export type CorrelationDissimilarityKind = "1-|corr|" | "sqrt(1-|corr|)" | "1-corr";

/** The layout of an activation matrix: `samples` rows of `neurons` values, row-major. */
export interface ActivationShape {
  /** Number of samples (rows), an integer >= 2. */
  readonly samples: number;
  /** Number of neurons (columns), an integer >= 0. */
  readonly neurons: number;
}

/** Options of {@link correlationDissimilarity}. */
export interface CorrelationDissimilarityOptions extends LongRunningOptions {
  /** Which dissimilarity; default `"1-|corr|"`. */
  readonly dissimilarity?: CorrelationDissimilarityKind;
  /**
   * Precision of the result; default `"float64"`. The computation is always in
   * float64; `"float32"` rounds each dissimilarity once on store.
   */
  readonly precision?: Precision;
}

const KINDS = CORRELATION_KINDS;

/**
 * Dissimilarities of neurons from the Pearson correlation of their activations:
 * `1 - |corr|` by default, `sqrt(1 - |corr|)` or `1 - corr`, as a condensed
 * matrix over the neurons (`values[i*(i-1)/2 + j]` for neurons i > j).
 *
 * Each neuron is centred (two-pass mean) and scaled to unit norm once in
 * float64; the correlations are then float64 dot products, computed by a
 * blocked, register-tiled kernel over the transposed standardized matrix
 * (`neurons^2 * samples / 2` multiply-adds: about 3 s for 1000 neurons x
 * 10 000 samples in Node 20 on one core, where NumPy's BLAS-backed `corrcoef`
 * takes about 0.7 s). Results agree with NumPy's
 * `corrcoef` to about 1e-15.
 *
 * A constant neuron (all its values equal, e.g. a dead ReLU) has no
 * correlation: nettopo gives it correlation 0 with every other neuron, so its
 * dissimilarity to all of them is exactly 1 (NumPy returns NaN). Correlations
 * are clamped to `[-1, 1]`, so rounding never makes a dissimilarity negative
 * or NaN.
 *
 * @param activations - `samples * neurons` finite values, row-major: sample s,
 *   neuron j is at `activations[s*neurons + j]` (a Float32Array is read
 *   exactly; it is not modified).
 * @param shape - `{ samples, neurons }`: named so the two cannot be swapped.
 * @param options - `dissimilarity` (default `"1-|corr|"`), `precision`
 *   (default `"float64"`), `onProgress` (stage `"correlation"`, in samples;
 *   default none), `signal` (checked between sample blocks; default none).
 * @returns New condensed dissimilarities of `shape.neurons` points.
 * @throws TypeError for a wrong kind of argument; RangeError for a length other
 *   than `samples*neurons`, fewer than 2 samples, a NaN / infinite value (the
 *   one-line message names its sample and neuron), an unknown dissimilarity or
 *   precision, or more than 65 536 neurons.
 * @example
 * ```ts
 * // 4 samples x 3 neurons: neuron 1 = -2 * neuron 0, neuron 2 constant
 * const x = [1, -2, 5, 2, -4, 5, 3, -6, 5, 4, -8, 5];
 * correlationDissimilarity(x, { samples: 4, neurons: 3 }).values;
 * // Float64Array [0, 1, 1]: pairs (1,0), (2,0), (2,1)
 * ```
 * @see Corneanu, Escalera, Martinez, "Computing the testing error without a
 *   testing set" (CVPR 2020): persistent homology of the `1 - |corr|`
 *   functional graph of a network's neurons.
 */
export function correlationDissimilarity(
  activations: ArrayLike<number>,
  shape: ActivationShape,
  options?: CorrelationDissimilarityOptions,
): CondensedDistances {
  const x = requireArrayLike("correlationDissimilarity: activations", activations);
  if (typeof shape !== "object" || shape === null || Array.isArray(shape)) {
    throw new TypeError(
      `correlationDissimilarity: shape must be { samples, neurons }; got ${describe(shape)}`,
    );
  }
  const samples = requireInteger("correlationDissimilarity: shape.samples", shape.samples, 2);
  const neurons = requireInteger("correlationDissimilarity: shape.neurons", shape.neurons, 0);
  const opts = requireOptions("correlationDissimilarity: options", options);
  const kind = requireChoice(
    "correlationDissimilarity: options.dissimilarity",
    opts.dissimilarity,
    KINDS,
    "1-|corr|",
  );
  const precision = requirePrecision(
    "correlationDissimilarity: options.precision",
    opts.precision,
    "float64",
  );
  const onProgress = requireProgress(
    "correlationDissimilarity: options.onProgress",
    opts.onProgress,
  );
  const signal = requireSignal("correlationDissimilarity: options.signal", opts.signal);
  if (x.length !== samples * neurons) {
    throw new RangeError(
      `correlationDissimilarity: activations.length must be samples*neurons = ${samples}*${neurons} = ${samples * neurons}; got ${x.length}`,
    );
  }
  assertCondensedSize(neurons, "correlationDissimilarity");
  throwIfAborted(signal);

  const z = standardizeTransposed(x, samples, neurons);
  throwIfAborted(signal);
  const gram = new Float64Array(condensedLength(neurons));
  const diagonal = new Float64Array(neurons);
  gramLower(z, samples, neurons, gram, diagonal, (done) => {
    onProgress?.({ stage: "correlation", done, total: samples });
    throwIfAborted(signal);
  });
  const values =
    precision === "float64"
      ? gram
      : allocateCondensed(neurons, precision, "correlationDissimilarity");
  toDissimilarity(gram, diagonal, kind, values);
  return { kind: "condensed", count: neurons, values };
}

/**
 * Checks every value, then returns the standardized activations transposed to
 * neuron-major order (`neurons` rounded up to a multiple of 4, the extra rows
 * zero): row j has mean 0 and norm 1, or is all zero for a constant neuron.
 */
function standardizeTransposed(
  x: ArrayLike<number>,
  samples: number,
  neurons: number,
): Float64Array {
  const rows = paddedRows(neurons);
  let z: Float64Array;
  try {
    z = new Float64Array(rows * samples);
  } catch (error) {
    throw new RangeError(
      `correlationDissimilarity: could not allocate ${rows * samples * 8} bytes for the standardized ` +
        `activations of ${neurons} neurons x ${samples} samples (${describe((error as Error)?.message ?? error)}); ` +
        "use fewer samples or neurons",
    );
  }
  // Row-major pass: check, and transpose in cache-sized tiles.
  const block = 64;
  for (let s0 = 0; s0 < samples; s0 += block) {
    const s1 = Math.min(samples, s0 + block);
    for (let j0 = 0; j0 < neurons; j0 += block) {
      const j1 = Math.min(neurons, j0 + block);
      for (let s = s0; s < s1; s++) {
        const base = s * neurons;
        for (let j = j0; j < j1; j++) {
          const v = x[base + j];
          if (!Number.isFinite(v)) {
            throw notFinite(
              `correlationDissimilarity: activations[${base + j}] (sample ${s}, neuron ${j})`,
              v,
            );
          }
          z[j * samples + s] = v as number;
        }
      }
    }
  }
  for (let j = 0; j < neurons; j++) standardizeRow(z, j * samples, samples);
  return z;
}
