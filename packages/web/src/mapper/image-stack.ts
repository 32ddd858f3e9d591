/** Images as bytes: `count` images of `height x width x channels`, channels last. */
export interface ImageStack {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3 | 4;
  /** `count * height * width * channels` bytes, 0-255. */
  readonly bytes: Uint8Array;
}

/**
 * Images from an array of shape [N, H, W] or [N, H, W, C] (C = 1, 3 or 4):
 * values in [0, 1] (all of them) are scaled by 255, others are taken as
 * 0-255; everything is rounded and clamped to a byte. A [N, C, H, W] array
 * (PyTorch's layout, C = 1 or 3 and small) is transposed, since it would
 * otherwise be read as images only C pixels high.
 *
 * @param values - The array's values, row-major.
 * @param shape - Its shape.
 * @param source - Names the array in errors.
 * @throws RangeError (one line) for another shape.
 * @example
 * ```ts
 * imageStack([0, 1, 0.5, 0], [1, 2, 2], "x.npy").bytes; // Uint8Array [0, 255, 128, 0]
 * ```
 */
export function imageStack(
  values: ArrayLike<number>,
  shape: readonly number[],
  source: string,
): ImageStack {
  const expected = "[N, H, W] or [N, H, W, C] with C = 1, 3 or 4";
  if (shape.length !== 3 && shape.length !== 4) {
    throw new RangeError(`${source} has shape [${shape.join(", ")}]; expected images ${expected}`);
  }
  let [count, height, width, channels] = [shape[0]!, shape[1]!, shape[2]!, shape[3] ?? 1];
  let channelsFirst = false;
  if (shape.length === 4 && ![1, 3, 4].includes(channels) && [1, 3].includes(height)) {
    // [N, C, H, W]
    channelsFirst = true;
    [channels, height, width] = [shape[1]!, shape[2]!, shape[3]!];
  }
  if (![1, 3, 4].includes(channels) || height < 1 || width < 1) {
    throw new RangeError(`${source} has shape [${shape.join(", ")}]; expected images ${expected}`);
  }
  const size = count * height * width * channels;
  let unit = true;
  for (let k = 0; k < size; k++) {
    const v = values[k]!;
    if (v < 0 || v > 1) {
      unit = false;
      break;
    }
  }
  const scale = unit ? 255 : 1;
  const bytes = new Uint8Array(size);
  const plane = height * width;
  for (let n = 0; n < count; n++) {
    for (let p = 0; p < plane; p++) {
      for (let c = 0; c < channels; c++) {
        const from = channelsFirst
          ? (n * channels + c) * plane + p
          : (n * plane + p) * channels + c;
        const v = Math.round(values[from]! * scale);
        bytes[(n * plane + p) * channels + c] = Math.min(255, Math.max(0, v));
      }
    }
  }
  return { count, height, width, channels: channels as 1 | 3 | 4, bytes };
}

/**
 * Image `index` of a stack as RGBA pixels (for `ImageData`): grey is
 * repeated in R, G and B; alpha is opaque unless the image has its own.
 * @example
 * ```ts
 * imageRgba(imageStack([0, 1], [1, 1, 2], "x"), 0); // [0, 0, 0, 255, 255, 255, 255, 255]
 * ```
 */
export function imageRgba(stack: ImageStack, index: number): Uint8ClampedArray<ArrayBuffer> {
  const { height, width, channels, bytes } = stack;
  if (!Number.isInteger(index) || index < 0 || index >= stack.count) {
    throw new RangeError(`imageRgba: index ${index} is outside 0..${stack.count - 1}`);
  }
  const plane = height * width;
  const out = new Uint8ClampedArray(plane * 4);
  const start = index * plane * channels;
  for (let p = 0; p < plane; p++) {
    const at = start + p * channels;
    if (channels === 1) {
      const g = bytes[at]!;
      out[p * 4] = g;
      out[p * 4 + 1] = g;
      out[p * 4 + 2] = g;
      out[p * 4 + 3] = 255;
    } else {
      out[p * 4] = bytes[at]!;
      out[p * 4 + 1] = bytes[at + 1]!;
      out[p * 4 + 2] = bytes[at + 2]!;
      out[p * 4 + 3] = channels === 4 ? bytes[at + 3]! : 255;
    }
  }
  return out;
}
