/**
 * The settings shared by the summaries built from the tents
 * `max(0, min(x - birth, death - x))` of the pairs (persistence landscapes
 * and silhouettes): the sample grid, a `scale` (GUDHI multiplies both by
 * √2, the papers and giotto-tda do not) and the essential-class policy.
 * Both expose these options with the same defaults and checks, so they are
 * resolved here once. Internal.
 */

import type { Barcode } from "../barcode.js";
import {
  birthDeathRange,
  finitePairs,
  requireInfinityValue,
  requireNumber,
  resolveSampleGrid,
  type SampleGridOptions,
  type SampleGridSettings,
} from "./sample-grid.js";

/** The options every tent summary takes (its public options document them). */
export interface TentOptions extends SampleGridOptions {
  readonly scale?: number;
  readonly infinityValue?: number;
}

/** {@link TentOptions} resolved. */
export interface TentSettings extends SampleGridSettings {
  readonly scale: number;
  /** `undefined`: essential classes are dropped. */
  readonly infinityValue: number | undefined;
}

/**
 * Checks and completes the shared options: `scale` finite and > 0 (default
 * `1`), `infinityValue` finite or undefined, and the grid, its range fitted
 * to `[smallest birth, largest death]` of `barcodes` after the essential-class
 * policy when not given. `own` holds the summary's own settings, already
 * checked; the result lists the grid, then `own`, then `scale` and
 * `infinityValue`.
 *
 * @param options - Already checked to be an options object.
 */
export function resolveTentSettings<Own extends object>(
  caller: string,
  barcodes: readonly Barcode[],
  options: TentOptions,
  own: Own,
): Own & TentSettings {
  const scale = requireNumber(`${caller}: options.scale`, options.scale, 1, "positive");
  const infinityValue = requireInfinityValue(caller, options.infinityValue);
  const grid = resolveSampleGrid(caller, options, () =>
    birthDeathRange(barcodes.map((bars) => finitePairs(caller, bars, infinityValue))),
  );
  return { ...grid, ...own, scale, infinityValue };
}
