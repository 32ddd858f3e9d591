import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { ballInCube, type Dataset, fashionMnist, loadDataset, twoMoons } from "@nettopo/nn";
import { IoError } from "./io-error.js";
import { UsageError } from "./usage-error.js";

/** The synthetic data sets a `--data` value may name. */
export const SYNTHETIC_DATA = ["ball4", "disk4", "moons"] as const;

/** A data set as `--data` named it. */
export interface DataArgument {
  readonly dataset: Dataset;
  /**
   * `"idx-images"`: raw 8-bit images from IDX files (Fashion-MNIST, an IDX
   * directory or file of samples with two or more axes), which
   * `--normalize` scales by default; `"other"` for everything else.
   */
  readonly kind: "idx-images" | "other";
}

/** Options of the synthetic data sets. */
export interface SyntheticOptions {
  /** Points to generate; default the generator's (ball4/disk4 1000, moons 100). */
  readonly count?: number | undefined;
  /** Seed; default 0. */
  readonly seed?: number | undefined;
}

/**
 * Opens the data set a `--data` value names: `fashion-mnist` (the test split
 * of Debian's dataset-fashion-mnist; `fashion-mnist:train` or `:test`),
 * `ball4` / `disk4` (the ball-in-cube D^4), `moons`, or a path loaded by
 * `loadDataset` (.npy, .npz, .safetensors, .csv, .tsv, an IDX images file or
 * a directory of IDX files, whose test split is taken unless the path ends
 * in `:train`).
 *
 * @throws UsageError for synthetic options given with another data set;
 *   IoError for a path that cannot be read; the loaders' errors for bad files.
 */
export async function openDataArgument(
  value: string,
  synthetic: SyntheticOptions,
): Promise<DataArgument> {
  const [base, split] = splitSuffix(value);
  const isSynthetic = (SYNTHETIC_DATA as readonly string[]).includes(value);
  if (!isSynthetic && (synthetic.count !== undefined || synthetic.seed !== undefined)) {
    throw new UsageError(
      `--count and --seed apply to the synthetic data sets (${SYNTHETIC_DATA.join(", ")}); --data is ${JSON.stringify(value)}`,
    );
  }
  const common = {
    ...(synthetic.count === undefined ? {} : { count: synthetic.count }),
    ...(synthetic.seed === undefined ? {} : { seed: synthetic.seed }),
  };
  if (value === "ball4" || value === "disk4") {
    return { dataset: ballInCube({ dimension: 4, ...common }), kind: "other" };
  }
  if (value === "moons") return { dataset: twoMoons(common), kind: "other" };
  if (base === "fashion-mnist") {
    return { dataset: await fashionMnist({ split: split ?? "test" }), kind: "idx-images" };
  }
  // A path: as given, or a directory with a :train / :test suffix.
  const kindOf = async (path: string) => (await stat(path)).isDirectory();
  let path = value;
  let directory: boolean;
  try {
    directory = await kindOf(value);
  } catch (error) {
    const suffixed = split !== undefined && (await kindOf(base).catch(() => false));
    if (!suffixed) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && !/[/\\.]/.test(value)) {
        throw new UsageError(
          `no data set or file ${JSON.stringify(value)}; expected fashion-mnist[:train|:test], ${SYNTHETIC_DATA.join(", ")}, or a path to .npy, .npz, .safetensors, .csv or IDX files`,
        );
      }
      throw new IoError("read", value, error);
    }
    path = base;
    directory = true;
  }
  let dataset: Dataset;
  try {
    dataset = await loadDataset(path, directory ? { split: split ?? "test" } : {});
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code !== undefined && !(error instanceof RangeError)) {
      throw new IoError("read", path, error);
    }
    // Name the file when the reader's message does not (e.g. NaN found by createDataset).
    if (
      (error instanceof RangeError || error instanceof TypeError) &&
      !error.message.includes(path)
    ) {
      const Kind = error instanceof RangeError ? RangeError : TypeError;
      throw new Kind(`${path}: ${error.message}`);
    }
    throw error;
  }
  const tabular = [".npy", ".npz", ".safetensors", ".csv", ".tsv"].includes(
    extname(path).toLowerCase(),
  );
  return {
    dataset,
    kind: (directory || !tabular) && dataset.sampleShape.length >= 2 ? "idx-images" : "other",
  };
}

/** `name:train` -> ["name", "train"]; any other value -> [value, undefined]. */
function splitSuffix(value: string): [string, "train" | "test" | undefined] {
  const match = /^(.*):(train|test)$/.exec(value);
  return match ? [match[1]!, match[2] as "train" | "test"] : [value, undefined];
}
