import { describe, requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { keptPairs, requireBase, requireInfinity } from "./kept-pairs.js";

/**
 * How {@link persistentEntropy} scales the entropy:
 * - `"none"`: the Shannon entropy itself, in the chosen base. GUDHI's
 *   `gudhi.representations.Entropy(mode="scalar")` (natural log; its
 *   `normalized` flag only affects `mode="vector"`) and giotto-tda's
 *   `PersistenceEntropy()` (base 2) are this.
 * - `"count"`: divided by the log of the number n of pairs, so it lies in
 *   [0, 1] (1 when all lifetimes are equal); 0 when n <= 1. This is persim's
 *   `persistent_entropy(normalize=True)` (after Rucco et al. 2016). It does not
 *   depend on the base.
 * - `"total-lifetime"`: divided by the log of the total lifetime L = sum of
 *   lifetimes: giotto-tda's `PersistenceEntropy(normalize=True)` heuristic
 *   (after Myers, Munch & Khasawneh 2019). It does not depend on the base and
 *   it depends on the units of the filtration: negative when L < 1, +Infinity
 *   when L is exactly 1 (giotto-tda gives NaN or inf there and replaces NaN by
 *   its `nan_fill_value`, -1 by default). 0 when the entropy is 0.
 */
export type EntropyNormalization = "none" | "count" | "total-lifetime";

/** Options of {@link persistentEntropy}. */
export interface PersistentEntropyOptions {
  /**
   * The base of the logarithm; default `Math.E` (natural log, as GUDHI). Use 2
   * for giotto-tda's values. Any finite number > 0 other than 1.
   */
  readonly base?: number;
  /** How to scale the entropy; default `"none"`. See {@link EntropyNormalization}. */
  readonly normalization?: EntropyNormalization;
  /**
   * The death given to essential classes (death = Infinity); default: none,
   * essential classes are ignored. Must be >= every essential birth.
   */
  readonly infinityValue?: number;
}

const NORMALIZATIONS: readonly EntropyNormalization[] = ["none", "count", "total-lifetime"];

/**
 * Persistent entropy: the Shannon entropy of the lifetimes normalised to sum
 * to 1, `H = -sum p_i log(p_i)` with `p_i = l_i / sum_j l_j` and
 * `l_i = death_i - birth_i`.
 *
 * Pairs on the diagonal (zero lifetime) count as `0 log 0 = 0`, so they change
 * nothing (GUDHI returns NaN for a diagram holding one). Essential classes are
 * ignored unless `infinityValue` is given. A barcode with no pair of positive
 * lifetime has entropy 0 (GUDHI and giotto-tda return NaN). The result lies in
 * `[0, log(n)]` for n pairs of positive lifetime.
 *
 * @param bars - One dimension's pairs.
 * @param options - `base` (default e), `normalization` (default `"none"`),
 *   `infinityValue` (default: essential classes ignored).
 * @returns The entropy.
 * @throws TypeError or RangeError for an invalid barcode or option.
 * @see Rucco, Castiglione, Merelli & Pettini, "Characterisation of the
 *   idiotypic immune network through persistent entropy", Proc. Complex 2015;
 *   Atienza, Gonzalez-Diaz & Soriano-Trigueros, "On the stability of
 *   persistent entropy and new summary functions for TDA", Pattern
 *   Recognition 107 (2020).
 * @example
 * ```ts
 * const bars = barcode([[4, 6], [2, 6]]);
 * persistentEntropy(bars); // 0.6365141682948128 (GUDHI's Entropy())
 * persistentEntropy(bars, { base: 2 }); // 0.9182958340544894 (giotto-tda)
 * persistentEntropy(bars, { normalization: "total-lifetime" }); // 0.355245321275764 (giotto-tda normalize=True)
 * ```
 */
export function persistentEntropy(bars: Barcode, options?: PersistentEntropyOptions): number {
  const caller = "persistentEntropy";
  const opts = requireOptions(`${caller}: options`, options);
  const base = requireBase(caller, opts.base);
  const normalization = requireNormalization(caller, opts.normalization);
  const infinity = requireInfinity(caller, opts.infinityValue);
  const { lifetimes } = keptPairs(caller, bars, infinity);
  const n = lifetimes.length;
  let total = 0;
  for (let k = 0; k < n; k += 1) total += lifetimes[k]!;
  const natural = naturalEntropy(lifetimes, total);
  if (normalization === "count") return n <= 1 ? 0 : natural / Math.log(n);
  if (normalization === "total-lifetime") return natural === 0 ? 0 : natural / Math.log(total);
  return base === Math.E ? natural : natural / Math.log(base);
}

/**
 * `-sum p log p` (natural log) of positive `lifetimes` summing to `total`;
 * 0 for none.
 */
function naturalEntropy(lifetimes: Float64Array, total: number): number {
  let sum = 0;
  for (let k = 0; k < lifetimes.length; k += 1) {
    const p = lifetimes[k]! / total;
    if (p > 0) sum += p * Math.log(p);
  }
  return sum === 0 ? 0 : -sum;
}

function requireNormalization(caller: string, value: unknown): EntropyNormalization {
  if (value === undefined) return "none";
  if (NORMALIZATIONS.includes(value as EntropyNormalization)) return value as EntropyNormalization;
  throw new RangeError(
    `${caller}: options.normalization must be "none", "count" or "total-lifetime"; got ${describe(value)}`,
  );
}
