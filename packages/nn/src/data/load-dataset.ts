import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { NamedNdArray } from "../formats/nd-array.js";
import { readNpy } from "../formats/read-npy.js";
import { readNpz } from "../formats/read-npz.js";
import { readSafetensors } from "../formats/read-safetensors.js";
import { describe, optionalChoice, optionalInteger, requireOptions } from "../validate.js";
import { csvDataset } from "./csv-dataset.js";
import { createDataset, type Dataset } from "./dataset.js";
import { datasetFromArrays } from "./dataset-from-arrays.js";
import { idxDataset } from "./idx-dataset.js";
import { loadIdxDataset } from "./load-idx-dataset.js";
import { selectSamples } from "./subset.js";

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** The data set's name; default the file name (`idx/SPLIT` for an IDX directory). */
  readonly name?: string;
  /** IDX directories: `"train"` or `"test"` files; default `"train"`. */
  readonly split?: "train" | "test";
  /** Keep only the first `limit` samples; default all. */
  readonly limit?: number;
  /** CSV: the label column, by name or index (see {@link csvDataset}); default none. */
  readonly labelColumn?: string | number;
  /**
   * .npz / .safetensors: the inputs array; default the first of `x`,
   * `inputs`, `X`, `data` present, else the first array that is not the labels.
   */
  readonly inputsKey?: string;
  /** .npz / .safetensors: the labels array; default the first of `y`, `labels`, `Y`, `targets` present, else none. */
  readonly labelsKey?: string;
  /** Names of the class indices; default none (CSV text labels name themselves). */
  readonly classNames?: readonly string[];
}

const INPUT_KEYS = ["x", "inputs", "X", "data"];
const LABEL_KEYS = ["y", "labels", "Y", "targets"];

/**
 * Loads a data set from a path, by its kind: a directory of IDX files
 * ({@link loadIdxDataset}), `.csv` / `.tsv` ({@link csvDataset}), `.npy`
 * (inputs only), `.npz` or `.safetensors` (an inputs array and optionally a
 * labels array, see the keys below; {@link datasetFromArrays}), or an IDX
 * images file, compressed or not (recognised by its content).
 *
 * @param path - The file or directory.
 * @param options - See {@link LoadDatasetOptions}.
 * @throws TypeError for a file of no supported kind; RangeError for a
 *   missing key (the message lists the arrays present); the errors of the
 *   readers for bad files.
 * @example
 * ```ts
 * const data = await loadDataset("points.npz", { labelsKey: "y" });
 * ```
 */
export async function loadDataset(path: string, options?: LoadDatasetOptions): Promise<Dataset> {
  if (typeof path !== "string")
    throw new TypeError(`loadDataset: path must be a string; got ${describe(path)}`);
  const opts = requireOptions("loadDataset: options", options);
  const split = optionalChoice(
    "loadDataset: options.split",
    opts.split,
    ["train", "test"],
    "train",
  );
  optionalInteger("loadDataset: options.limit", opts.limit, 0, 0);
  const common = {
    ...(opts.limit === undefined ? {} : { limit: opts.limit }),
    ...(opts.classNames === undefined ? {} : { classNames: opts.classNames }),
  };
  if ((await stat(path)).isDirectory()) {
    return loadIdxDataset(path, {
      split,
      ...common,
      ...(opts.name === undefined ? {} : { name: opts.name }),
    });
  }
  const name = opts.name ?? basename(path);
  const bytes = await readFile(path);
  const extension = extname(path).toLowerCase();
  if (extension === ".csv" || extension === ".tsv") {
    const dataset = csvDataset(bytes, {
      name,
      delimiter: extension === ".tsv" ? "\t" : ",",
      ...(opts.labelColumn === undefined ? {} : { labelColumn: opts.labelColumn }),
    });
    const count = opts.limit === undefined ? dataset.count : Math.min(opts.limit, dataset.count);
    const limited =
      count === dataset.count
        ? dataset
        : selectSamples(
            dataset,
            Array.from({ length: count }, (_, i) => i),
            name,
          );
    return opts.classNames === undefined
      ? limited
      : createDataset({ ...limited, classNames: opts.classNames });
  }
  if (extension === ".npy")
    return datasetFromArrays(readNpy(bytes, { source: path }), undefined, { name, ...common });
  if (extension === ".npz" || extension === ".safetensors") {
    const arrays =
      extension === ".npz"
        ? readNpz(bytes, { source: path })
        : readSafetensors(bytes, { source: path }).arrays;
    const find = (
      key: string | undefined,
      defaults: string[],
      what: string,
    ): NamedNdArray | undefined => {
      if (key !== undefined) {
        const found = arrays.find((a) => a.name === key);
        if (found === undefined) {
          throw new RangeError(
            `loadDataset: ${path} has no array ${JSON.stringify(key)} for the ${what}; it has ${arrays.map((a) => JSON.stringify(a.name)).join(", ")}`,
          );
        }
        return found;
      }
      return defaults.map((k) => arrays.find((a) => a.name === k)).find((a) => a !== undefined);
    };
    const labels = find(opts.labelsKey, LABEL_KEYS, "labels");
    const inputs = find(opts.inputsKey, INPUT_KEYS, "inputs") ?? arrays.find((a) => a !== labels);
    if (inputs === undefined) throw new RangeError(`loadDataset: ${path} holds no arrays`);
    return datasetFromArrays(inputs, labels, { name, ...common });
  }
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0 && bytes[1] === 0) || (bytes[0] === 0x1f && bytes[1] === 0x8b))
  ) {
    return idxDataset(bytes, undefined, { name, ...common });
  }
  throw new TypeError(
    `loadDataset: ${path} is of no supported kind; expected a directory of IDX files, .csv, .tsv, .npy, .npz, .safetensors or an IDX file`,
  );
}
