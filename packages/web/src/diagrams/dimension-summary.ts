import { barcodeOf, type PersistenceDiagram } from "@nettopo/core";
import { spreadOf } from "../report/report-figures.js";

/** Mean, sample standard deviation, min and max of a quantity over diagrams (NaN when none is finite). */
export interface Spread {
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/** The summary of one homological dimension over the diagrams shown. */
export interface DimensionSummary {
  readonly dim: number;
  /** Number of pairs (essential classes included). */
  readonly count: Spread;
  /** Number of essential classes (death = ∞). */
  readonly essential: Spread;
  /** Longest finite lifetime (death − birth); NaN for a diagram without a finite pair. */
  readonly maxPersistence: Spread;
  /** Sum of the finite lifetimes. */
  readonly totalPersistence: Spread;
}

/**
 * Counts and persistence per dimension of the diagrams a page shows: exact
 * values for one diagram (its spread has std 0), mean ± std and the range
 * over several (e.g. the bootstrap repeats of `nettopo neurons`).
 *
 * @param diagrams - The diagrams; at least one.
 * @param dims - The dimensions to summarise; a diagram without one counts as empty there.
 * @example
 * ```ts
 * const diagram = { dimensions: [{ dim: 1, births: Float64Array.of(1, 2), deaths: Float64Array.of(3, 2.5) }] };
 * const [h1] = summarizeDimensions([diagram], [1]);
 * h1.count.mean; // 2
 * h1.maxPersistence.mean; // 2
 * ```
 */
export function summarizeDimensions(
  diagrams: readonly PersistenceDiagram[],
  dims: readonly number[],
): DimensionSummary[] {
  return dims.map((dim) => {
    const per = diagrams.map((diagram) => {
      const { births, deaths } = barcodeOf(diagram, dim);
      let essential = 0;
      let longest = Number.NaN;
      let total = 0;
      for (let k = 0; k < births.length; k += 1) {
        const life = deaths[k]! - births[k]!;
        if (life === Number.POSITIVE_INFINITY) {
          essential += 1;
        } else {
          total += life;
          if (!(life <= longest)) longest = life;
        }
      }
      return { count: births.length, essential, longest, total };
    });
    return {
      dim,
      count: spreadOf(per.map((p) => p.count)),
      essential: spreadOf(per.map((p) => p.essential)),
      maxPersistence: spreadOf(per.map((p) => p.longest)),
      totalPersistence: spreadOf(per.map((p) => p.total)),
    };
  });
}
