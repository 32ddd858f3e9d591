import { describe } from "../metric/validate.js";
import type { DiagramOfDimension, PersistenceDiagram } from "../types.js";

/**
 * The persistence pairs of one dimension, struct-of-arrays: pair k is born at
 * `births[k]` and dies at `deaths[k]` (`Infinity` for an essential class).
 * Every {@link DiagramOfDimension} is a Barcode; the diagram toolkit
 * (distances, vectorizations, statistics, plots) works on Barcodes.
 */
export interface Barcode {
  readonly births: Float64Array;
  readonly deaths: Float64Array;
}

/**
 * Builds a Barcode from `[birth, death]` pairs; a death of `null` or
 * `Infinity` is an essential class. The pairs are checked as
 * {@link requireBarcode} does.
 *
 * @param pairs - The pairs, e.g. `[[0, 1], [0.5, null]]`.
 * @returns A new Barcode.
 * @throws TypeError or RangeError naming the first bad pair.
 * @example
 * ```ts
 * barcode([[0, 1], [0.2, null]]).deaths; // Float64Array [1, Infinity]
 * ```
 */
export function barcode(pairs: ArrayLike<readonly [number, number | null]>): Barcode {
  if (
    !Array.isArray(pairs) &&
    !(typeof pairs === "object" && pairs !== null && "length" in pairs)
  ) {
    throw new TypeError(
      `barcode: expected an array of [birth, death] pairs; got ${describe(pairs)}`,
    );
  }
  const births = new Float64Array(pairs.length);
  const deaths = new Float64Array(pairs.length);
  for (let k = 0; k < pairs.length; k += 1) {
    const pair = pairs[k];
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new TypeError(`barcode: pair ${k} must be [birth, death]; got ${describe(pair)}`);
    }
    births[k] = pair[0];
    deaths[k] = pair[1] === null ? Number.POSITIVE_INFINITY : pair[1];
  }
  return requireBarcode("barcode", { births, deaths });
}

/**
 * Checks that `value` is a valid Barcode: `births` and `deaths` are
 * Float64Arrays of equal length, births are finite, deaths are not NaN and
 * not below their births (`Infinity` marks an essential class).
 *
 * @param name - How the caller names the argument in messages, e.g.
 *   `"bottleneckDistance: a"`.
 * @returns `value`, typed.
 * @throws TypeError for a value of the wrong kind; RangeError naming the first
 *   bad pair.
 */
export function requireBarcode(name: string, value: unknown): Barcode {
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${name} must be a barcode {births, deaths}; got ${describe(value)}`);
  }
  const { births, deaths } = value as { births?: unknown; deaths?: unknown };
  if (!(births instanceof Float64Array) || !(deaths instanceof Float64Array)) {
    throw new TypeError(
      `${name} must have Float64Array births and deaths; got ${describe(births)} and ${describe(deaths)}`,
    );
  }
  if (births.length !== deaths.length) {
    throw new RangeError(
      `${name} has ${births.length} births but ${deaths.length} deaths; they must pair up`,
    );
  }
  for (let k = 0; k < births.length; k += 1) {
    const b = births[k];
    const d = deaths[k];
    if (!Number.isFinite(b)) {
      throw new RangeError(`${name}: pair ${k} has birth ${describe(b)}; births must be finite`);
    }
    if (Number.isNaN(d)) {
      throw new RangeError(`${name}: pair ${k} (birth ${b}) has death NaN`);
    }
    if (d < b) {
      throw new RangeError(`${name}: pair ${k} dies at ${d} before its birth ${b}`);
    }
  }
  return value as Barcode;
}

/**
 * The pairs of dimension `dim` of a diagram; an empty Barcode when the
 * diagram has no such dimension (a diagram computed up to H1 has no H2 pairs).
 *
 * @throws RangeError when `dim` is not a non-negative integer.
 */
export function barcodeOf(diagram: PersistenceDiagram, dim: number): Barcode {
  if (!Number.isSafeInteger(dim) || dim < 0) {
    throw new RangeError(`barcodeOf: dim must be an integer >= 0; got ${describe(dim)}`);
  }
  const found: DiagramOfDimension | undefined = diagram.dimensions.find((d) => d.dim === dim);
  return found ?? { births: new Float64Array(0), deaths: new Float64Array(0) };
}

/**
 * Splits a Barcode into its finite pairs and the births of its essential
 * classes (death `Infinity`), keeping the order of each part.
 */
export function splitEssential(bars: Barcode): { finite: Barcode; essentialBirths: Float64Array } {
  let essentialCount = 0;
  for (let k = 0; k < bars.deaths.length; k += 1) {
    if (bars.deaths[k] === Number.POSITIVE_INFINITY) essentialCount += 1;
  }
  const finiteCount = bars.deaths.length - essentialCount;
  const births = new Float64Array(finiteCount);
  const deaths = new Float64Array(finiteCount);
  const essentialBirths = new Float64Array(essentialCount);
  let f = 0;
  let e = 0;
  for (let k = 0; k < bars.deaths.length; k += 1) {
    if (bars.deaths[k] === Number.POSITIVE_INFINITY) {
      essentialBirths[e++] = bars.births[k];
    } else {
      births[f] = bars.births[k];
      deaths[f++] = bars.deaths[k];
    }
  }
  return { finite: { births, deaths }, essentialBirths };
}
