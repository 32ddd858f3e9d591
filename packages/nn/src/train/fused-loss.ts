import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";
import type { LossName } from "./evaluate-model.js";

/** The kernel computing a batch's mean loss and its gradient in one pass. */
const KERNEL = "NettopoClassifierLoss";

let registered = false;

/**
 * The mean loss of a batch and its gradient in one kernel (internal; the
 * training step's loss on wasm). TF.js composes softmax cross-entropy from
 * about ten ops, and as many again for its gradient, each with tens of
 * microseconds of bookkeeping: a third of a small MLP's step. Here one pass
 * over the logits gives the loss and the gradient the backward pass scales
 * by the incoming gradient:
 *
 * - cross-entropy: loss = mean_i (logsumexp(z_i) − z_i[y_i]), gradient
 *   (softmax(z_i) − onehot(y_i)) / n (the log-sum-exp shifted by the row
 *   maximum, as every stable implementation does);
 * - mse: loss = mean_{i,c} (z_ic − t_ic)², gradient 2 (z_ic − t_ic) / (n·C).
 *
 * Other backends compute the same with TF.js ops.
 *
 * @param outputs - The logits, [n, C].
 * @param targets - One-hot rows, [n, C].
 */
export function meanLoss(outputs: tf.Tensor2D, targets: tf.Tensor2D, loss: LossName): tf.Scalar {
  if (tf.getBackend() !== "wasm") {
    return loss === "cross-entropy"
      ? tf.losses.softmaxCrossEntropy(targets, outputs, undefined, 0, tf.Reduction.MEAN)
      : tf.mean(tf.squaredDifference(outputs, targets));
  }
  if (!registered) {
    tf.registerKernel({ kernelName: KERNEL, backendName: "wasm", kernelFunc: lossKernel });
    registered = true;
  }
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const [value, gradient] = tf
      .engine()
      .runKernel(KERNEL, { outputs: z, targets }, { loss }) as tf.Tensor[];
    save([gradient!]);
    return {
      value: value as tf.Scalar,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, saved[0]!),
    };
  });
  return f(outputs) as tf.Scalar;
}

function lossKernel({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as BackendWasm;
  const { outputs, targets } = inputs as { outputs: tf.TensorInfo; targets: tf.TensorInfo };
  const { loss } = attrs as unknown as { loss: LossName };
  const [n, classes] = outputs.shape as [number, number];
  const value = wasm.makeOutput([], "float32");
  const gradient = wasm.makeOutput([n, classes], "float32");
  // Views after the allocations: growing the wasm memory detaches older ones.
  const z = wasm.typedArrayFromHeap(outputs) as Float32Array;
  const t = wasm.typedArrayFromHeap(targets) as Float32Array;
  const g = wasm.typedArrayFromHeap(gradient) as Float32Array;
  let total = 0;
  if (loss === "cross-entropy") {
    for (let i = 0; i < n; i += 1) {
      const row = i * classes;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < classes; c += 1) max = Math.max(max, z[row + c]!);
      let sum = 0;
      for (let c = 0; c < classes; c += 1) sum += Math.exp(z[row + c]! - max);
      const logSum = Math.log(sum) + max;
      for (let c = 0; c < classes; c += 1) {
        const target = t[row + c]!;
        total += target * (logSum - z[row + c]!);
        g[row + c] = (Math.exp(z[row + c]! - logSum) - target) / n;
      }
    }
    (wasm.typedArrayFromHeap(value) as Float32Array)[0] = total / n;
  } else {
    const count = n * classes;
    for (let k = 0; k < count; k += 1) {
      const d = z[k]! - t[k]!;
      total += d * d;
      g[k] = (2 * d) / count;
    }
    (wasm.typedArrayFromHeap(value) as Float32Array)[0] = total / count;
  }
  return [value, gradient];
}
