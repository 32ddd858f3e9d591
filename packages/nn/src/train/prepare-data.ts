import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { type Dataset, requireDataset } from "../data/dataset.js";
import { fashionMnist } from "../data/fashion-mnist.js";
import { loadDataset } from "../data/load-dataset.js";
import { type NormalizationMethod, type NormalizationStats, normalize } from "../data/normalize.js";
import { selectSamples } from "../data/subset.js";
import { ballInCube } from "../data/synthetic/ball-in-cube.js";
import { twoMoons } from "../data/synthetic/two-moons.js";
import { trainTestSplit } from "../data/train-test-split.js";
import { readNpz } from "../formats/read-npz.js";
import {
  describe,
  optionalChoice,
  optionalInteger,
  optionalNumber,
  optionalSeed,
  requireOptions,
} from "../validate.js";

/** Which data a training run uses and how it is split and normalised. */
export interface DataConfig {
  /**
   * `"fashion-mnist"` (Debian's `dataset-fashion-mnist`, its own 60000/10000
   * split), `"ball4"` or `"disk4"` (the D^4 ball-in-cube set; `ballD` for
   * other dimensions D), `"moons"` (two moons), or a path: a directory of
   * IDX files (its own train/test files), an .npz with `x_train`,
   * `y_train`, `x_test`, `y_test` (its own split) or with one inputs and one
   * labels array, a .npy, .csv or .safetensors file (see `loadDataset`).
   */
  readonly dataset: string;
  /** Synthetic sets: samples before the split; default 10000 for ballD, 1000 for moons. */
  readonly count?: number;
  /** Moons: Gaussian noise; default 0.1. */
  readonly noise?: number;
  /** Sets without their own test split: the test fraction (stratified by label); default 0.2. */
  readonly testFraction?: number;
  /** Keep at most this many training and this many test samples (the first ones); default all. */
  readonly limit?: number;
  /**
   * `"scale-255"` (x/255), `"standardize"`, `"min-max"` or `"none"`,
   * computed on the training part and applied to both. Default
   * `"scale-255"` for Fashion-MNIST and IDX directories (8-bit pixels),
   * `"none"` for the rest.
   */
  readonly normalize?: NormalizationMethod | "none";
  /** Statistics per feature or over all values (see `normalize`); default `"all"` for images (samples of rank >= 2), `"feature"` otherwise. */
  readonly normalizePer?: "feature" | "all";
  /** Seed of the synthetic samples and of the split; default 0 (independent of the training seed). */
  readonly seed?: number;
  /** CSV: the label column, by name or index (see `csvDataset`); a CSV has no labels without it. */
  readonly labelColumn?: string | number;
}

/** A {@link DataConfig} as a run records it: defaults filled in, a file's path absolute and its checksum. */
export interface ResolvedDataConfig {
  readonly dataset: string;
  readonly kind: "fashion-mnist" | "ball-in-cube" | "two-moons" | "file" | "idx-directory";
  readonly path?: string;
  /** SHA-256 of a data file, checked when a run resumes. */
  readonly sha256?: string;
  readonly count?: number;
  readonly dimension?: number;
  readonly noise?: number;
  readonly testFraction?: number;
  readonly limit?: number;
  readonly normalize: NormalizationMethod | "none";
  readonly normalizePer?: "feature" | "all";
  readonly seed: number;
  readonly labelColumn?: string | number;
}

/** What {@link prepareData} returns. */
export interface PreparedData {
  readonly train: Dataset;
  readonly test: Dataset;
  /** The normalisation applied to both parts; null for none. */
  readonly normalization: NormalizationStats | null;
  readonly config: ResolvedDataConfig;
}

/** The data set names {@link prepareData} knows (besides paths). */
export const DATASET_NAMES = ["fashion-mnist", "ball4", "disk4", "moons"] as const;

/**
 * Loads, splits and normalises the data of a training run, all explicit
 * and seeded, so a run can be reproduced from its {@link ResolvedDataConfig}.
 *
 * @param config - See {@link DataConfig}.
 * @param stats - Normalisation statistics to apply instead of computing
 *   them (when resuming a run).
 * @returns `{ train, test, normalization, config }`.
 * @throws RangeError for an unknown data set name (listing the known ones),
 *   a file that changed since `config.sha256`, or the loaders' errors
 *   (e.g. NaN in the data).
 * @example
 * ```ts
 * const { train, test } = await prepareData({ dataset: "ball4", count: 5000 });
 * ```
 */
export async function prepareData(
  config: DataConfig | ResolvedDataConfig,
  stats?: NormalizationStats,
): Promise<PreparedData> {
  const c = requireOptions("prepareData: config", config) as Partial<ResolvedDataConfig>;
  if (typeof c.dataset !== "string" || c.dataset === "") {
    throw new TypeError(
      `prepareData: config.dataset must be a data set name or a path; got ${describe(c.dataset)}`,
    );
  }
  const name = c.dataset;
  const seed = optionalSeed("data seed", c.seed);
  const limit = c.limit === undefined ? undefined : optionalInteger("data limit", c.limit, 0, 1);
  const testFraction = optionalNumber("test fraction", c.testFraction, 0.2, 0, 1);
  const normalizeChoices = ["scale-255", "standardize", "min-max", "none"] as const;
  let resolved: ResolvedDataConfig;
  let train: Dataset;
  let test: Dataset;
  const split = (all: Dataset) =>
    trainTestSplit(all, { testFraction, seed, stratify: all.labels !== undefined });
  const ball = /^(?:ball|disk)(\d+)$/.exec(name);
  if (name === "fashion-mnist") {
    const options = limit === undefined ? {} : { limit };
    train = await fashionMnist({ split: "train", ...options });
    test = await fashionMnist({ split: "test", ...options });
    resolved = { dataset: name, kind: "fashion-mnist", normalize: "scale-255", seed };
  } else if (ball) {
    const dimension = optionalInteger("ball dimension", Number(ball[1]), 4, 1, 1024);
    const count = optionalInteger("data count", c.count, 10000, 2);
    ({ train, test } = split(ballInCube({ count, dimension, seed })));
    resolved = {
      dataset: name,
      kind: "ball-in-cube",
      dimension,
      count,
      testFraction,
      normalize: "none",
      seed,
    };
  } else if (name === "moons") {
    const count = optionalInteger("data count", c.count, 1000, 2);
    const noise = optionalNumber("moons noise", c.noise, 0.1, 0);
    ({ train, test } = split(twoMoons({ count, noise, seed })));
    resolved = {
      dataset: name,
      kind: "two-moons",
      count,
      noise,
      testFraction,
      normalize: "none",
      seed,
    };
  } else {
    const path = resolve(name);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      throw new RangeError(
        `unknown data set ${JSON.stringify(name)}: not one of ${DATASET_NAMES.join(", ")} (or ballD for D dimensions) and no such file or directory`,
      );
    }
    const common = limit === undefined ? {} : { limit };
    if (info.isDirectory()) {
      train = await loadDataset(path, { split: "train", name: `${name}/train`, ...common });
      test = await loadDataset(path, { split: "test", name: `${name}/test`, ...common });
      resolved = { dataset: name, kind: "idx-directory", path, normalize: "scale-255", seed };
    } else {
      const bytes = await readFile(path);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      if (c.sha256 !== undefined && c.sha256 !== sha256) {
        throw new RangeError(
          `the data file ${path} changed since the run began (its SHA-256 differs); the run cannot be resumed on other data`,
        );
      }
      const labelColumn = c.labelColumn;
      const arrays =
        extname(path).toLowerCase() === ".npz"
          ? readNpz(bytes, { source: path }).map((a) => a.name)
          : [];
      if (["x_train", "y_train", "x_test", "y_test"].every((k) => arrays.includes(k))) {
        train = await loadDataset(path, {
          inputsKey: "x_train",
          labelsKey: "y_train",
          name: `${name}/train`,
          ...common,
        });
        test = await loadDataset(path, {
          inputsKey: "x_test",
          labelsKey: "y_test",
          name: `${name}/test`,
          ...common,
        });
      } else {
        const all = await loadDataset(path, labelColumn === undefined ? {} : { labelColumn });
        ({ train, test } = split(all));
        train = first(train, limit);
        test = first(test, limit);
      }
      resolved = {
        dataset: name,
        kind: "file",
        path,
        sha256,
        testFraction,
        normalize: "none",
        seed,
        ...(labelColumn === undefined ? {} : { labelColumn }),
      };
    }
  }
  if (ball || name === "moons") {
    train = first(train, limit);
    test = first(test, limit);
  }
  const method = optionalChoice("normalisation", c.normalize, normalizeChoices, resolved.normalize);
  const image = train.sampleShape.length >= 2;
  const per = optionalChoice(
    "normalisation per",
    c.normalizePer,
    ["feature", "all"],
    image ? "all" : "feature",
  );
  resolved = {
    ...resolved,
    ...(limit === undefined ? {} : { limit }),
    normalize: method,
    ...(method === "standardize" || method === "min-max" ? { normalizePer: per } : {}),
  };
  let normalization: NormalizationStats | null = null;
  if (method !== "none") {
    const fitted = normalize(train, stats === undefined ? { method, per } : { stats });
    normalization = fitted.stats;
    train = fitted.dataset;
    test = normalize(test, { stats: fitted.stats }).dataset;
  }
  return { train: requireDataset("prepareData", train), test, normalization, config: resolved };
}

/** The first `limit` samples of a data set (all when undefined). */
function first(d: Dataset, limit: number | undefined): Dataset {
  if (limit === undefined || limit >= d.count) return d;
  return selectSamples(
    d,
    Array.from({ length: limit }, (_, i) => i),
    d.name,
  );
}
