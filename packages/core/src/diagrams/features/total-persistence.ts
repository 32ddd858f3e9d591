import { requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { keptPairs, requireInfinity, requireNumberOption } from "./kept-pairs.js";

/** Options of {@link totalPersistence}. */
export interface TotalPersistenceOptions {
  /** The exponent p applied to each lifetime; default 1. A finite number > 0. */
  readonly power?: number;
  /**
   * The death given to essential classes (death = Infinity); default: none,
   * essential classes are ignored. Must be >= every essential birth.
   */
  readonly infinityValue?: number;
}

/**
 * Total persistence: the sum of the lifetimes raised to a power,
 * `sum_i (death_i - birth_i)^p` (Cohen-Steiner, Edelsbrunner, Harer & Mileyko,
 * "Lipschitz functions have Lp-stable persistence", FoCM 2010). With p = 1 it
 * is the plain sum of lifetimes.
 *
 * Diagonal pairs add 0. Essential classes are ignored unless `infinityValue` is
 * given. 0 for an empty barcode.
 *
 * @param bars - One dimension's pairs.
 * @param options - `power` (default 1), `infinityValue` (default: essential classes ignored).
 * @returns The total persistence.
 * @throws TypeError or RangeError for an invalid barcode or option.
 * @example
 * ```ts
 * const bars = barcode([[0, 1], [2, 4], [0, null]]);
 * totalPersistence(bars); // 3
 * totalPersistence(bars, { power: 2 }); // 5
 * totalPersistence(bars, { infinityValue: 10 }); // 13
 * ```
 */
export function totalPersistence(bars: Barcode, options?: TotalPersistenceOptions): number {
  const caller = "totalPersistence";
  const opts = requireOptions(`${caller}: options`, options);
  const power = requireNumberOption(
    caller,
    "power",
    opts.power,
    1,
    (x) => x > 0 && Number.isFinite(x),
    "a finite number > 0",
  );
  const infinity = requireInfinity(caller, opts.infinityValue);
  const { lifetimes } = keptPairs(caller, bars, infinity);
  let sum = 0;
  if (power === 1) {
    for (let k = 0; k < lifetimes.length; k += 1) sum += lifetimes[k]!;
  } else {
    for (let k = 0; k < lifetimes.length; k += 1) sum += lifetimes[k]! ** power;
  }
  return sum;
}
