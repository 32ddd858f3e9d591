import { open, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { OnnxSessionOptions } from "../onnx/create-onnx-session.js";
import { loadOnnxModel } from "../onnx/load-onnx-model.js";
import type { OnnxModel } from "../onnx/onnx-model.js";
import { loadTfjsModel } from "../tfjs/load-tfjs-model.js";
import type { TfjsModel } from "../tfjs/tfjs-model.js";
import { describe } from "../validate.js";

/**
 * Loads a model by its file: a directory (holding `model.json`) or a `.json`
 * file is a TF.js model (`loadTfjsModel`), a `.onnx` file an ONNX model
 * (`loadOnnxModel`); a file of another name is a TF.js model.json when its
 * first non-blank byte is `{`, and an ONNX model otherwise. Both kinds list
 * their layers alike and go to `extractActivations` / `writeActivationsNpz`.
 *
 * @param path - The .onnx file, the model.json file or its directory.
 * @param options - The onnxruntime session options for an ONNX model
 *   (default one thread, "extended" optimizations); unused for TF.js.
 * @returns An `OnnxModel` or a `TfjsModel`.
 * @throws As the loader it picks: a one-line RangeError for a file that is
 *   not a model of that kind; the file system's error when it cannot be read.
 *
 * @example
 * const model = await loadModel("fixtures/tfjs/cnn"); // a TfjsModel
 * const other = await loadModel("fixtures/onnx/cnn.onnx"); // an OnnxModel
 */
export async function loadModel(
  path: string,
  options: OnnxSessionOptions = {},
): Promise<OnnxModel | TfjsModel> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError(`loadModel: path must be a non-empty string; got ${describe(path)}`);
  }
  if ((await stat(path)).isDirectory()) return loadTfjsModel(join(path, "model.json"));
  const extension = extname(path).toLowerCase();
  if (extension === ".onnx") return loadOnnxModel(path, options);
  if (extension === ".json") return loadTfjsModel(path);
  return (await startsWithBrace(path)) ? loadTfjsModel(path) : loadOnnxModel(path, options);
}

/** Whether the file's first non-blank byte (among its first 64) is `{`. */
async function startsWithBrace(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(new Uint8Array(64), 0, 64, 0);
    const text = new TextDecoder().decode(buffer.subarray(0, bytesRead));
    return text.trimStart().startsWith("{");
  } finally {
    await handle.close();
  }
}
