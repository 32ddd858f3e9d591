import type { NdArray } from "../formats/nd-array.js";
import {
  describe,
  formatShape,
  optionalInteger,
  optionalString,
  requireOptions,
} from "../validate.js";
import { createDataset, type Dataset } from "./dataset.js";

/** Options of {@link datasetFromArrays}. */
export interface DatasetFromArraysOptions {
  /** The data set's name; default `"arrays"`. */
  readonly name?: string;
  /** Names of the class indices; default none. */
  readonly classNames?: readonly string[];
  /** Keep only the first `limit` samples; default all. */
  readonly limit?: number;
}

/**
 * A {@link Dataset} from arrays read from a file (.npy, .npz, .safetensors,
 * IDX): the first axis of `inputs` indexes the samples, the others are the
 * sample shape (`[1]` for a 1-D array). Inputs are converted to float32, the
 * precision models run in: exactly for float16/float32 and integers up to
 * 2^24 (pixels), rounded to nearest for float64 and larger integers. Labels
 * must be integers (any integer dtype, bool, or floats with integral values)
 * in [0, 2^31).
 *
 * @param inputs - The samples, e.g. `readNpz(bytes)[0]`.
 * @param labels - One class index per sample; optional.
 * @param options - See {@link DatasetFromArraysOptions}.
 * @throws TypeError for a 0-d inputs array; RangeError for NaN/infinite
 *   inputs, a label count that does not match, or a label that is not a
 *   non-negative 32-bit integer.
 * @example
 * ```ts
 * const [x, y] = readNpz(readFileSync("points.npz"));
 * const dataset = datasetFromArrays(x!, y, { name: "points" });
 * ```
 */
export function datasetFromArrays(
  inputs: NdArray,
  labels?: NdArray,
  options?: DatasetFromArraysOptions,
): Dataset {
  const opts = requireOptions("datasetFromArrays: options", options);
  const name = optionalString("datasetFromArrays: options.name", opts.name, "arrays");
  requireNdArray("datasetFromArrays: inputs", inputs);
  if (inputs.shape.length === 0) {
    throw new TypeError(
      "datasetFromArrays: inputs is a 0-d array; expected samples along the first axis",
    );
  }
  const total = inputs.shape[0]!;
  const count = Math.min(
    total,
    optionalInteger("datasetFromArrays: options.limit", opts.limit, total, 0),
  );
  const sampleShape = inputs.shape.length === 1 ? [1] : inputs.shape.slice(1);
  if (sampleShape.some((n) => n === 0)) {
    throw new RangeError(
      `datasetFromArrays: inputs of shape ${formatShape(inputs.shape)} have empty samples`,
    );
  }
  const size = inputs.data.length / Math.max(total, 1);
  const source = inputs.data.subarray(0, count * size);
  const values = source instanceof Float32Array ? source.slice() : Float32Array.from(source);
  let classes: Int32Array | undefined;
  if (labels !== undefined) {
    requireNdArray("datasetFromArrays: labels", labels);
    if (labels.data.length !== total) {
      throw new RangeError(
        `datasetFromArrays: labels of shape ${formatShape(labels.shape)} hold ${labels.data.length} values for ${total} samples; expected one per sample`,
      );
    }
    classes = new Int32Array(count);
    for (let k = 0; k < count; k += 1) {
      const v = labels.data[k]!;
      if (!Number.isInteger(v) || v < 0 || v > 2147483647) {
        throw new RangeError(
          `datasetFromArrays: labels[${k}] is ${v}; expected a class index, an integer >= 0`,
        );
      }
      classes[k] = v;
    }
  }
  return createDataset({
    name,
    sampleShape,
    inputs: values,
    ...(classes === undefined ? {} : { labels: classes }),
    ...(opts.classNames === undefined ? {} : { classNames: opts.classNames }),
  });
}

function requireNdArray(name: string, value: unknown): asserts value is NdArray {
  const a = value as NdArray;
  if (
    typeof value !== "object" ||
    value === null ||
    !Array.isArray(a.shape) ||
    !ArrayBuffer.isView(a.data)
  ) {
    throw new TypeError(`${name} must be an array {shape, dtype, data}; got ${describe(value)}`);
  }
  let size = 1;
  for (const n of a.shape) size *= n;
  if ((a.data as ArrayLike<number>).length !== size) {
    throw new RangeError(
      `${name} has ${(a.data as ArrayLike<number>).length} values for shape ${formatShape(a.shape)}`,
    );
  }
}
