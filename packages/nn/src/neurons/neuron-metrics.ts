import type { CorrelationDissimilarityKind } from "@nettopo/core";

/**
 * The names of the neuron metrics that `nettopo neurons --metric`, the
 * training monitor and `topology.jsonl` use, with core's dissimilarity of
 * each: `abs-correlation` is 1-|corr| (Corneanu et al. 2019, Ballester et
 * al. 2024), `sqrt-abs-correlation` is sqrt(1-|corr|), `correlation` is
 * 1-corr. A constant (dead) neuron has correlation 0 with every other.
 *
 * @example
 * ```ts
 * bootstrapNeuronPersistence(layers, { dissimilarity: NEURON_METRICS["abs-correlation"] }); // "1-|corr|"
 * ```
 */
export const NEURON_METRICS = {
  "abs-correlation": "1-|corr|",
  "sqrt-abs-correlation": "sqrt(1-|corr|)",
  correlation: "1-corr",
} as const satisfies Record<string, CorrelationDissimilarityKind>;

/** A neuron metric's name (a key of {@link NEURON_METRICS}). */
export type NeuronMetric = keyof typeof NEURON_METRICS;
