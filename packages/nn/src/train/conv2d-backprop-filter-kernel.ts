import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";
import { runWasmKernel } from "./run-wasm-kernel.js";

/**
 * A `Conv2DBackpropFilter` kernel for TF.js's wasm backend (internal;
 * registered by `setupBackend`), which lacks one: without it no
 * convolutional network can be trained on wasm ("Kernel
 * 'Conv2DBackpropFilter' not registered").
 *
 * The filter gradient of a 2-D convolution is dW[i, j, c, o] =
 * Σ_{b, y, x} X[b, y·s + i - top, x·s + j - left, c] · dY[b, y, x, o] (zero
 * outside the image). It is computed as one matrix product: the input
 * patches are unfolded into a matrix P of N = batch·outHeight·outWidth rows
 * and K = filterHeight·filterWidth·inChannels columns (im2col, Chellapilla et
 * al. 2006, "High performance convolutional neural networks for document
 * processing"), and dW = Pᵀ dY reshaped to [fh, fw, in, out], with dY seen
 * as an N x out matrix. The product runs in the wasm backend's XNNPACK
 * matrix multiply; the unfolding is a JS loop over the wasm heap. Memory:
 * N·K floats for P. NHWC only (TF.js's layers use it).
 */
export const conv2dBackpropFilterKernel: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: "wasm",
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
      attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (dataFormat === "NCHW") {
      throw new RangeError(
        "Conv2DBackpropFilter on wasm: dataFormat NCHW is not supported; expected NHWC",
      );
    }
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
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
    // Pᵀ, K x N: the product Pᵀ dY is then the gradient in the filter's own
    // layout, and dY (fresh every step) is the small operand XNNPACK packs.
    const patches = wasm.makeOutput([columns, rows], "float32");
    // Views after the allocation: growing the wasm memory detaches older ones.
    const p = wasm.typedArrayFromHeap(patches) as Float32Array;
    const image = wasm.typedArrayFromHeap(x) as Float32Array;
    let row = 0;
    for (let b = 0; b < batchSize; b += 1) {
      for (let oy = 0; oy < outHeight; oy += 1) {
        for (let ox = 0; ox < outWidth; ox += 1) {
          let column = 0;
          for (let i = 0; i < filterHeight; i += 1) {
            const iy = oy * strideHeight - padInfo.top + i;
            for (let j = 0; j < filterWidth; j += 1) {
              const ix = ox * strideWidth - padInfo.left + j;
              if (iy < 0 || iy >= inHeight || ix < 0 || ix >= inWidth) {
                for (let c = 0; c < inChannels; c += 1) p[(column + c) * rows + row] = 0;
              } else {
                const from = ((b * inHeight + iy) * inWidth + ix) * inChannels;
                for (let c = 0; c < inChannels; c += 1) {
                  p[(column + c) * rows + row] = image[from + c]!;
                }
              }
              column += inChannels;
            }
          }
          row += 1;
        }
      }
    }
    const gradient = runWasmKernel(wasm, tf.Reshape, { x: dy }, { shape: [rows, outChannels] });
    const product = runWasmKernel(
      wasm,
      tf.BatchMatMul,
      { a: patches, b: gradient },
      { transposeA: false, transposeB: false },
    );
    const result = runWasmKernel(wasm, tf.Reshape, { x: product }, { shape: [...filterShape] });
    for (const t of [patches, gradient, product]) wasm.disposeData(t.dataId);
    return result;
  },
};
