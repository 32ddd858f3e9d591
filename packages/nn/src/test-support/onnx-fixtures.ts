import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The directory of the ONNX fixtures made by scripts/fixtures/onnx.py. */
export const ONNX_FIXTURES = fileURLToPath(new URL("../../../../fixtures/onnx/", import.meta.url));

/** One hooked module of a reference file. */
export interface ReferenceLayer {
  readonly module: string;
  readonly friendly: string;
  readonly tensor: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** A model's reference: its path, the input batch and PyTorch's hooked activations. */
export interface Reference {
  readonly modelPath: string;
  readonly inputShape: readonly number[];
  readonly input: Float32Array;
  readonly layers: readonly ReferenceLayer[];
}

/** Reads fixtures/onnx/<name>-reference.json and its .f32 values. */
export function readReference(name: "mlp" | "cnn" | "view"): Reference {
  const manifest = JSON.parse(readFileSync(`${ONNX_FIXTURES}${name}-reference.json`, "utf8"));
  const bytes = readFileSync(`${ONNX_FIXTURES}${manifest.data}`);
  const all = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  );
  const slice = (offset: number, length: number) => all.slice(offset, offset + length);
  return {
    modelPath: `${ONNX_FIXTURES}${manifest.model}`,
    inputShape: manifest.input.shape,
    input: slice(manifest.input.offset, manifest.input.length),
    layers: manifest.layers.map((layer: ReferenceLayer & { offset: number; length: number }) => ({
      module: layer.module,
      friendly: layer.friendly,
      tensor: layer.tensor,
      shape: layer.shape,
      values: slice(layer.offset, layer.length),
    })),
  };
}

/**
 * The largest violation of |got - want| <= relative * max(|want|, floor)
 * elementwise, as a ratio (<= 1 passes), with the index where it happens.
 */
export function worstRelativeError(
  got: Float32Array,
  want: Float32Array,
  relative: number,
  floor: number,
): { ratio: number; index: number } {
  let ratio = 0;
  let index = -1;
  for (let i = 0; i < want.length; i += 1) {
    const r = Math.abs(got[i]! - want[i]!) / (relative * Math.max(Math.abs(want[i]!), floor));
    if (!(r <= ratio)) {
      ratio = r;
      index = i;
    }
  }
  return { ratio, index };
}
