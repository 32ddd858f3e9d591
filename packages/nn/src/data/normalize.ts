import { describe, optionalChoice, requireOptions } from "../validate.js";
import { type Dataset, requireDataset, sampleSize } from "./dataset.js";

/** The normalisations {@link normalize} applies. */
export type NormalizationMethod = "scale-255" | "standardize" | "min-max";

/**
 * A normalisation as numbers: each value becomes `(x - shift) / scale`, with
 * one shift and scale per position in a sample (`per: "feature"`, arrays of
 * the sample size) or one for all values (`per: "all"`, arrays of length 1).
 * Plain arrays, so the stats can be written to a run's `config.json` and
 * applied again to the test set or at inference.
 */
export interface NormalizationStats {
  readonly method: NormalizationMethod;
  readonly per: "feature" | "all";
  readonly shift: readonly number[];
  readonly scale: readonly number[];
}

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /**
   * - `"scale-255"`: x / 255, raw 8-bit pixels to [0, 1] (as torchvision's
   *   `ToTensor`); no statistics.
   * - `"standardize"`: (x - mean) / std, the population standard deviation
   *   (ddof 0) as scikit-learn's `StandardScaler`; a zero std is replaced by 1.
   * - `"min-max"`: (x - min) / (max - min) to [0, 1] as scikit-learn's
   *   `MinMaxScaler`; a zero range is replaced by 1.
   *
   * Required unless `stats` is given.
   */
  readonly method?: NormalizationMethod;
  /**
   * Statistics per position in a sample (`"feature"`, scikit-learn's
   * convention for tabular data) or over all values (`"all"`, the usual
   * choice for images, e.g. MNIST's single mean and std); default `"feature"`.
   * Ignored by `"scale-255"`.
   */
  readonly per?: "feature" | "all";
  /**
   * Apply these statistics (returned by an earlier call, typically on the
   * training set) instead of computing them from `dataset`.
   */
  readonly stats?: NormalizationStats;
}

/** What {@link normalize} returns. */
export interface Normalized {
  /** The normalised data set (new arrays; labels and names kept). */
  readonly dataset: Dataset;
  /** The statistics used, to apply the same transform to other data. */
  readonly stats: NormalizationStats;
}

/**
 * Normalises a data set's inputs explicitly, returning the statistics so
 * the same transform applies to the test set. Statistics are computed in
 * float64 and the result is stored in float32.
 *
 * @param dataset - Any {@link Dataset}.
 * @param options - See {@link NormalizeOptions}.
 * @returns `{ dataset, stats }`.
 * @throws TypeError for a missing method or malformed stats; RangeError for
 *   stats whose size does not match the sample size.
 * @example
 * ```ts
 * const { dataset: train, stats } = normalize(rawTrain, { method: "standardize", per: "all" });
 * const { dataset: test } = normalize(rawTest, { stats });
 * ```
 */
export function normalize(dataset: Dataset, options: NormalizeOptions): Normalized {
  const opts = requireOptions("normalize: options", options);
  const d = requireDataset("normalize", dataset);
  const size = sampleSize(d);
  let stats: NormalizationStats;
  if (opts.stats !== undefined) {
    stats = requireStats(opts.stats, size);
    if (opts.method !== undefined && opts.method !== stats.method) {
      throw new RangeError(
        `normalize: options.method ${JSON.stringify(opts.method)} differs from options.stats.method ${JSON.stringify(stats.method)}`,
      );
    }
  } else {
    if (opts.method === undefined) {
      throw new TypeError(
        `normalize: options.method is required ("scale-255", "standardize" or "min-max") unless options.stats is given`,
      );
    }
    const method = optionalChoice<NormalizationMethod>(
      "normalize: options.method",
      opts.method,
      ["scale-255", "standardize", "min-max"],
      "scale-255",
    );
    const per = optionalChoice("normalize: options.per", opts.per, ["feature", "all"], "feature");
    stats =
      method === "scale-255"
        ? { method, per: "all", shift: [0], scale: [255] }
        : computeStats(d, method, per);
  }
  const inputs = new Float32Array(d.inputs.length);
  const width = stats.per === "all" ? 1 : size;
  for (let i = 0; i < d.inputs.length; i += size) {
    for (let j = 0; j < size; j += 1) {
      const f = width === 1 ? 0 : j;
      inputs[i + j] = (d.inputs[i + j]! - stats.shift[f]!) / stats.scale[f]!;
    }
  }
  return { dataset: { ...d, inputs }, stats };
}

function computeStats(
  d: Dataset,
  method: "standardize" | "min-max",
  per: "feature" | "all",
): NormalizationStats {
  const size = sampleSize(d);
  const width = per === "all" ? 1 : size;
  const column = (j: number) => (width === 1 ? 0 : j);
  const shift = new Array<number>(width);
  const scale = new Array<number>(width);
  if (d.count === 0) {
    throw new RangeError(
      `normalize: ${d.name} has no samples to compute ${method} statistics from`,
    );
  }
  const perColumn = per === "all" ? d.inputs.length : d.count;
  if (method === "standardize") {
    const sum = new Float64Array(width);
    for (let k = 0; k < d.inputs.length; k += 1) sum[column(k % size)]! += d.inputs[k]!;
    const mean = Array.from(sum, (s) => s / perColumn);
    const squares = new Float64Array(width);
    for (let k = 0; k < d.inputs.length; k += 1) {
      const c = column(k % size);
      const delta = d.inputs[k]! - mean[c]!;
      squares[c]! += delta * delta;
    }
    for (let c = 0; c < width; c += 1) {
      shift[c] = mean[c]!;
      const std = Math.sqrt(squares[c]! / perColumn);
      scale[c] = std > 0 ? std : 1;
    }
  } else {
    const min = new Float64Array(width).fill(Number.POSITIVE_INFINITY);
    const max = new Float64Array(width).fill(Number.NEGATIVE_INFINITY);
    for (let k = 0; k < d.inputs.length; k += 1) {
      const c = column(k % size);
      const v = d.inputs[k]!;
      if (v < min[c]!) min[c] = v;
      if (v > max[c]!) max[c] = v;
    }
    for (let c = 0; c < width; c += 1) {
      shift[c] = min[c]!;
      const range = max[c]! - min[c]!;
      scale[c] = range > 0 ? range : 1;
    }
  }
  return { method, per, shift, scale };
}

function requireStats(value: unknown, size: number): NormalizationStats {
  const name = "normalize: options.stats";
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${name} must be the stats returned by normalize; got ${describe(value)}`);
  }
  const s = value as NormalizationStats;
  optionalChoice(`${name}.method`, s.method, ["scale-255", "standardize", "min-max"], "scale-255");
  if (s.method === undefined) throw new TypeError(`${name}.method is missing`);
  const per = optionalChoice(`${name}.per`, s.per, ["feature", "all"], "feature");
  const width = per === "all" ? 1 : size;
  for (const key of ["shift", "scale"] as const) {
    const a = s[key];
    if (!Array.isArray(a) || !a.every((v) => typeof v === "number" && Number.isFinite(v))) {
      throw new TypeError(`${name}.${key} must be an array of finite numbers; got ${describe(a)}`);
    }
    if (a.length !== width) {
      throw new RangeError(
        `${name}.${key} has ${a.length} values; per "${per}" on samples of ${size} values needs ${width}`,
      );
    }
  }
  if (s.scale.some((v) => v === 0)) throw new RangeError(`${name}.scale contains 0`);
  return { method: s.method, per, shift: [...s.shift], scale: [...s.scale] };
}
