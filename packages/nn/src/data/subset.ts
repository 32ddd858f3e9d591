import { describe } from "../validate.js";
import { type Dataset, requireDataset, sampleSize } from "./dataset.js";

/**
 * The samples of a data set at the given indices, in that order (an index
 * may repeat, e.g. for a bootstrap sample), as a new data set with copied
 * arrays; names and class names are kept.
 *
 * @param dataset - Any {@link Dataset}.
 * @param indices - Integer indices in `[0, dataset.count)`.
 * @param name - The new data set's name; default `dataset.name`.
 * @returns A data set of `indices.length` samples.
 * @throws TypeError for indices that are not an array of numbers; RangeError
 *   for an index that is not an integer in range.
 * @example
 * ```ts
 * const firstTen = subset(dataset, Array.from({ length: 10 }, (_, i) => i));
 * ```
 */
export function subset(
  dataset: Dataset,
  indices: ArrayLike<number>,
  name: string = dataset?.name,
): Dataset {
  const d = requireDataset("subset", dataset);
  if (
    !(Array.isArray(indices) || (ArrayBuffer.isView(indices) && !(indices instanceof DataView)))
  ) {
    throw new TypeError(`subset: indices must be an array of integers; got ${describe(indices)}`);
  }
  if (typeof name !== "string")
    throw new TypeError(`subset: name must be a string; got ${describe(name)}`);
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] as unknown;
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= d.count) {
      throw new RangeError(
        `subset: indices[${k}] is ${describe(i)}; expected an integer in [0, ${d.count - 1}]`,
      );
    }
  }
  return selectSamples(d, indices, name);
}

/** {@link subset} without the checks (internal): `d` is valid, `indices` are in range. */
export function selectSamples(d: Dataset, indices: ArrayLike<number>, name: string): Dataset {
  const size = sampleSize(d);
  const n = indices.length;
  const inputs = new Float32Array(n * size);
  const labels = d.labels === undefined ? undefined : new Int32Array(n);
  for (let k = 0; k < n; k += 1) {
    const i = indices[k]!;
    inputs.set(d.inputs.subarray(i * size, (i + 1) * size), k * size);
    if (labels !== undefined) labels[k] = d.labels![i]!;
  }
  return {
    name,
    count: n,
    sampleShape: [...d.sampleShape],
    inputs,
    ...(labels === undefined ? {} : { labels }),
    ...(d.classNames === undefined ? {} : { classNames: [...d.classNames] }),
  };
}
