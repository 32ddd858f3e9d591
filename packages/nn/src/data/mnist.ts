import { describe, optionalChoice, requireOptions } from "../validate.js";
import type { Dataset } from "./dataset.js";
import type { MnistOptions } from "./fashion-mnist.js";
import { loadIdxDataset } from "./load-idx-dataset.js";

/** The ten MNIST classes: the digits "0" to "9". */
export const MNIST_CLASS_NAMES: readonly string[] = Array.from({ length: 10 }, (_, k) => String(k));

/**
 * Loads MNIST (LeCun, Bottou, Bengio, Haffner 1998) from a directory holding
 * its four IDX files (`train-images-idx3-ubyte[.gz]`, ...; this machine has
 * no packaged copy, so the directory is required). Samples have shape
 * [28, 28] with pixel values 0..255 in float32; rescale explicitly.
 *
 * @param options - See {@link MnistOptions}; `directory` is required.
 * @returns The data set `mnist/SPLIT` with class names "0".."9".
 * @see http://yann.lecun.com/exdb/mnist/
 * @example
 * ```ts
 * const train = await mnist({ directory: "data/mnist", split: "train" });
 * ```
 */
export async function mnist(options: MnistOptions): Promise<Dataset> {
  const opts = requireOptions("mnist: options", options);
  if (typeof opts.directory !== "string") {
    throw new TypeError(
      `mnist: options.directory (the folder of the MNIST IDX files) is required; got ${describe(opts.directory)}`,
    );
  }
  const split = optionalChoice("mnist: options.split", opts.split, ["train", "test"], "train");
  return loadIdxDataset(opts.directory, {
    split,
    name: `mnist/${split}`,
    classNames: MNIST_CLASS_NAMES,
    ...(opts.limit === undefined ? {} : { limit: opts.limit }),
  });
}
