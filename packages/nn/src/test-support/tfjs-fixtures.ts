import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The directory of the TF.js fixtures made by scripts/fixtures/tfjs.mjs and tfjs.py. */
export const TFJS_FIXTURES = fileURLToPath(new URL("../../../../fixtures/tfjs/", import.meta.url));

/** One layer's reference values. */
export interface TfjsReferenceLayer {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** A model's input batch and its layers' outputs: TF.js's in-memory model's and PyTorch's. */
export interface TfjsReference {
  readonly directory: string;
  readonly inputShape: readonly number[];
  readonly input: Float32Array;
  /** The in-memory TF.js model's outputs (scripts/fixtures/tfjs.mjs). */
  readonly tfjs: readonly TfjsReferenceLayer[];
  /** PyTorch's outputs from the same weights, in float64 (scripts/fixtures/tfjs.py). */
  readonly torch: readonly TfjsReferenceLayer[];
}

function floats(file: string): Float32Array {
  const bytes = readFileSync(`${TFJS_FIXTURES}${file}`);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

interface Entry {
  name: string;
  shape: number[];
  offset: number;
  length: number;
}

/** Reads the references of `mlp` or `cnn`. */
export function readTfjsReference(name: "mlp" | "cnn"): TfjsReference {
  const tfjs = JSON.parse(readFileSync(`${TFJS_FIXTURES}reference.json`, "utf8"));
  const torch = JSON.parse(readFileSync(`${TFJS_FIXTURES}torch-reference.json`, "utf8"));
  const tfjsValues = floats("tfjs-reference.f32");
  const torchValues = floats("torch-reference.f32");
  const model = tfjs.models.find((m: { name: string }) => m.name === name);
  const torchModel = torch.models.find((m: { name: string }) => m.name === name);
  const read = (values: Float32Array) => (entry: Entry) => ({
    name: entry.name,
    shape: entry.shape,
    values: values.slice(entry.offset, entry.offset + entry.length),
  });
  return {
    directory: `${TFJS_FIXTURES}${model.directory}`,
    inputShape: model.input.shape,
    input: read(tfjsValues)({ ...model.input, name: "input" }).values,
    tfjs: model.layers.map(read(tfjsValues)),
    torch: torchModel.layers.map(read(torchValues)),
  };
}
