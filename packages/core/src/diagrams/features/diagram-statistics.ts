import { describe, requireInteger, requireOptions } from "../../metric/validate.js";
import type { PersistenceDiagram } from "../../types.js";
import { barcodeOf, requireBarcode } from "../barcode.js";
import { type BarcodeStatistics, statisticsOf } from "./barcode-statistics.js";
import {
  type KeptPairs,
  keptPairsOf,
  requireBooleanOption,
  requireDiagram,
  requireInfinity,
} from "./kept-pairs.js";

/** Options of {@link diagramStatistics}. */
export interface DiagramStatisticsOptions {
  /** The homology dimensions to describe, each its own group; default `[0, 1]`. */
  readonly dimensions?: readonly number[];
  /** Add the group `all`: the pairs of every listed dimension pooled; default true. */
  readonly pooled?: boolean;
  /** How many of the longest lifetimes to report per group; default 5. An integer >= 0. */
  readonly topK?: number;
  /**
   * The death given to essential classes (death = Infinity); default: none,
   * essential classes are ignored (finite pairs only). Must be >= every
   * essential birth.
   */
  readonly infinityValue?: number;
}

/** Named features: `values[i]` is the feature called `names[i]`. */
export interface NamedFeatures {
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/**
 * The summary statistics of {@link barcodeStatistics} for several homology
 * dimensions of a diagram and for their pooled pairs, as one named feature
 * vector (the generalization-gap features of Ballester et al. 2024).
 *
 * Groups, in order: `h<dim>` for each entry of `dimensions`, then `all` (the
 * pairs of those dimensions pooled) when `pooled`. Each group gives, in this
 * order: `<g>.count`, `<g>.birth.mean`, `<g>.birth.std`, `<g>.death.mean`,
 * `<g>.death.std`, `<g>.lifetime.mean`, `<g>.lifetime.std`,
 * `<g>.midlife.mean`, `<g>.midlife.std`, then `<g>.top1.lifetime` ..
 * `<g>.top<k>.lifetime` (top1 the longest, zero when there are fewer pairs).
 * The names depend only on the options, so vectors of different diagrams line
 * up. Standard deviations are population ones (numpy's `ddof=0`); pairs on
 * the diagonal are dropped, and essential classes unless `infinityValue` is
 * given; a group with no pair is all zeros. A dimension the diagram lacks is
 * an empty group.
 *
 * @param diagram - The persistence diagram.
 * @param options - `dimensions` (default `[0, 1]`), `pooled` (default true),
 *   `topK` (default 5), `infinityValue` (default: essential classes ignored).
 * @returns `{names, values}` of equal length.
 * @throws TypeError or RangeError for an invalid diagram or option.
 * @see Ballester et al., "Predicting the generalization gap in neural networks
 *   using topological data analysis", Neurocomputing 596 (2024) 127787.
 * @example
 * ```ts
 * const diagram = {
 *   dimensions: [
 *     { dim: 0, ...barcode([[0, 1], [0, 3], [0, null]]) },
 *     { dim: 1, ...barcode([[1, 2]]) },
 *   ],
 * };
 * const { names, values } = diagramStatistics(diagram, { topK: 2 });
 * values[names.indexOf("h0.lifetime.mean")]; // 2
 * values[names.indexOf("all.top2.lifetime")]; // 1
 * ```
 */
export function diagramStatistics(
  diagram: PersistenceDiagram,
  options?: DiagramStatisticsOptions,
): NamedFeatures {
  const caller = "diagramStatistics";
  const opts = requireOptions(`${caller}: options`, options);
  const dimensions = requireDimensions(caller, opts.dimensions);
  const pooled = requireBooleanOption(caller, "pooled", opts.pooled, true);
  const topK =
    opts.topK === undefined ? 5 : requireInteger(`${caller}: options.topK`, opts.topK, 0);
  const infinity = requireInfinity(caller, opts.infinityValue);
  requireDiagram(caller, diagram);

  const groups: { name: string; pairs: KeptPairs }[] = dimensions.map((dim) => ({
    name: `h${dim}`,
    pairs: keptPairsOf(
      caller,
      requireBarcode(`${caller}: diagram H${dim}`, barcodeOf(diagram, dim)),
      infinity,
    ),
  }));
  if (pooled) groups.push({ name: "all", pairs: concatenate(groups.map((g) => g.pairs)) });

  const names: string[] = [];
  const values: number[] = [];
  for (const { name, pairs } of groups) {
    const s: BarcodeStatistics = statisticsOf(pairs, topK);
    const scalars: [string, number][] = [
      ["count", s.count],
      ["birth.mean", s.birthMean],
      ["birth.std", s.birthStd],
      ["death.mean", s.deathMean],
      ["death.std", s.deathStd],
      ["lifetime.mean", s.lifetimeMean],
      ["lifetime.std", s.lifetimeStd],
      ["midlife.mean", s.midlifeMean],
      ["midlife.std", s.midlifeStd],
    ];
    for (const [feature, value] of scalars) {
      names.push(`${name}.${feature}`);
      values.push(value);
    }
    for (let k = 0; k < topK; k += 1) {
      names.push(`${name}.top${k + 1}.lifetime`);
      values.push(s.topLifetimes[k]!);
    }
  }
  return { names, values: Float64Array.from(values) };
}

function concatenate(parts: readonly KeptPairs[]): KeptPairs {
  let n = 0;
  for (const p of parts) n += p.births.length;
  const births = new Float64Array(n);
  const deaths = new Float64Array(n);
  const lifetimes = new Float64Array(n);
  let offset = 0;
  for (const p of parts) {
    births.set(p.births, offset);
    deaths.set(p.deaths, offset);
    lifetimes.set(p.lifetimes, offset);
    offset += p.births.length;
  }
  return { births, deaths, lifetimes };
}

function requireDimensions(caller: string, value: unknown): readonly number[] {
  if (value === undefined) return [0, 1];
  if (!Array.isArray(value)) {
    throw new TypeError(
      `${caller}: options.dimensions must be an array of homology dimensions; got ${describe(value)}`,
    );
  }
  const seen = new Set<number>();
  for (const dim of value) {
    requireInteger(`${caller}: options.dimensions entry`, dim, 0);
    if (seen.has(dim)) {
      throw new RangeError(`${caller}: options.dimensions lists ${dim} twice`);
    }
    seen.add(dim);
  }
  return value as number[];
}
