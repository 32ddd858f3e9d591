import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import * as tfl from "@tensorflow/tfjs-layers";
import { describe } from "../validate.js";
import { fileSystemHandler } from "./file-system-handler.js";
import { setupBackend } from "./setup-backend.js";

/**
 * Loads a TF.js Layers model from disk (a run's `model/` or
 * `checkpoints/epoch-NNN/`, or a Keras model converted by `tensorflowjs`)
 * onto the wasm backend.
 *
 * @param path - The model's directory, or its `model.json`.
 * @returns The model, ready for `evaluateModel`, `layerActivations` or more training.
 * @throws RangeError for a directory without a valid model.json, or weight
 *   files that do not match its manifest.
 * @example
 * ```ts
 * const model = await loadTfjsModel("runs/d4/model");
 * ```
 */
export async function loadTfjsModel(path: string): Promise<tfl.LayersModel> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError(
      `loadTfjsModel: path must be a directory or a model.json; got ${describe(path)}`,
    );
  }
  await setupBackend();
  let directory = path;
  try {
    if (!(await stat(path)).isDirectory()) directory = dirname(path);
  } catch {
    throw new RangeError(`loadTfjsModel: no such model directory or file: ${path}`);
  }
  try {
    return await tfl.loadLayersModel(fileSystemHandler(directory));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new RangeError(
        `loadTfjsModel: ${directory} has no model.json or misses a weight file it names`,
      );
    }
    throw error;
  }
}
