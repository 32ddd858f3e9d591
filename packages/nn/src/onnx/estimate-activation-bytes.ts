import type { TfjsModel } from "../tfjs/tfjs-model.js";
import { formatShape } from "./input-layout.js";
import type { OnnxModel } from "./onnx-model.js";

/**
 * The bytes the activations of `layers` for `count` samples take as float32
 * (4 bytes a value), from the layers' static shapes: what an in-memory
 * collector would allocate. Compare it with a budget before extracting, e.g.
 * `ActivationCollector`'s `DEFAULT_ACTIVATION_BUDGET_BYTES` (1 GiB), and
 * stream to a file beyond it.
 *
 * @param model - The model (ONNX or TF.js).
 * @param layers - Layer names (tensor or friendly names).
 * @param count - The number of samples.
 * @returns 4 x count x (sum over the layers of the values per sample).
 * @throws RangeError for an unknown layer, or one whose size per sample is not
 *   known before running (the message shows its shape).
 *
 * @example
 * estimateActivationBytes(model, ["features.1", "fc1"], 10000); // 4 * 10000 * (3136 + 32)
 */
export function estimateActivationBytes(
  model: OnnxModel | TfjsModel,
  layers: readonly string[],
  count: number,
): number {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`estimateActivationBytes: count must be an integer >= 0; got ${count}`);
  }
  const batch = model.inputs[0]?.shape?.[0];
  let columns = 0;
  for (const name of layers) {
    const layer = model.layer(name);
    const shape = layer.shape;
    const per = shape?.slice(1);
    const leading = shape?.[0];
    const batchFirst = leading !== undefined && (typeof leading !== "number" || leading === batch);
    if (!per || !batchFirst || !per.every((d) => typeof d === "number")) {
      throw new RangeError(
        `estimateActivationBytes: the size per sample of layer ${JSON.stringify(name)} is not known before running (shape ${formatShape(shape)}); expected [batch, sizes...]`,
      );
    }
    columns += (per as number[]).reduce((a, b) => a * b, 1);
  }
  return 4 * count * columns;
}
