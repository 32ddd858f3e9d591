import { requireOptions } from "../../metric/validate.js";
import type { PersistenceDiagram } from "../../types.js";
import { requireBarcode } from "../barcode.js";
import { requireBase, requireDiagram } from "./kept-pairs.js";
import { persistentEntropy } from "./persistent-entropy.js";

/** Options of {@link diagramSummary}. */
export interface DiagramSummaryOptions {
  /** The base of the logarithm of the entropy column; default `Math.E`. */
  readonly base?: number;
}

/**
 * One row of {@link diagramSummary}: plain JSON-safe data (a value that does
 * not exist, such as the minimum of no deaths, is `null`).
 */
export interface DimensionSummary {
  /** The homology dimension. */
  readonly dim: number;
  /** Every pair of the dimension, essential and diagonal ones included. */
  readonly pairs: number;
  /** Essential classes (death = Infinity). */
  readonly essential: number;
  /** Smallest and largest birth over all pairs. */
  readonly birthMin: number | null;
  readonly birthMax: number | null;
  /** Smallest and largest finite death. */
  readonly deathMin: number | null;
  readonly deathMax: number | null;
  /** Longest finite lifetime `death - birth`. */
  readonly lifetimeMax: number | null;
  /** Sum of the finite lifetimes (0 when there is none). */
  readonly lifetimeTotal: number;
  /** {@link persistentEntropy} of the finite pairs (essential classes ignored). */
  readonly entropy: number;
}

/**
 * A per-dimension summary table of a diagram: pair counts, ranges of births
 * and finite deaths, longest and total finite lifetime and persistent entropy
 * (natural log by default), one row per entry of `diagram.dimensions` in its
 * order. Plain data a CLI prints as a table or JSON.
 *
 * @param diagram - The persistence diagram.
 * @param options - `base` of the entropy's logarithm (default e).
 * @returns One {@link DimensionSummary} per dimension.
 * @throws TypeError or RangeError for an invalid diagram or option.
 * @example
 * ```ts
 * const rows = diagramSummary({
 *   dimensions: [
 *     { dim: 0, births: new Float64Array([0, 0]), deaths: new Float64Array([1, Infinity]) },
 *   ],
 * });
 * // [{ dim: 0, pairs: 2, essential: 1, birthMin: 0, birthMax: 0, deathMin: 1, deathMax: 1,
 * //    lifetimeMax: 1, lifetimeTotal: 1, entropy: 0 }]
 * ```
 */
export function diagramSummary(
  diagram: PersistenceDiagram,
  options?: DiagramSummaryOptions,
): DimensionSummary[] {
  const caller = "diagramSummary";
  const opts = requireOptions(`${caller}: options`, options);
  const base = requireBase(caller, opts.base);
  requireDiagram(caller, diagram);
  return diagram.dimensions.map((dimension, index) => {
    const { births, deaths } = requireBarcode(`${caller}: diagram.dimensions[${index}]`, dimension);
    let essential = 0;
    let birthMin: number | null = null;
    let birthMax: number | null = null;
    let deathMin: number | null = null;
    let deathMax: number | null = null;
    let lifetimeMax: number | null = null;
    let lifetimeTotal = 0;
    for (let k = 0; k < births.length; k += 1) {
      const b = births[k]!;
      const d = deaths[k]!;
      if (birthMin === null || b < birthMin) birthMin = b;
      if (birthMax === null || b > birthMax) birthMax = b;
      if (d === Number.POSITIVE_INFINITY) {
        essential += 1;
        continue;
      }
      if (deathMin === null || d < deathMin) deathMin = d;
      if (deathMax === null || d > deathMax) deathMax = d;
      if (lifetimeMax === null || d - b > lifetimeMax) lifetimeMax = d - b;
      lifetimeTotal += d - b;
    }
    return {
      dim: dimension.dim,
      pairs: births.length,
      essential,
      birthMin,
      birthMax,
      deathMin,
      deathMax,
      lifetimeMax,
      lifetimeTotal,
      entropy: persistentEntropy({ births, deaths }, { base }),
    };
  });
}
