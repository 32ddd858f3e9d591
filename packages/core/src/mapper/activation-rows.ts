import { describe } from "../metric/validate.js";
import type { RealArray } from "../types.js";

/** How {@link activationRows} turns one input's feature map into a row. */
export type ActivationReduction = "average" | "flatten" | "position";

/** Options of {@link activationRows}. */
export interface ActivationRowsOptions {
  /** Axis order of the 4-d activations: `"nchw"` (PyTorch/ONNX) or `"nhwc"` (TF.js/Keras); default `"nchw"`. */
  readonly layout?: "nchw" | "nhwc";
  /**
   * `"average"` (default): each channel averaged over space, C values per
   * input; `"flatten"`: the whole feature map, C*H*W values in the layout's
   * order; `"position"`: the C channels at one spatial position (TopoAct).
   */
  readonly reduction?: ActivationReduction;
  /** With `"position"`: the `[row, column]` position; default the centre `[floor(H/2), floor(W/2)]`. */
  readonly position?: readonly [number, number];
}

/**
 * Rows for Mapper from a convolutional layer's activations `[N, C, H, W]`
 * (or `[N, H, W, C]`): one row per input, by channel average over space
 * (default), the flattened map, or the channels at one spatial position (as
 * TopoAct, Rathore et al. 2021, which samples one position per input).
 * 2-d activations `[N, F]` are returned as they are (copied).
 *
 * @param values - The activations, row-major in the layout's order.
 * @param shape - `[N, F]`, or `[N, C, H, W]` / `[N, H, W, C]` per `layout`.
 * @param options - `layout` (default `"nchw"`), `reduction` (default `"average"`), `position` (default the centre).
 * @returns `{ count: N, dimension, coordinates }` ready for {@link mapper}; the precision of `values` is kept.
 * @example
 * ```ts
 * const rows = activationRows(new Float32Array(2 * 3 * 4 * 4), [2, 3, 4, 4]); // 2 rows of 3 channel means
 * ```
 */
export function activationRows(
  values: RealArray,
  shape: readonly number[],
  options: ActivationRowsOptions = {},
): { count: number; dimension: number; coordinates: RealArray } {
  if (!(values instanceof Float32Array) && !(values instanceof Float64Array)) {
    throw new TypeError(
      `activationRows: values must be a Float32Array or Float64Array; got ${describe(values)}`,
    );
  }
  if (!Array.isArray(shape) || (shape.length !== 2 && shape.length !== 4)) {
    throw new RangeError(
      `activationRows: shape must be [N, F] or a 4-d shape; got ${describe(shape)}`,
    );
  }
  let product = 1;
  for (const s of shape) {
    if (!Number.isSafeInteger(s) || s < 1) {
      if (!(s === 0 && shape[0] === 0)) {
        throw new RangeError(`activationRows: shape holds ${describe(s)}; expected integers >= 1`);
      }
    }
    product *= s;
  }
  if (values.length !== product) {
    throw new RangeError(
      `activationRows: values.length must be the product of shape [${shape.join(", ")}] = ${product}; got ${values.length}`,
    );
  }
  const layout = options.layout ?? "nchw";
  const reduction = options.reduction ?? "average";
  if (layout !== "nchw" && layout !== "nhwc") {
    throw new RangeError(
      `activationRows: options.layout must be "nchw" or "nhwc"; got ${describe(layout)}`,
    );
  }
  if (reduction !== "average" && reduction !== "flatten" && reduction !== "position") {
    throw new RangeError(
      `activationRows: options.reduction must be "average", "flatten" or "position"; got ${describe(reduction)}`,
    );
  }
  const n = shape[0]!;
  if (shape.length === 2 || reduction === "flatten") {
    const dimension = shape.slice(1).reduce((a, b) => a * b, 1);
    return { count: n, dimension, coordinates: values.slice() };
  }
  const [c, h, w] =
    layout === "nchw" ? [shape[1]!, shape[2]!, shape[3]!] : [shape[3]!, shape[1]!, shape[2]!];
  const out = values instanceof Float32Array ? new Float32Array(n * c) : new Float64Array(n * c);
  const at = (i: number, channel: number, y: number, x: number): number =>
    layout === "nchw"
      ? values[((i * c + channel) * h + y) * w + x]!
      : values[((i * h + y) * w + x) * c + channel]!;
  if (reduction === "average") {
    for (let i = 0; i < n; i++) {
      for (let channel = 0; channel < c; channel++) {
        let sum = 0;
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) sum += at(i, channel, y, x);
        out[i * c + channel] = sum / (h * w);
      }
    }
  } else {
    const [y, x] = options.position ?? [Math.floor(h / 2), Math.floor(w / 2)];
    if (
      !Number.isSafeInteger(y) ||
      !Number.isSafeInteger(x) ||
      y < 0 ||
      y >= h ||
      x < 0 ||
      x >= w
    ) {
      throw new RangeError(
        `activationRows: options.position must be [row, column] inside ${h} x ${w}; got ${describe(options.position)}`,
      );
    }
    for (let i = 0; i < n; i++)
      for (let channel = 0; channel < c; channel++) out[i * c + channel] = at(i, channel, y, x);
  }
  return { count: n, dimension: c, coordinates: out };
}
