import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";
import { runWasmKernel } from "./run-wasm-kernel.js";

/**
 * A faster `Conv2DBackpropInput` kernel for TF.js's wasm backend (internal;
 * registered by `setupBackend` in place of the backend's direct loop, which
 * took most of a small CNN's training step).
 *
 * The input gradient of a 2-D convolution scatters each output gradient
 * back through the filter: with the filter as a K x out matrix W (K =
 * filterHeight·filterWidth·inChannels) and dY as an N x out matrix (N =
 * batch·outHeight·outWidth), the patch gradients dP = dY Wᵀ (one XNNPACK
 * product) are summed back into the image positions they were read from
 * (col2im, the adjoint of the im2col unfolding; Chellapilla et al. 2006).
 * Memory: N·K floats for dP. NHWC only.
 */
export const conv2dBackpropInputKernel: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: "wasm",
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
      attrs as unknown as tf.Conv2DBackpropInputAttrs;
    if (dataFormat === "NCHW") {
      throw new RangeError(
        "Conv2DBackpropInput on wasm: dataFormat NCHW is not supported; expected NHWC",
      );
    }
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      "channelsLast",
    );
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
    const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
    const rows = batchSize * outHeight * outWidth;
    const columns = filterHeight * filterWidth * inChannels;
    const weights = runWasmKernel(
      wasm,
      tf.Reshape,
      { x: filter },
      { shape: [columns, outChannels] },
    );
    const weightsT = runWasmKernel(wasm, tf.Transpose, { x: weights }, { perm: [1, 0] });
    const gradient = runWasmKernel(wasm, tf.Reshape, { x: dy }, { shape: [rows, outChannels] });
    const patches = runWasmKernel(
      wasm,
      tf.BatchMatMul,
      { a: gradient, b: weightsT },
      { transposeA: false, transposeB: false },
    );
    const result = wasm.makeOutput([...inputShape], "float32");
    // Views after the allocation: growing the wasm memory detaches older ones.
    const dx = wasm.typedArrayFromHeap(result) as Float32Array;
    const dp = wasm.typedArrayFromHeap(patches) as Float32Array;
    dx.fill(0);
    let at = 0;
    for (let b = 0; b < batchSize; b += 1) {
      for (let oy = 0; oy < outHeight; oy += 1) {
        for (let ox = 0; ox < outWidth; ox += 1) {
          for (let i = 0; i < filterHeight; i += 1) {
            const iy = oy * strideHeight - padInfo.top + i;
            for (let j = 0; j < filterWidth; j += 1) {
              const ix = ox * strideWidth - padInfo.left + j;
              if (iy >= 0 && iy < inHeight && ix >= 0 && ix < inWidth) {
                const to = ((b * inHeight + iy) * inWidth + ix) * inChannels;
                for (let c = 0; c < inChannels; c += 1) dx[to + c]! += dp[at + c]!;
              }
              at += inChannels;
            }
          }
        }
      }
    }
    for (const t of [weights, weightsT, gradient, patches]) wasm.disposeData(t.dataId);
    return result;
  },
};
