import { describe, formatShape, requireOptions } from "../validate.js";

/**
 * A data set: `count` samples of shape `sampleShape`, with optional integer
 * class labels. Everything downstream (activation extraction, training,
 * Mapper) takes one.
 *
 * `inputs` is float32 because models run in float32; raw integer data (IDX
 * pixels 0..255) is converted to float32 exactly, and any rescaling is an
 * explicit step ({@link normalize}), never a silent one. Samples keep their
 * natural shape: `[28, 28]` for IDX gray images, `[H, W, C]` for colour
 * images, `[d]` for points; model adapters reshape or transpose to the
 * model's layout.
 *
 * The functions of @nettopo/nn never mutate a data set's arrays; a data set
 * built by {@link createDataset} holds the arrays it was given (no copy).
 */
export interface Dataset {
  /** A short name for messages and reports, e.g. `"fashion-mnist/train"`. */
  readonly name: string;
  /** The number of samples. */
  readonly count: number;
  /** The shape of one sample (at least one size, all >= 1). */
  readonly sampleShape: readonly number[];
  /**
   * `count * prod(sampleShape)` finite values, sample-major (sample i
   * occupies `[i*size, (i+1)*size)`), row-major within a sample.
   */
  readonly inputs: Float32Array;
  /** One class index per sample (>= 0, and < `classNames.length` when both are given). */
  readonly labels?: Int32Array;
  /** The name of each class index, when known. */
  readonly classNames?: readonly string[];
}

/** What {@link createDataset} takes: a {@link Dataset} without its `count`. */
export interface DatasetFields {
  readonly name: string;
  readonly sampleShape: readonly number[];
  readonly inputs: Float32Array;
  readonly labels?: Int32Array;
  readonly classNames?: readonly string[];
}

/**
 * Builds a {@link Dataset} after checking it: a name, a sample shape of
 * positive sizes, float32 inputs whose length is a multiple of the sample
 * size and that are all finite, labels (if any) one per sample, non-negative
 * and within the class names. The arrays are kept, not copied.
 *
 * @param fields - `{ name, sampleShape, inputs, labels?, classNames? }`.
 * @returns The data set, with `count = inputs.length / prod(sampleShape)`.
 * @throws TypeError for a wrong kind of field (e.g. inputs that are not a
 *   Float32Array); RangeError for NaN or an infinity in the inputs (naming the
 *   sample), a label count that does not match, or a label out of range.
 * @example
 * ```ts
 * const points = createDataset({
 *   name: "square",
 *   sampleShape: [2],
 *   inputs: Float32Array.of(0, 0, 1, 0, 1, 1, 0, 1),
 *   labels: Int32Array.of(0, 1, 0, 1),
 *   classNames: ["even", "odd"],
 * });
 * points.count; // 4
 * ```
 */
export function createDataset(fields: DatasetFields): Dataset {
  return requireDataset("createDataset", fields, true);
}

/**
 * Checks a data set at a public boundary (internal).
 *
 * @param caller - Names the caller in messages.
 * @param fresh - Whether `value` is {@link DatasetFields} (count derived) or a
 *   full {@link Dataset} (count checked).
 */
export function requireDataset(caller: string, value: unknown, fresh = false): Dataset {
  const arg = fresh ? `${caller}: fields` : `${caller}: dataset`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${arg} must be a data set object; got ${describe(value)}`);
  }
  const d = requireOptions(arg, value as Dataset);
  if (typeof d.name !== "string")
    throw new TypeError(`${arg}.name must be a string; got ${describe(d.name)}`);
  const shape = d.sampleShape;
  if (!Array.isArray(shape) || shape.length === 0) {
    throw new TypeError(
      `${arg}.sampleShape must be a non-empty array of sizes; got ${describe(shape)}`,
    );
  }
  let size = 1;
  shape.forEach((n, k) => {
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
      throw new RangeError(`${arg}.sampleShape[${k}] must be an integer >= 1; got ${describe(n)}`);
    }
    size *= n;
  });
  const inputs = d.inputs;
  if (!(inputs instanceof Float32Array)) {
    throw new TypeError(
      `${arg}.inputs must be a Float32Array (models run in float32; convert explicitly, e.g. Float32Array.from(values)); got ${describe(inputs)}`,
    );
  }
  if (inputs.length % size !== 0) {
    throw new RangeError(
      `${arg}.inputs has ${inputs.length} values, not a multiple of the sample size ${size} (sampleShape ${formatShape(shape)})`,
    );
  }
  const count = inputs.length / size;
  if (!fresh && d.count !== count) {
    throw new RangeError(
      `${arg}.count is ${describe(d.count)} but inputs hold ${count} samples of shape ${formatShape(shape)}`,
    );
  }
  for (let k = 0; k < inputs.length; k += 1) {
    const v = inputs[k]!;
    if (!Number.isFinite(v)) {
      const sample = Math.floor(k / size);
      throw new RangeError(
        `${arg}.inputs[${k}] (sample ${sample}, value ${k - sample * size} of it) is ${v}; expected finite numbers`,
      );
    }
  }
  const classNames = d.classNames;
  if (classNames !== undefined) {
    if (!Array.isArray(classNames) || !classNames.every((c) => typeof c === "string")) {
      throw new TypeError(
        `${arg}.classNames must be an array of strings; got ${describe(classNames)}`,
      );
    }
  }
  const labels = d.labels;
  if (labels !== undefined) {
    if (!(labels instanceof Int32Array)) {
      throw new TypeError(`${arg}.labels must be an Int32Array; got ${describe(labels)}`);
    }
    if (labels.length !== count) {
      throw new RangeError(
        `${arg}.labels has ${labels.length} values for ${count} samples; expected one per sample`,
      );
    }
    const limit = classNames === undefined ? 2147483647 : classNames.length;
    for (let k = 0; k < labels.length; k += 1) {
      const label = labels[k]!;
      if (label < 0 || label >= limit) {
        throw new RangeError(
          `${arg}.labels[${k}] is ${label}; expected a class index in [0, ${limit - 1}]${classNames === undefined ? "" : ` (${limit} class names)`}`,
        );
      }
    }
  }
  return {
    name: d.name,
    count,
    sampleShape: [...shape],
    inputs,
    ...(labels === undefined ? {} : { labels }),
    ...(classNames === undefined ? {} : { classNames: [...classNames] }),
  };
}

/** The number of values in one sample: the product of `sampleShape`. */
export function sampleSize(dataset: Pick<Dataset, "sampleShape">): number {
  let size = 1;
  for (const n of dataset.sampleShape) size *= n;
  return size;
}
