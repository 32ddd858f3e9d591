import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";

/**
 * Runs one of the wasm backend's kernels directly on tensor infos
 * (internal: kernels built from other kernels, as the backends' own do).
 * The caller disposes the result with `backend.disposeData(result.dataId)`
 * unless it returns it.
 */
export function runWasmKernel(
  backend: BackendWasm,
  name: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: object,
): tf.TensorInfo {
  const kernel = tf.getKernel(name, "wasm");
  if (kernel === undefined) throw new Error(`the wasm backend has no kernel ${name}`);
  return kernel.kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap }) as tf.TensorInfo;
}
