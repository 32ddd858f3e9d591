import * as tf from "@tensorflow/tfjs-core";
import { describe, optionalChoice, optionalNumber, requireOptions } from "../validate.js";
import { FusedAdamOptimizer, FusedMomentumOptimizer } from "./fused-optimizers.js";

/**
 * An optimizer as data (so a run's `config.json` can rebuild it). The
 * defaults are PyTorch's.
 */
export interface OptimizerConfig {
  /** `"adam"` (Kingma & Ba 2015) or `"sgd"` (with optional momentum); default `"adam"`. */
  readonly name?: "adam" | "sgd";
  /** Step size; default 1e-3 for Adam, 1e-2 for SGD. */
  readonly learningRate?: number;
  /** SGD momentum μ (buffer ← μ·buffer + gradient, as PyTorch, no dampening); default 0. */
  readonly momentum?: number;
  /** Adam's β1; default 0.9. */
  readonly beta1?: number;
  /** Adam's β2; default 0.999. */
  readonly beta2?: number;
  /** Adam's ε; default 1e-8 (PyTorch's; TF.js's own default is 1e-7). */
  readonly epsilon?: number;
  /**
   * L2 weight decay λ: adds (λ/2)·‖W‖² over the kernels of the dense and
   * conv layers to the loss, so λ·W to their gradients, as PyTorch's
   * `weight_decay` does for SGD and Adam (coupled, not AdamW); biases and
   * batch-norm parameters are not decayed. Default 0.
   */
  readonly weightDecay?: number;
}

/** An {@link OptimizerConfig} with every default filled in. */
export type ResolvedOptimizerConfig = Required<OptimizerConfig>;

/**
 * Fills in and checks an {@link OptimizerConfig}.
 *
 * @throws TypeError / RangeError naming the bad field.
 * @example
 * ```ts
 * resolveOptimizerConfig({ name: "sgd", momentum: 0.9 }).learningRate; // 0.01
 * ```
 */
export function resolveOptimizerConfig(config?: OptimizerConfig): ResolvedOptimizerConfig {
  const c = requireOptions("optimizer", config);
  const name = optionalChoice("optimizer.name", c.name, ["adam", "sgd"], "adam");
  const positive = (field: keyof OptimizerConfig, value: unknown, fallback: number) => {
    const v = optionalNumber(`optimizer.${field}`, value, fallback, 0);
    if (v <= 0) throw new RangeError(`optimizer.${field} must be > 0; got ${describe(v)}`);
    return v;
  };
  return {
    name,
    learningRate: positive("learningRate", c.learningRate, name === "adam" ? 1e-3 : 1e-2),
    momentum: optionalNumber("optimizer.momentum", c.momentum, 0, 0, 0.999999),
    beta1: optionalNumber("optimizer.beta1", c.beta1, 0.9, 0, 0.999999),
    beta2: optionalNumber("optimizer.beta2", c.beta2, 0.999, 0, 0.999999),
    epsilon: positive("epsilon", c.epsilon, 1e-8),
    weightDecay: optionalNumber("optimizer.weightDecay", c.weightDecay, 0, 0),
  };
}

/**
 * A TF.js optimizer from an {@link OptimizerConfig} (weight decay is applied
 * by the training loop, not by the optimizer). Adam and momentum SGD update
 * each variable in one fused kernel on wasm (same formulas and state as
 * TF.js's `AdamOptimizer` and `MomentumOptimizer`, whose class names they keep). Adam and momentum SGD update
 * each variable in one fused kernel on wasm (same formulas and state as
 * TF.js's `AdamOptimizer` and `MomentumOptimizer`, whose class names they keep).
 *
 * @example
 * ```ts
 * const optimizer = createOptimizer({ name: "sgd", learningRate: 0.05, momentum: 0.9 });
 * ```
 */
export function createOptimizer(config?: OptimizerConfig): tf.Optimizer {
  const c = resolveOptimizerConfig(config);
  if (c.name === "adam") return new FusedAdamOptimizer(c.learningRate, c.beta1, c.beta2, c.epsilon);
  return c.momentum > 0
    ? new FusedMomentumOptimizer(c.learningRate, c.momentum)
    : tf.train.sgd(c.learningRate);
}
