import { access } from "node:fs/promises";
import { optionalChoice, optionalString, requireOptions } from "../validate.js";
import type { Dataset } from "./dataset.js";
import { loadIdxDataset } from "./load-idx-dataset.js";

/** Where Debian's package `dataset-fashion-mnist` installs the IDX files. */
export const FASHION_MNIST_DIRECTORY = "/usr/share/datasets/fashion-mnist";

/** The ten Fashion-MNIST classes, by label index (Zalando Research's README). */
export const FASHION_MNIST_CLASS_NAMES: readonly string[] = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
];

/** Options of {@link fashionMnist} and {@link mnist}. */
export interface MnistOptions {
  /** The directory of the four IDX files; default {@link FASHION_MNIST_DIRECTORY} for Fashion-MNIST, required for MNIST. */
  readonly directory?: string;
  /** `"train"` (60000 images) or `"test"` (10000); default `"train"`. */
  readonly split?: "train" | "test";
  /** Keep only the first `limit` images; default all. */
  readonly limit?: number;
}

/**
 * Loads Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): 28x28 gray images of 10
 * clothing classes, 60000 for training and 10000 for testing, from the IDX
 * files that Debian's package `dataset-fashion-mnist` installs under
 * /usr/share/datasets/fashion-mnist (`train-images-idx3-ubyte.gz`,
 * `train-labels-idx1-ubyte.gz`, `t10k-...`). Samples have shape [28, 28]
 * with pixel values 0..255 in float32; rescale explicitly with
 * `normalize(dataset, { method: "scale-255" })`.
 *
 * @param options - See {@link MnistOptions}.
 * @returns The data set `fashion-mnist/SPLIT` with the 10 class names.
 * @throws RangeError naming the directory and the package to install when
 *   the files are missing.
 * @see https://github.com/zalandoresearch/fashion-mnist
 * @example
 * ```ts
 * const test = await fashionMnist({ split: "test", limit: 1000 });
 * const { dataset } = normalize(test, { method: "scale-255" });
 * ```
 */
export async function fashionMnist(options?: MnistOptions): Promise<Dataset> {
  const opts = requireOptions("fashionMnist: options", options);
  const directory = optionalString(
    "fashionMnist: options.directory",
    opts.directory,
    FASHION_MNIST_DIRECTORY,
  );
  const split = optionalChoice(
    "fashionMnist: options.split",
    opts.split,
    ["train", "test"],
    "train",
  );
  try {
    await access(directory);
  } catch {
    throw new RangeError(
      `fashionMnist: no directory ${directory}; install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or pass options.directory`,
    );
  }
  return loadIdxDataset(directory, {
    split,
    name: `fashion-mnist/${split}`,
    classNames: FASHION_MNIST_CLASS_NAMES,
    ...(opts.limit === undefined ? {} : { limit: opts.limit }),
  });
}
