import { barcodeOf } from "../diagrams/barcode.js";
import { diagramStatistics, type NamedFeatures } from "../diagrams/features/diagram-statistics.js";
import { persistentEntropy } from "../diagrams/features/persistent-entropy.js";
import { requireInteger, requireOptions } from "../metric/validate.js";
import type { PersistenceDiagram } from "../types.js";

/** Options of {@link neuronFeatures}. */
export interface NeuronFeaturesOptions {
  /** The dimensions described are 0..maxDim; default 1. */
  readonly maxDim?: number;
  /** How many of the longest lifetimes per group; default 5. */
  readonly topK?: number;
}

/**
 * The features of one neuron diagram that nettopo follows across bootstrap
 * repeats and epochs, as one named vector: the summary statistics of
 * {@link diagramStatistics} for dimensions 0..maxDim and their pooled pairs
 * (`h0.count`, `h0.lifetime.mean`, ..., `all.top5.lifetime`: the features
 * Ballester et al. regress the generalization gap on), then the persistent
 * entropy of each dimension (`h0.entropy`, `h1.entropy`, ...; natural log,
 * {@link persistentEntropy}). Essential classes are left out of both (the
 * one essential H0 class of a connected complex carries no information).
 *
 * @param diagram - A persistence diagram.
 * @param options - `maxDim` (default 1), `topK` (default 5).
 * @returns The names and values; the names depend only on the options.
 * @throws TypeError / RangeError for a bad diagram or option.
 * @example
 * ```ts
 * const diagram = { dimensions: [{ dim: 0, ...barcode([[0, 0.5], [0, 1], [0, null]]) }, { dim: 1, ...barcode([]) }] };
 * const { names, values } = neuronFeatures(diagram);
 * values[names.indexOf("h0.lifetime.mean")]; // 0.75
 * values[names.indexOf("h0.entropy")]; // 0.6365141682948128 (lifetimes 0.5 and 1)
 * ```
 * @see R. Ballester et al., "Predicting the generalization gap in neural
 *   networks using topological data analysis", Neurocomputing 596 (2024).
 */
export function neuronFeatures(
  diagram: PersistenceDiagram,
  options?: NeuronFeaturesOptions,
): NamedFeatures {
  const opts = requireOptions("neuronFeatures: options", options);
  const maxDim =
    opts.maxDim === undefined
      ? 1
      : requireInteger("neuronFeatures: options.maxDim", opts.maxDim, 0);
  const dimensions = Array.from({ length: maxDim + 1 }, (_, k) => k);
  const statistics = diagramStatistics(diagram, {
    dimensions,
    pooled: true,
    ...(opts.topK === undefined ? {} : { topK: opts.topK }),
  });
  const names = [...statistics.names];
  const values = [...statistics.values];
  for (const dim of dimensions) {
    names.push(`h${dim}.entropy`);
    values.push(persistentEntropy(barcodeOf(diagram, dim)));
  }
  return { names, values: Float64Array.from(values) };
}
