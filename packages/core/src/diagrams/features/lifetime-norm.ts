import { requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { keptPairs, requireInfinity, requireNumberOption } from "./kept-pairs.js";

/** Options of {@link lifetimeNorm}. */
export interface LifetimeNormOptions {
  /** The order p of the norm, in [1, Infinity]; default 2. `Infinity` gives the largest lifetime. */
  readonly p?: number;
  /**
   * The death given to essential classes (death = Infinity); default: none,
   * essential classes are ignored. Must be >= every essential birth.
   */
  readonly infinityValue?: number;
}

/**
 * The p-norm of the lifetimes, `(sum_i (death_i - birth_i)^p)^(1/p)`, or the
 * largest lifetime for p = Infinity.
 *
 * Half of it is the p-Wasserstein distance from the barcode to the empty
 * diagram with the L-infinity ground metric (each pair matched to the
 * diagonal at cost `(d - b) / 2`): giotto-tda's
 * `Amplitude(metric="wasserstein", metric_params={"p": p})` equals
 * `lifetimeNorm(bars, {p}) / 2`, and its `Amplitude(metric="bottleneck")`
 * equals `lifetimeNorm(bars, {p: Infinity}) / 2` (giotto-tda >= 0.3).
 *
 * Diagonal pairs add 0. Essential classes are ignored unless `infinityValue` is
 * given. 0 for an empty barcode.
 *
 * @param bars - One dimension's pairs.
 * @param options - `p` (default 2), `infinityValue` (default: essential classes ignored).
 * @returns The norm.
 * @throws TypeError or RangeError for an invalid barcode or option.
 * @example
 * ```ts
 * const bars = barcode([[0, 3], [1, 5]]);
 * lifetimeNorm(bars); // 5
 * lifetimeNorm(bars, { p: 1 }); // 7
 * lifetimeNorm(bars, { p: Infinity }); // 4
 * ```
 */
export function lifetimeNorm(bars: Barcode, options?: LifetimeNormOptions): number {
  const caller = "lifetimeNorm";
  const opts = requireOptions(`${caller}: options`, options);
  const p = requireNumberOption(caller, "p", opts.p, 2, (x) => x >= 1, "in [1, Infinity]");
  const infinity = requireInfinity(caller, opts.infinityValue);
  const { lifetimes } = keptPairs(caller, bars, infinity);
  const n = lifetimes.length;
  let max = 0;
  for (let k = 0; k < n; k += 1) if (lifetimes[k]! > max) max = lifetimes[k]!;
  if (p === Number.POSITIVE_INFINITY || max === 0) return max;
  if (p === 1) {
    let sum = 0;
    for (let k = 0; k < n; k += 1) sum += lifetimes[k]!;
    return sum;
  }
  // Scaled by the largest lifetime so that l^p neither overflows nor underflows.
  let sum = 0;
  for (let k = 0; k < n; k += 1) sum += (lifetimes[k]! / max) ** p;
  return max * sum ** (1 / p);
}
