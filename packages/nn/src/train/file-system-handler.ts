import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { describe } from "../validate.js";
import { writeFileSynced } from "./durable-files.js";

/** The weights file {@link fileSystemHandler} writes beside model.json. */
export const WEIGHTS_FILE = "weights.bin";

/**
 * A TF.js IO handler for a directory on disk, in the format of
 * `tfjs.converters.save_keras_model` and `@tensorflow/tfjs-node`'s `file://`
 * handler: `model.json` (the topology and a weights manifest) and the
 * weight files it names. Saving writes `model.json` and one `weights.bin`,
 * each flushed to disk (write into a temporary directory and rename it for
 * an atomic save, as the run directory does); loading reads any manifest,
 * sharded weights included.
 *
 * @param directory - The model's directory; it must exist when saving.
 * @returns An `IOHandler` for `model.save(handler)` and `tf.loadLayersModel(handler)`.
 * @example
 * ```ts
 * await model.save(fileSystemHandler("runs/a/model"));
 * const again = await tfl.loadLayersModel(fileSystemHandler("runs/a/model"));
 * ```
 */
export function fileSystemHandler(directory: string): tf.io.IOHandler {
  if (typeof directory !== "string" || directory === "") {
    throw new TypeError(`fileSystemHandler: directory must be a path; got ${describe(directory)}`);
  }
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      if (artifacts.modelTopology instanceof ArrayBuffer) {
        throw new TypeError("fileSystemHandler: binary model topologies are not supported");
      }
      const weights =
        artifacts.weightData === undefined
          ? new ArrayBuffer(0)
          : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        ...(artifacts.format === undefined ? {} : { format: artifacts.format }),
        ...(artifacts.generatedBy === undefined ? {} : { generatedBy: artifacts.generatedBy }),
        ...(artifacts.convertedBy === undefined ? {} : { convertedBy: artifacts.convertedBy }),
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig === undefined
          ? {}
          : { trainingConfig: artifacts.trainingConfig }),
        ...(artifacts.signature === undefined ? {} : { signature: artifacts.signature }),
        ...(artifacts.userDefinedMetadata === undefined
          ? {}
          : { userDefinedMetadata: artifacts.userDefinedMetadata }),
      };
      await writeFileSynced(join(directory, WEIGHTS_FILE), new Uint8Array(weights));
      await writeFileSynced(join(directory, "model.json"), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },

    async load(): Promise<tf.io.ModelArtifacts> {
      const path = join(directory, "model.json");
      let modelJson: tf.io.ModelJSON;
      try {
        modelJson = JSON.parse(await readFile(path, "utf8")) as tf.io.ModelJSON;
      } catch (error) {
        if (error instanceof SyntaxError) {
          throw new RangeError(
            `${path} is not valid JSON (${error.message}); expected a TF.js model.json`,
          );
        }
        throw error;
      }
      if (typeof modelJson !== "object" || modelJson === null || modelJson.modelTopology == null) {
        throw new RangeError(`${path} has no modelTopology; expected a TF.js model.json`);
      }
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          for (const file of group.paths) {
            const bytes = await readFile(join(directory, file));
            buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
          }
        }
        const specs = tf.io.getWeightSpecs(manifest);
        const data = tf.io.CompositeArrayBuffer.join(buffers);
        const expected = specs.reduce((total, spec) => total + weightBytes(spec), 0);
        if (!Number.isNaN(expected) && data.byteLength !== expected) {
          throw new RangeError(
            `${directory}: the weight files hold ${data.byteLength} bytes; model.json's manifest needs ${expected}`,
          );
        }
        return [specs, data];
      });
    },
  };
}

/** The bytes a weight takes in a weights file (NaN for strings, whose size varies). */
function weightBytes(spec: tf.io.WeightsManifestEntry): number {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const dtype = spec.quantization?.dtype ?? spec.dtype;
  const bytes: Record<string, number> = {
    float32: 4,
    int32: 4,
    complex64: 8,
    float16: 2,
    uint16: 2,
    uint8: 1,
    bool: 1,
  };
  return count * (bytes[dtype] ?? Number.NaN);
}
