import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import type { io } from "@tensorflow/tfjs";
import { describe } from "../validate.js";

/** Bytes per element of the dtypes a weights manifest may name. */
const DTYPE_BYTES: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/**
 * A TF.js IO handler that loads a model from disk: `model.json` (the format
 * `tensorflowjs_converter`, `model.save("file://...")` of tfjs-node and
 * nettopo write: `modelTopology`, `format`, `weightsManifest`...) and the
 * weight files its manifest names, relative to its directory, concatenated
 * in manifest order. Nothing is fetched from a network: a weight path that is
 * a URL or absolute is refused. Pass it to `tf.loadLayersModel` or
 * `tf.loadGraphModel` (or use `loadTfjsModel`, which does that).
 *
 * Each manifest group is checked against its files before TF.js sees them:
 * the files of a group must hold exactly the bytes its weights need (dtype
 * or quantization dtype x shape), so a truncated shard is reported as such.
 *
 * @param modelJsonPath - The `model.json` file.
 * @returns An IO handler with a `load` method (no `save`).
 *
 * @example
 * const tf = await ensureWasmBackend();
 * const model = await tf.loadLayersModel(fileSystemLoader("fixtures/tfjs/mlp/model.json"));
 */
export function fileSystemLoader(modelJsonPath: string): io.IOHandler {
  if (typeof modelJsonPath !== "string" || modelJsonPath === "") {
    throw new TypeError(
      `fileSystemLoader: modelJsonPath must be the path of a model.json; got ${describe(modelJsonPath)}`,
    );
  }
  return { load: () => readTfjsArtifacts(modelJsonPath) };
}

/**
 * Reads `model.json` and its weights as TF.js model artifacts (internal; see
 * {@link fileSystemLoader}).
 *
 * @throws RangeError (one line, naming the file) for a file that is not a
 *   TF.js model.json, a weight path that is not relative, a missing or
 *   truncated weight file; the file system's error when model.json cannot
 *   be read.
 */
export async function readTfjsArtifacts(modelJsonPath: string): Promise<io.ModelArtifacts> {
  const fail = (why: string) =>
    new RangeError(`cannot load TF.js model ${JSON.stringify(modelJsonPath)}: ${why}`);
  const text = await readFile(modelJsonPath, "utf8");
  let json: io.ModelJSON;
  try {
    json = JSON.parse(text) as io.ModelJSON;
  } catch (error) {
    throw fail(`model.json is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw fail("model.json does not hold an object; expected TF.js's model.json");
  }
  if (typeof json.modelTopology !== "object" || json.modelTopology === null) {
    throw fail(
      "model.json has no modelTopology; expected a TF.js Layers or Graph model (model.json from tensorflowjs_converter or model.save)",
    );
  }
  const manifest = json.weightsManifest ?? [];
  if (!Array.isArray(manifest)) throw fail("its weightsManifest is not an array");
  const directory = dirname(modelJsonPath);
  const weightSpecs: io.WeightsManifestEntry[] = [];
  const buffers: Uint8Array[] = [];
  for (const [g, group] of manifest.entries()) {
    if (!Array.isArray(group?.paths) || !Array.isArray(group?.weights)) {
      throw fail(`weightsManifest[${g}] lacks paths or weights`);
    }
    let needed: number | undefined = 0;
    for (const spec of group.weights) {
      weightSpecs.push(spec);
      needed = needed === undefined ? undefined : addBytes(needed, spec);
    }
    let got = 0;
    for (const path of group.paths) {
      if (typeof path !== "string" || path === "" || isAbsolute(path) || /^[a-z]+:/i.test(path)) {
        throw fail(
          `weight path ${JSON.stringify(path)} is not a relative file path; expected files beside model.json (nettopo reads no URLs)`,
        );
      }
      let bytes: Uint8Array;
      try {
        bytes = await readFile(join(directory, path));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw fail(
          `cannot read its weight file ${JSON.stringify(path)} (${code === "ENOENT" ? "no such file" : (code ?? (error as Error).message)})`,
        );
      }
      buffers.push(bytes);
      got += bytes.length;
    }
    if (needed !== undefined && got !== needed) {
      throw fail(
        `${got < needed ? "truncated weights: " : ""}the weight files ${group.paths.map((p) => JSON.stringify(p)).join(", ")} hold ${got} bytes; the manifest's weights need ${needed}`,
      );
    }
  }
  const total = buffers.reduce((sum, b) => sum + b.length, 0);
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const bytes of buffers) {
    weightData.set(bytes, offset);
    offset += bytes.length;
  }
  const artifacts: io.ModelArtifacts = {
    modelTopology: json.modelTopology,
    weightSpecs,
    weightData: weightData.buffer,
  };
  const extra = artifacts as Record<string, unknown>;
  for (const key of [
    "format",
    "generatedBy",
    "convertedBy",
    "trainingConfig",
    "signature",
    "userDefinedMetadata",
    "modelInitializer",
    "initializerSignature",
  ] as const) {
    if (json[key] !== undefined) extra[key] = json[key];
  }
  return artifacts;
}

/** `sum` plus the bytes of one weight; undefined when its size is not fixed (strings). */
function addBytes(sum: number, spec: io.WeightsManifestEntry): number | undefined {
  const dtype = spec.quantization?.dtype ?? spec.dtype;
  const bytes = DTYPE_BYTES[dtype];
  if (bytes === undefined || !Array.isArray(spec.shape)) return undefined;
  return sum + bytes * spec.shape.reduce((a, b) => a * b, 1);
}
