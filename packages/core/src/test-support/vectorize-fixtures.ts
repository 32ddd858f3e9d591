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
