/**
 * Test support for the diagram vectorizations: reading the fixtures that
 * scripts/fixtures/vectorize.py writes from GUDHI, seeded random barcodes,
 * and an element-wise closeness check.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { type Barcode, barcode } from "../diagrams/barcode.js";

/** One fixture file: the input diagrams by name and the reference cases. */
export interface VectorizeFixture<Case> {
  readonly source: string;
  readonly gudhi: string;
  readonly diagrams: Record<string, [number, number | null][]>;
  readonly cases: Case[];
}

const fixtureDir = new URL("../../../../fixtures/vectorize/", import.meta.url);

/** Reads fixtures/vectorize/<kind>.json. */
export function readVectorizeFixture<Case>(kind: string): VectorizeFixture<Case> {
  return JSON.parse(
    readFileSync(new URL(`${kind}.json`, fixtureDir), "utf8"),
  ) as VectorizeFixture<Case>;
}

/** The named diagram of a fixture as a Barcode. */
export function fixtureBarcode(fixture: VectorizeFixture<unknown>, name: string): Barcode {
  const pairs = fixture.diagrams[name];
  assert.ok(pairs, `fixture has no diagram "${name}"`);
  return barcode(pairs);
}

/**
 * Asserts `|actual[i] - expected[i]| <= max(absolute, relative * |expected[i]|)`
 * for every `i`, and equal lengths.
 */
export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  message: string,
  relative = 1e-9,
  absolute = 1e-12,
): void {
  assert.equal(actual.length, expected.length, `${message}: length`);
  for (let i = 0; i < expected.length; i += 1) {
    const a = actual[i]!;
    const e = expected[i]!;
    const tolerance = Math.max(absolute, relative * Math.abs(e));
    if (!(Math.abs(a - e) <= tolerance)) {
      assert.fail(`${message}: index ${i} is ${a}, expected ${e} (tolerance ${tolerance})`);
    }
  }
}

/** The largest absolute value of an array (0 when empty). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i += 1) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

/** Options of {@link barcodeArb}. */
export interface BarcodeArbOptions {
  readonly maxPairs?: number;
  /** Allow essential classes (death `Infinity`); default false. */
  readonly essential?: boolean;
}

/**
 * Random barcodes: doubles in [-5, 5] with lifetimes up to 4, or small
 * integers (many ties and zero-length pairs).
 */
export function barcodeArb(options: BarcodeArbOptions = {}): fc.Arbitrary<Barcode> {
  const maxLength = options.maxPairs ?? 25;
  const real = fc.tuple(
    fc.double({ min: -5, max: 5, noNaN: true }),
    fc.double({ min: 0, max: 4, noNaN: true }),
  );
  const tied = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 3 }));
  const pair = fc.tuple(
    fc.oneof(real, tied),
    options.essential ? fc.boolean() : fc.constant(false),
  );
  return fc
    .array(pair, { maxLength })
    .map((pairs) =>
      barcode(pairs.map(([[b, life], essential]) => [b, essential ? null : b + life] as const)),
    );
}

/** The same pairs in another order (`order` gives sort keys, one per pair). */
export function permuted(bars: Barcode, keys: readonly number[]): Barcode {
  const index = Array.from(bars.births, (_, k) => k).sort(
    (a, b) => (keys[a % keys.length] ?? 0) - (keys[b % keys.length] ?? 0) || b - a,
  );
  return {
    births: Float64Array.from(index, (k) => bars.births[k]!),
    deaths: Float64Array.from(index, (k) => bars.deaths[k]!),
  };
}

/** The pairs with points on the diagonal `(x, x)` inserted at the positions given. */
export function withDiagonal(bars: Barcode, points: readonly number[]): Barcode {
  const births: number[] = Array.from(bars.births);
  const deaths: number[] = Array.from(bars.deaths);
  points.forEach((x, k) => {
    const at = births.length === 0 ? 0 : (k * 7) % (births.length + 1);
    births.splice(at, 0, x);
    deaths.splice(at, 0, x);
  });
  return { births: Float64Array.from(births), deaths: Float64Array.from(deaths) };
}

/**
 * A GUDHI case of a vectorization sampled on a one-dimensional grid (Betti
 * curve, landscape, silhouette), as scripts/fixtures/vectorize.py writes it.
 */
export interface GridCase<Options> {
  readonly name: string;
  /** The diagram vectorized. */
  readonly diagram: string;
  /** The diagrams GUDHI's `fit` saw; the case's own diagram alone when one. */
  readonly fitOn: string[];
  readonly params: Options;
  /** The GUDHI call that made the values. */
  readonly reference: string;
  readonly grid: number[];
  readonly values: number[];
}

/**
 * The options to vectorize a case's diagram with, as GUDHI's
 * `fit(fitOn).transform([diagram])` had them: `fit`'s settings when the case
 * was fitted on several diagrams, otherwise `options` themselves (fitting
 * on the diagram alone is what the transform does by default).
 */
export function caseOptions<Options, Settings>(
  fixture: VectorizeFixture<unknown>,
  fitOn: readonly string[],
  options: Options,
  fit: (barcodes: readonly Barcode[], options: Options) => Settings,
): Options | Settings {
  if (fitOn.length <= 1) return options;
  return fit(
    fitOn.map((name) => fixtureBarcode(fixture, name)),
    options,
  );
}

/**
 * Random `sampleRange` options `[lo, lo + width]`, `lo` in [-6, 6] and
 * `width` in [0, maxWidth] (zero-width ranges included): they cover the
 * barcodes of {@link barcodeArb} and stretch past them on both sides.
 */
export function sampleRangeArb(maxWidth = 10): fc.Arbitrary<[number, number]> {
  return fc
    .tuple(
      fc.double({ min: -6, max: 6, noNaN: true }),
      fc.double({ min: 0, max: maxWidth, noNaN: true }),
    )
    .map(([lo, width]) => [lo, lo + width] as [number, number]);
}

/**
 * Runs one {@link GridCase}: vectorizes the case's diagram with its options
 * (fitted as GUDHI fitted them, see {@link caseOptions}), asserts the grid
 * equal to GUDHI's and the values within `relative` (exactly, with `0`),
 * and returns the result for the caller's further checks.
 */
export function assertGridCase<
  Options,
  Settings,
  Result extends { readonly grid: Float64Array; readonly values: Float64Array },
>(
  fixture: VectorizeFixture<GridCase<Options>>,
  c: GridCase<Options>,
  vectorize: (bars: Barcode, options: Options | Settings) => Result,
  fit: (barcodes: readonly Barcode[], options: Options) => Settings,
  relative = 1e-9,
): Result {
  const options = caseOptions(fixture, c.fitOn, c.params, fit);
  const result = vectorize(fixtureBarcode(fixture, c.diagram), options);
  assert.deepEqual(Array.from(result.grid), c.grid, `grid of ${c.reference}`);
  assertClose(result.values, c.values, c.reference, relative, relative === 0 ? 0 : 1e-12);
  return result;
}
