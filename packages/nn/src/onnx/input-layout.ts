import type { Dimension } from "./onnx-model.js";

/**
 * How samples are laid into a model's input tensor, from {@link inputLayout}:
 * `"as-is"` (the values in their order: the same shape, a gray image for a
 * one-channel input, a flat vector for a flat input), or `"channels-last"`
 * (an H x W x C sample transposed to the model's C x H x W).
 */
export interface InputLayout {
  readonly kind: "as-is" | "channels-last";
  /** The per-sample shape of the input tensor (its batch axis left out). */
  readonly sampleShape: readonly number[];
  /** Values per sample. */
  readonly size: number;
  /** The batch size the input fixes, or undefined for a dynamic batch axis. */
  readonly fixedBatch: number | undefined;
}

/**
 * Decides how samples of shape `got` fit a model input of shape `want`
 * (batch axis first). In order:
 *
 * 1. `got` equals `want` without its batch axis (symbolic sizes match any
 *    size): as is.
 * 2. `want` is [C, H, W] with C = 1 and `got` is [H, W] (gray images for
 *    NCHW), or `want` is [H, W, 1] and `got` [H, W] (NHWC): as is (the same
 *    values in the same order).
 * 3. `want` is [C, H, W] and `got` is [H, W, C] (channels-last images, as
 *    image files and Keras store them, for a PyTorch NCHW model): transposed.
 * 4. `want` is [D] and `got` has D values (an MLP on images): flattened,
 *    row-major.
 *
 * @param want - The model input's shape, batch axis included.
 * @param got - The samples' shape.
 * @param describeInput - Names the input in the message, e.g. `input "x" of cnn.onnx`.
 * @throws RangeError saying what is expected and what was got when nothing fits.
 *
 * @example
 * inputLayout(["batch", 1, 28, 28], [28, 28], "input").kind; // "as-is"
 * inputLayout(["batch", 3, 32, 32], [32, 32, 3], "input").kind; // "channels-last"
 */
export function inputLayout(
  want: readonly Dimension[],
  got: readonly number[],
  describeInput: string,
): InputLayout {
  const batch = want[0];
  const fixedBatch = typeof batch === "number" ? batch : undefined;
  const per = want.slice(1);
  const size = got.reduce((a, b) => a * b, 1);
  const make = (kind: InputLayout["kind"], sampleShape: readonly number[]): InputLayout => ({
    kind,
    sampleShape,
    size,
    fixedBatch,
  });
  if (want.length >= 1 && fits(per, got)) return make("as-is", got);
  if (per.length === 3 && got.length === 2) {
    if (per[0] === 1 && fits(per.slice(1), got)) return make("as-is", [1, got[0]!, got[1]!]);
    if (per[2] === 1 && fits(per.slice(0, 2), got)) return make("as-is", [got[0]!, got[1]!, 1]);
  }
  if (per.length === 3 && got.length === 3 && fits(per, [got[2]!, got[0]!, got[1]!])) {
    return make(got[2] === 1 ? "as-is" : "channels-last", [got[2]!, got[0]!, got[1]!]);
  }
  if (per.length === 1 && (per[0] === size || typeof per[0] !== "number") && got.length > 1) {
    return make("as-is", [size]);
  }
  throw new RangeError(
    `samples of shape ${formatShape(got)} do not fit ${describeInput}, of shape ${formatShape(want)}; expected samples of shape ${formatShape(per)}${alternatives(per)}`,
  );
}

/**
 * Copies `rows` samples from `source` (sample-major, starting at sample
 * `first`) into `target` in the model's layout.
 */
export function layBatch(
  layout: InputLayout,
  source: Float32Array,
  first: number,
  rows: number,
  target: Float32Array,
): void {
  const size = layout.size;
  if (layout.kind === "as-is") {
    target.set(source.subarray(first * size, (first + rows) * size));
    return;
  }
  const [channels, height, width] = layout.sampleShape as [number, number, number];
  const plane = height * width;
  for (let r = 0; r < rows; r += 1) {
    const from = (first + r) * size;
    const to = r * size;
    for (let p = 0; p < plane; p += 1) {
      for (let c = 0; c < channels; c += 1) {
        target[to + c * plane + p] = source[from + p * channels + c]!;
      }
    }
  }
}

/** `[batch, 1, 28, 28]`, with `?` for an unknown size. */
export function formatShape(shape: readonly Dimension[] | undefined): string {
  if (shape === undefined) return "?";
  return `[${shape.map((d) => (d === null ? "?" : String(d))).join(", ")}]`;
}

function fits(want: readonly Dimension[], got: readonly number[]): boolean {
  return want.length === got.length && want.every((d, k) => typeof d !== "number" || d === got[k]);
}

/** The other sample shapes that would fit, for the message. */
function alternatives(per: readonly Dimension[]): string {
  const alt: string[] = [];
  if (per.length === 3) {
    const [c, h, w] = per;
    if (c === 1) alt.push(`${formatShape([h!, w!])} gray`);
    if (per[2] === 1) alt.push(`${formatShape([c!, h!])} gray`);
    alt.push(`${formatShape([h!, w!, c!])} channels-last`);
  }
  if (per.length === 1 && typeof per[0] === "number") alt.push(`any shape of ${per[0]} values`);
  return alt.length > 0 ? ` (or ${alt.join(", or ")})` : "";
}
