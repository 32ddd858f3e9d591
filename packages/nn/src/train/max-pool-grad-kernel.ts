import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";

/**
 * A faster `MaxPoolGrad` kernel for TF.js's wasm backend (internal;
 * registered by `setupBackend` in place of the backend's, which rescans
 * every window for every input position).
 *
 * One pass over the windows: each window's output gradient goes to the
 * position of its maximum input, the first one in row-major window order
 * when several are equal (as PyTorch's max pooling and TF.js's CPU backend
 * choose), and gradients of overlapping windows add up. NHWC.
 */
export const maxPoolGradKernel: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: "wasm",
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
    const { effectiveFilterHeight, effectiveFilterWidth, strideHeight, strideWidth } = info;
    const { dilationHeight, dilationWidth, padInfo } = info;
    const result = wasm.makeOutput([...input.shape], "float32");
    // Views after the allocation: growing the wasm memory detaches older ones.
    const dx = wasm.typedArrayFromHeap(result) as Float32Array;
    const x = wasm.typedArrayFromHeap(input) as Float32Array;
    const g = wasm.typedArrayFromHeap(dy) as Float32Array;
    dx.fill(0);
    let out = 0;
    for (let b = 0; b < batchSize; b += 1) {
      for (let oy = 0; oy < outHeight; oy += 1) {
        const top = oy * strideHeight - padInfo.top;
        const yFrom = Math.max(0, top);
        const yTo = Math.min(inHeight, top + effectiveFilterHeight);
        for (let ox = 0; ox < outWidth; ox += 1) {
          const left = ox * strideWidth - padInfo.left;
          const xFrom = Math.max(0, left);
          const xTo = Math.min(inWidth, left + effectiveFilterWidth);
          for (let c = 0; c < inChannels; c += 1) {
            let best = Number.NEGATIVE_INFINITY;
            let where = -1;
            for (let iy = yFrom; iy < yTo; iy += 1) {
              if ((iy - top) % dilationHeight !== 0) continue;
              let at = ((b * inHeight + iy) * inWidth + xFrom) * inChannels + c;
              for (let ix = xFrom; ix < xTo; ix += 1, at += inChannels) {
                if ((ix - left) % dilationWidth !== 0) continue;
                const v = x[at]!;
                if (v > best || where === -1) {
                  best = v;
                  where = at;
                }
              }
            }
            if (where >= 0) dx[where]! += g[out + c]!;
          }
          out += inChannels;
        }
      }
    }
    return result;
  },
};
