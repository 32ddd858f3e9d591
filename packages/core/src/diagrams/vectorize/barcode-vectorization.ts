/**
 * The fit/transform frame shared by the vectorizations that drop or cap
 * essential classes (landscapes, silhouettes, persistence images, heat
 * kernels). Each has a `fitX(barcodes, options)` that learns its settings
 * from many barcodes and an `x(bars, options)` that fits on its one barcode
 * when no range is given; routing both through one resolver and these two
 * functions keeps the checks and the essential-class policy identical
 * between them, so that `x(bars, fitX(all))` and `x(bars)` never disagree on
 * a default. Internal.
 */

import { type Barcode, requireBarcode } from "../barcode.js";
import { finitePairs, requireBarcodes } from "./sample-grid.js";

/**
 * Checks and completes a vectorization's options, fitting what is not given
 * (the range) on `barcodes`, which are already checked. `caller` names the
 * public function in messages.
 */
export type ResolveSettings<Options, Settings> = (
  caller: string,
  barcodes: readonly Barcode[],
  options: Options | undefined,
) => Settings;

/** What `x(bars, options)` works on: the resolved settings and the pairs after the essential-class policy. */
export interface VectorizationInput<Settings> {
  readonly settings: Settings;
  readonly pairs: Barcode;
}

/** The body of every `fitX`: checks the list of barcodes, then resolves the settings on all of them. */
export function fitSettings<Options, Settings>(
  caller: string,
  barcodes: readonly Barcode[],
  options: Options | undefined,
  resolve: ResolveSettings<Options, Settings>,
): Settings {
  return resolve(caller, requireBarcodes(caller, barcodes), options);
}

/**
 * The start of every `x(bars, options)`: checks the barcode, resolves the
 * settings on it alone, and applies the essential-class policy of
 * `settings.infinityValue` (see {@link finitePairs}).
 */
export function vectorizationInput<
  Options,
  Settings extends { readonly infinityValue: number | undefined },
>(
  caller: string,
  bars: Barcode,
  options: Options | undefined,
  resolve: ResolveSettings<Options, Settings>,
): VectorizationInput<Settings> {
  requireBarcode(`${caller}: bars`, bars);
  const settings = resolve(caller, [bars], options);
  return { settings, pairs: finitePairs(caller, bars, settings.infinityValue) };
}
