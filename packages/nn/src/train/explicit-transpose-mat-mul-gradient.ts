import * as tf from "@tensorflow/tfjs-core";

/**
 * The gradient of TF.js's `BatchMatMul` kernel written with explicit
 * transposes (internal; registered by `setupBackend`).
 *
 * For C = op(A) op(B) with op = identity or transpose, the gradients are
 * products of dC with A or B, some of them transposed (Giles 2008, "An
 * extended collection of matrix derivative results", eq. for C = AB:
 * dA = dC Bᵀ, dB = Aᵀ dC). TF.js's stock gradient hands the transposes to the
 * BatchMatMul kernel as flags; the wasm backend multiplies transposed operands
 * on a slow path, while its plain product runs in XNNPACK. Transposing
 * first (an O(n²) copy) and multiplying plainly gives the same numbers and
 * made an MLP's training step about 4x faster here (see bench/train.mjs).
 */
export const explicitTransposeMatMulGradient: tf.GradConfig = {
  kernelName: tf.BatchMatMul,
  inputsToSave: ["a", "b"],
  gradFunc: (dy, saved, attrs) => {
    const [a, b] = saved as [tf.Tensor, tf.Tensor];
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const g = dy as tf.Tensor;
    if (!transposeA && !transposeB) {
      return { a: () => product(g, b, false, true), b: () => product(a, g, true, false) };
    }
    if (!transposeA && transposeB) {
      return { a: () => product(g, b, false, false), b: () => product(g, a, true, false) };
    }
    if (transposeA && !transposeB) {
      return { a: () => product(b, g, false, true), b: () => product(a, g, false, false) };
    }
    return { a: () => product(b, g, true, true), b: () => product(g, a, true, true) };
  },
};

/** op(x) op(y), transposing the operands before a plain product. */
function product(x: tf.Tensor, y: tf.Tensor, transposeX: boolean, transposeY: boolean): tf.Tensor {
  return tf.matMul(transposeX ? swapLast(x) : x, transposeY ? swapLast(y) : y);
}

/** Swaps the last two axes (the matrix transpose of each matrix in a batch). */
function swapLast(x: tf.Tensor): tf.Tensor {
  const rank = x.rank;
  const perm = Array.from({ length: rank }, (_, k) => k);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return tf.transpose(x, perm);
}
