/**
 * Samples to feed a model: `count` samples of shape `sampleShape`, their
 * values one sample after the other (sample-major, each sample row-major) in
 * `inputs`. A data set (`Dataset`) is one; so is `{ count, sampleShape,
 * inputs }` built by hand.
 *
 * @example
 * const input: ModelInput = { count: 2, sampleShape: [4], inputs: new Float32Array(8) };
 */
export interface ModelInput {
  /** The number of samples. */
  readonly count: number;
  /** The shape of one sample, e.g. [28, 28] for gray images. */
  readonly sampleShape: readonly number[];
  /** `count` x product(sampleShape) values, sample-major. */
  readonly inputs: Float32Array;
}

/**
 * Checks a {@link ModelInput} at a public boundary: a TypeError for the wrong
 * kind, a RangeError for sizes that do not add up.
 *
 * @param name - Names the argument in messages, e.g. `extractActivations: input`.
 * @returns The values per sample.
 */
export function requireModelInput(name: string, value: unknown): number {
  const input = value as ModelInput;
  if (typeof value !== "object" || value === null) {
    throw new TypeError(
      `${name} must be an object { count, sampleShape, inputs }; got ${String(value)}`,
    );
  }
  if (!(input.inputs instanceof Float32Array)) {
    throw new TypeError(`${name}.inputs must be a Float32Array; got ${describeKind(input.inputs)}`);
  }
  if (!Number.isSafeInteger(input.count) || input.count < 0) {
    throw new RangeError(`${name}.count must be an integer >= 0; got ${String(input.count)}`);
  }
  const shape = input.sampleShape;
  if (
    !Array.isArray(shape) ||
    !shape.every((d: unknown) => Number.isSafeInteger(d) && (d as number) >= 1)
  ) {
    throw new RangeError(
      `${name}.sampleShape must be an array of integers >= 1; got ${JSON.stringify(shape)}`,
    );
  }
  const size = shape.reduce((a: number, b: number) => a * b, 1);
  if (input.inputs.length !== input.count * size) {
    throw new RangeError(
      `${name}.inputs has ${input.inputs.length} values; expected count x sample size = ${input.count} x ${size} = ${input.count * size}`,
    );
  }
  return size;
}

function describeKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") return (value as object).constructor?.name ?? "an object";
  return typeof value;
}
