import type { NdArray } from "../formats/nd-array.js";
import { readIdx } from "../formats/read-idx.js";
import { describe, requireOptions } from "../validate.js";
import type { Dataset } from "./dataset.js";
import { datasetFromArrays } from "./dataset-from-arrays.js";

/** Options of {@link idxDataset}. */
export interface IdxDatasetOptions {
  /** The data set's name; default `"idx"`. */
  readonly name?: string;
  /** Names of the class indices; default none. */
  readonly classNames?: readonly string[];
  /** Keep only the first `limit` samples; default all. */
  readonly limit?: number;
}

/**
 * A {@link Dataset} from the bytes of an IDX images file and, optionally, an
 * IDX labels file (MNIST's layout: images `[count, 28, 28]` uint8, labels
 * `[count]` uint8), each gzip-compressed or not. Samples keep their shape
 * (`[28, 28]`); pixels become float32 values 0..255 exactly, with no
 * rescaling: apply `normalize(dataset, { method: "scale-255" })` (or another
 * normalisation) explicitly.
 *
 * @param images - The images file's bytes (or an already read array).
 * @param labels - The labels file's bytes (or array); optional.
 * @param options - See {@link IdxDatasetOptions}.
 * @throws As {@link readIdx} and {@link datasetFromArrays}; RangeError when
 *   the label count differs from the image count.
 * @example
 * ```ts
 * const test = idxDataset(readFileSync(dir + "/t10k-images-idx3-ubyte.gz"), readFileSync(dir + "/t10k-labels-idx1-ubyte.gz"));
 * ```
 */
export function idxDataset(
  images: Uint8Array | NdArray,
  labels?: Uint8Array | NdArray,
  options?: IdxDatasetOptions,
): Dataset {
  const opts = requireOptions("idxDataset: options", options);
  const name = opts.name ?? "idx";
  const read = (what: string, value: Uint8Array | NdArray): NdArray => {
    if (value instanceof Uint8Array) return readIdx(value, { source: `${name} ${what}` });
    if (typeof value === "object" && value !== null && "shape" in value) return value;
    throw new TypeError(
      `idxDataset: ${what} must be IDX file bytes or an array; got ${describe(value)}`,
    );
  };
  const x = read("images", images);
  const y = labels === undefined ? undefined : read("labels", labels);
  if (y !== undefined && x.shape.length > 0 && y.shape[0] !== x.shape[0]) {
    throw new RangeError(
      `idxDataset: ${name} has ${x.shape[0]} images but ${y.shape[0]} labels; expected as many labels as images`,
    );
  }
  return datasetFromArrays(x, y, {
    name,
    ...(opts.classNames === undefined ? {} : { classNames: opts.classNames }),
    ...(opts.limit === undefined ? {} : { limit: opts.limit }),
  });
}
