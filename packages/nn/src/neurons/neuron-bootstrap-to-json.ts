import { diagramToJSON, type Precision } from "@nettopo/core";
import { describe, requireOptions } from "../validate.js";
import type { NeuronBootstrap } from "./bootstrap-neuron-persistence.js";

/** A layer's shape, as the activations of {@link neuronBootstrapToJson} were given. */
export interface NeuronLayerShape {
  /** The layer's name. */
  readonly name: string;
  /** Inputs (rows) of its activations. */
  readonly samples: number;
  /** Its neurons (columns). */
  readonly neurons: number;
}

/** Options of {@link neuronBootstrapToJson}. */
export interface NeuronBootstrapToJsonOptions {
  /**
   * The layers the bootstrap ran on (e.g. its `LayerActivations`), for the
   * `layers` entry. Required.
   */
  readonly layers: readonly NeuronLayerShape[];
  /** The precision the diagrams were computed in; default `"float32"` (the bootstrap's default). */
  readonly precision?: Precision;
  /** Whether each repeat lists its `inputs` and `neurons` indices; default true. */
  readonly includeIndices?: boolean;
}

/** One repeat as JSON. */
export interface NeuronRepeatJson {
  readonly repeat: number;
  readonly seed: number;
  /** The inputs sampled (only with `includeIndices`). */
  readonly inputs?: number[];
  /** The neurons sampled: their layer's index and index in it (only with `includeIndices`). */
  readonly neurons?: { readonly layers: number[]; readonly indices: number[] };
  /** Positions (in the sample) of the neurons constant over the inputs. */
  readonly constantNeurons: number[];
  /** The diagram, as `nettopo ph` writes it (`null` death: essential). */
  readonly diagrams: { dim: number; pairs: [number, number | null][] }[];
  /** Features by name; `null` for a non-finite value. */
  readonly features: Record<string, number | null>;
}

/** The layers, repeats and summary of a bootstrap as JSON. */
export interface NeuronBootstrapJson {
  readonly layers: {
    readonly name: string;
    readonly inputs: number;
    readonly neurons: number;
    readonly constantNeurons: readonly number[];
  }[];
  readonly repeats: NeuronRepeatJson[];
  readonly summary: {
    readonly features: Record<
      string,
      { mean: number | null; std: number | null; min: number | null; max: number | null }
    >;
    readonly bettiCurves: {
      dim: number;
      grid: number[];
      mean: number[];
      lower: number[] | null;
      upper: number[] | null;
      halfWidth: number | null;
      curves: number[][];
    }[];
  };
}

/**
 * The JSON form of a {@link NeuronBootstrap}, shared by `nettopo neurons
 * --format json` and the training monitor's `topology.jsonl`: the layers
 * (name, inputs, neurons, constant neurons), every repeat (its seed, the
 * inputs and neurons it sampled, its constant neurons, its diagram in
 * `nettopo ph`'s form and its features) and the summary (mean, standard
 * deviation, min and max of each feature; the Betti curve bands). A
 * non-finite number is written `null`, as is the death of an essential class.
 *
 * @param result - What `bootstrapNeuronPersistence` returned.
 * @param options - `layers` (required: the shapes of the activations),
 *   `precision` (default `"float32"`), `includeIndices` (default true).
 * @returns Plain data for `JSON.stringify`.
 * @throws TypeError for a missing `layers` or a result that is not a bootstrap.
 * @example
 * ```ts
 * const result = await bootstrapNeuronPersistence(layers, { repeats: 4, neurons: 100 });
 * JSON.stringify(neuronBootstrapToJson(result, { layers, includeIndices: false }));
 * ```
 */
export function neuronBootstrapToJson(
  result: NeuronBootstrap,
  options: NeuronBootstrapToJsonOptions,
): NeuronBootstrapJson {
  const caller = "neuronBootstrapToJson";
  if (
    typeof result !== "object" ||
    result === null ||
    !Array.isArray((result as { repeats?: unknown }).repeats) ||
    result.spread === undefined
  ) {
    throw new TypeError(
      `${caller}: result must be what bootstrapNeuronPersistence returns; got ${describe(result)}`,
    );
  }
  const opts = requireOptions(`${caller}: options`, options);
  if (!Array.isArray(opts.layers)) {
    throw new TypeError(
      `${caller}: options.layers must be the layers' shapes [{ name, samples, neurons }]; got ${describe(opts.layers)}`,
    );
  }
  const precision = opts.precision ?? "float32";
  const includeIndices = opts.includeIndices ?? true;
  const write = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    layers: opts.layers.map((layer) => ({
      name: layer.name,
      inputs: layer.samples,
      neurons: layer.neurons,
      constantNeurons: result.constantNeurons[layer.name] ?? [],
    })),
    repeats: result.repeats.map((repeat) => ({
      repeat: repeat.repeat,
      seed: repeat.seed,
      ...(includeIndices
        ? {
            inputs: Array.from(repeat.inputs),
            neurons: {
              layers: Array.from(repeat.selection.layers),
              indices: Array.from(repeat.selection.neurons),
            },
          }
        : {}),
      constantNeurons: Array.from(repeat.constantNeurons),
      diagrams: diagramToJSON(repeat.diagram, { precision }).diagrams as {
        dim: number;
        pairs: [number, number | null][];
      }[],
      features: Object.fromEntries(
        repeat.features.names.map((name, f) => [name, write(repeat.features.values[f]!)]),
      ),
    })),
    summary: {
      features: Object.fromEntries(
        result.spread.names.map((name, f) => [
          name,
          {
            mean: write(result.spread.mean[f]!),
            std: write(result.spread.std[f]!),
            min: write(result.spread.min[f]!),
            max: write(result.spread.max[f]!),
          },
        ]),
      ),
      bettiCurves: result.bettiCurves.map((band) => ({
        dim: band.dim,
        grid: Array.from(band.grid),
        mean: Array.from(band.mean),
        lower: band.lower === null ? null : Array.from(band.lower),
        upper: band.upper === null ? null : Array.from(band.upper),
        halfWidth: band.halfWidth,
        curves: band.curves.map((curve) => Array.from(curve)),
      })),
    },
  };
}
