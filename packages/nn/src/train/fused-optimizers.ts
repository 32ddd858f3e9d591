import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";

/**
 * Adam and momentum SGD whose per-variable update is one kernel (internal;
 * made by `createOptimizer`). TF.js's optimizers update each variable with
 * about eight element-wise ops, and each op costs tens of microseconds of
 * bookkeeping whatever its size: for a small MLP the optimizer took half of
 * the kernels of a step. These subclasses keep TF.js's state layout
 * (`getWeights`/`setWeights`, checkpoints, the class names "Adam" and
 * "Momentum") and replace `applyGradients` by one wasm-heap loop per
 * variable, computing the same formulas (Kingma & Ba 2015, Algorithm 1, with
 * TF.js's bias correction by the running powers β^t; momentum as PyTorch's
 * SGD without dampening) in float64 and storing float32. On another backend
 * they fall back to TF.js's own update. TF.js 4.22's private fields are read
 * by name; the version is pinned.
 */

/** The kernel names of the fused updates. */
const ADAM = "NettopoAdamUpdate";
const MOMENTUM = "NettopoMomentumUpdate";

/** Adam's private state in TF.js 4.22. */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
  incrementIterations(): void;
}

/** Momentum's private state in TF.js 4.22. */
interface MomentumState {
  learningRate: number;
  momentum: number;
  useNesterov: boolean;
  accumulations: { originalName: string; variable: tf.Variable }[];
  incrementIterations(): void;
}

/** Adam with one fused kernel per variable on wasm. */
/** What TF.js's `applyGradients` takes. */
type VariableGradients = Parameters<tf.AdamOptimizer["applyGradients"]>[0];

export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(variableGradients: VariableGradients): void {
    if (tf.getBackend() !== "wasm") {
      super.applyGradients(variableGradients);
      return;
    }
    registerKernels();
    const state = this as unknown as AdamState;
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    const [power1, power2] = [state.accBeta1.dataSync()[0]!, state.accBeta2.dataSync()[0]!];
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name]!;
        state.accumulatedFirstMoment[i] ??= {
          originalName: `${name}/m`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        state.accumulatedSecondMoment[i] ??= {
          originalName: `${name}/v`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        const gradient = Array.isArray(variableGradients)
          ? variableGradients[i]!.tensor
          : variableGradients[name];
        if (gradient == null) return;
        const m = state.accumulatedFirstMoment[i]!.variable;
        const v = state.accumulatedSecondMoment[i]!.variable;
        const [newValue, newM, newV] = tf.engine().runKernel(
          ADAM,
          { value, gradient, m, v },
          {
            learningRate: state.learningRate,
            beta1: state.beta1,
            beta2: state.beta2,
            epsilon: state.epsilon,
            correction1: 1 - power1,
            correction2: 1 - power2,
          },
        ) as tf.Tensor[];
        m.assign(newM!);
        v.assign(newV!);
        value.assign(newValue!);
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, state.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, state.beta2));
    });
    state.incrementIterations();
  }
}

/** SGD with momentum, one fused kernel per variable on wasm. */
export class FusedMomentumOptimizer extends tf.MomentumOptimizer {
  override applyGradients(variableGradients: VariableGradients): void {
    const state = this as unknown as MomentumState;
    if (tf.getBackend() !== "wasm" || state.useNesterov) {
      super.applyGradients(variableGradients);
      return;
    }
    registerKernels();
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name]!;
        state.accumulations[i] ??= {
          originalName: `${name}/momentum`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        const gradient = Array.isArray(variableGradients)
          ? variableGradients[i]!.tensor
          : variableGradients[name];
        if (gradient == null) return;
        const accumulation = state.accumulations[i]!.variable;
        const [newValue, newAccumulation] = tf
          .engine()
          .runKernel(
            MOMENTUM,
            { value, gradient, accumulation },
            { learningRate: state.learningRate, momentum: state.momentum },
          ) as tf.Tensor[];
        accumulation.assign(newAccumulation!);
        value.assign(newValue!);
      });
    });
    state.incrementIterations();
  }
}

let registered = false;

function registerKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: ADAM, backendName: "wasm", kernelFunc: adamUpdate });
  tf.registerKernel({ kernelName: MOMENTUM, backendName: "wasm", kernelFunc: momentumUpdate });
}

/** value, m, v → value', m', v' (Adam's step with bias correction). */
function adamUpdate({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as BackendWasm;
  const { value, gradient, m, v } = inputs as Record<string, tf.TensorInfo>;
  const a = attrs as unknown as Record<string, number>;
  const outputs = [value!, m!, v!].map((t) => wasm.makeOutput([...t.shape], "float32"));
  // Views after the allocations: growing the wasm memory detaches older ones.
  const [w, g, m0, v0] = [value!, gradient!, m!, v!].map(
    (t) => wasm.typedArrayFromHeap(t) as Float32Array,
  );
  const [w1, m1, v1] = outputs.map((t) => wasm.typedArrayFromHeap(t) as Float32Array);
  const { learningRate, beta1, beta2, epsilon, correction1, correction2 } = a;
  for (let k = 0; k < w!.length; k += 1) {
    const gk = g![k]!;
    const mk = beta1! * m0![k]! + (1 - beta1!) * gk;
    const vk = beta2! * v0![k]! + (1 - beta2!) * gk * gk;
    m1![k] = mk;
    v1![k] = vk;
    w1![k] =
      w![k]! - (learningRate! * (mk / correction1!)) / (Math.sqrt(vk / correction2!) + epsilon!);
  }
  return outputs;
}

/** value, accumulation → value', accumulation' (buffer ← μ·buffer + g; value ← value − lr·buffer). */
function momentumUpdate({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as BackendWasm;
  const { value, gradient, accumulation } = inputs as Record<string, tf.TensorInfo>;
  const { learningRate, momentum } = attrs as unknown as Record<string, number>;
  const outputs = [value!, accumulation!].map((t) => wasm.makeOutput([...t.shape], "float32"));
  const [w, g, b] = [value!, gradient!, accumulation!].map(
    (t) => wasm.typedArrayFromHeap(t) as Float32Array,
  );
  const [w1, b1] = outputs.map((t) => wasm.typedArrayFromHeap(t) as Float32Array);
  for (let k = 0; k < w!.length; k += 1) {
    const bk = momentum! * b![k]! + g![k]!;
    b1![k] = bk;
    w1![k] = w![k]! - learningRate! * bk;
  }
  return outputs;
}
