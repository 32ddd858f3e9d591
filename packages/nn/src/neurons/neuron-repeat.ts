import {
  type AbortSignalLike,
  type CorrelationDissimilarityKind,
  deriveSeed,
  type LayerActivations,
  type NeuronCorrelations,
  type NeuronPersistence,
  type NeuronSampling,
  neuronPersistence,
  type Precision,
} from "@nettopo/core";

/**
 * The settings of one bootstrap repeat, as they travel to a worker thread
 * (plain data; internal).
 */
export interface RepeatSettings {
  readonly neurons: number | undefined;
  readonly sampling: NeuronSampling;
  readonly inputs: number | undefined;
  readonly dissimilarity: CorrelationDissimilarityKind;
  readonly maxDim: number;
  readonly threshold: number;
  readonly precision: Precision;
  readonly memoryBudgetBytes: number | undefined;
  readonly seed: number;
}

/**
 * Repeat `repeat` of a bootstrap (internal): {@link neuronPersistence} with
 * the seed `deriveSeed(settings.seed, repeat)`. The same in a worker and in
 * the calling thread, so results do not depend on where it runs.
 */
export function runRepeat(
  layers: readonly LayerActivations[],
  settings: RepeatSettings,
  repeat: number,
  correlations: NeuronCorrelations | undefined,
  signal?: AbortSignalLike,
): NeuronPersistence {
  return neuronPersistence(layers, {
    ...(correlations === undefined ? {} : { correlations }),
    ...(settings.neurons === undefined ? {} : { neurons: settings.neurons }),
    ...(settings.inputs === undefined ? {} : { inputs: settings.inputs }),
    ...(settings.memoryBudgetBytes === undefined
      ? {}
      : { memoryBudgetBytes: settings.memoryBudgetBytes }),
    sampling: settings.sampling,
    dissimilarity: settings.dissimilarity,
    maxDim: settings.maxDim,
    threshold: settings.threshold,
    precision: settings.precision,
    seed: deriveSeed(settings.seed, repeat),
    ...(signal ? { signal } : {}),
  });
}
