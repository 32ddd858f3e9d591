import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";
import { runWasmKernel } from "./run-wasm-kernel.js";

/**
 * Wraps the wasm backend's `BatchMatMul` kernel so that transposed operands
 * are transposed explicitly (the wasm `Transpose` kernel) before a plain
 * product (internal; installed by `setupBackend`). The backend multiplies
 * transposed operands on a slow path; besides the gradient of `matMul`
 * (see `explicitTransposeMatMulGradient`), TF.js's fused dense layers
 * (`_FusedMatMul`, a Dense layer without a fused activation, such as every
 * layer of `buildModel`) compute their gradients with transposed products
 * that no gradient registration reaches.
 *
 * @param plain - The backend's own BatchMatMul kernel.
 */
export function explicitTransposeMatMulKernel(plain: tf.KernelConfig): tf.KernelConfig {
  return {
    ...plain,
    kernelFunc: (args) => {
      const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
      if (!transposeA && !transposeB) return plain.kernelFunc(args);
      const backend = args.backend as BackendWasm;
      const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const swap = (x: tf.TensorInfo) => {
        const perm = x.shape.map((_, k) => k);
        perm[perm.length - 2] = perm.length - 1;
        perm[perm.length - 1] = perm.length - 2;
        return runWasmKernel(backend, tf.Transpose, { x }, { perm });
      };
      const a2 = transposeA ? swap(a) : a;
      const b2 = transposeB ? swap(b) : b;
      const result = plain.kernelFunc({
        ...args,
        inputs: { a: a2, b: b2 },
        attrs: { ...args.attrs, transposeA: false, transposeB: false },
      }) as tf.TensorInfo;
      if (transposeA) backend.disposeData(a2.dataId);
      if (transposeB) backend.disposeData(b2.dataId);
      return result;
    },
  };
}
