/**
 * Test support for the diagram features: the fixtures written by
 * scripts/fixtures/features.py (GUDHI and numpy references), tolerant
 * comparisons, and fast-check arbitraries of barcodes. Not part of the
 * published package.
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { type Barcode, barcode, barcodeOf } from "../diagrams/barcode.js";
import type { PersistenceDiagram } from "../types.js";

export interface NumpyEntropy {
  readonly natural: number;
  readonly base2: number;
  readonly count: number;
  readonly totalLifetime: number;
}

export interface EntropyVectorFixture {
  readonly options: {
    readonly resolution: number;
    readonly sampleRange: [number | null, number | null];
    readonly keepEndpoints: boolean;
    readonly normalized: boolean;
  };
  /** GUDHI's `grid_` attribute. */
  readonly gudhiGrid: (number | null)[];
  /** GUDHI's values; null where GUDHI gave NaN. */
  readonly values: (number | null)[];
}

export interface PolynomialFixture {
  readonly real: number[];
  readonly imaginary: number[];
  /** e_k(|z_1|, ..., |z_n|): the size a rounding error of coefficient k is measured against. */
  readonly scale: number[];
}

export interface Amplitudes {
  readonly totalPersistence: Record<string, number>;
  readonly lifetimeNorm: Record<string, number>;
}

export interface DimensionFixture {
  readonly dim: number;
  readonly entropy: {
    /** GUDHI on the finite pairs as they are (NaN, as null, when a zero-length pair is present). */
    readonly gudhiRaw: number | null;
    /** GUDHI on the finite pairs of positive lifetime. */
    readonly gudhi: number | null;
    readonly numpy: NumpyEntropy;
    readonly numpyInfinity: NumpyEntropy;
  };
  readonly entropyVector: EntropyVectorFixture[];
  readonly entropyVectorInfinity: EntropyVectorFixture[];
  readonly complexPolynomial: {
    readonly keepDiagonal: Record<string, PolynomialFixture>;
    readonly dropDiagonal: Record<string, PolynomialFixture>;
  };
  readonly amplitudes: Amplitudes;
  readonly amplitudesInfinity: Amplitudes;
  readonly numberOfPoints: Record<string, number>;
}

export interface NamedFeaturesFixture {
  readonly names: string[];
  readonly values: number[];
}

export interface FeatureFixture {
  readonly infinity: number;
  readonly topK: number;
  readonly diagram: { dim: number; pairs: [number, number | null][] }[];
  readonly dimensions: DimensionFixture[];
  readonly statistics: NamedFeaturesFixture;
  readonly statisticsInfinity: NamedFeaturesFixture;
  readonly summary: Record<string, number | null>[];
}

/** Every fixture of fixtures/features/, by case name, sorted. */
export function featureFixtures(): { name: string; fixture: FeatureFixture }[] {
  // dist/test-support/ -> repository root.
  const dir = new URL("../../../../fixtures/features/", import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      name: name.replace(/\.json$/, ""),
      fixture: JSON.parse(readFileSync(new URL(name, dir), "utf8")) as FeatureFixture,
    }));
}

/** The fixture's diagram as a PersistenceDiagram (null deaths become Infinity). */
export function fixtureDiagram(fixture: FeatureFixture): PersistenceDiagram {
  return {
    dimensions: fixture.diagram.map(({ dim, pairs }) => ({
      dim,
      births: Float64Array.from(pairs, (p) => p[0]),
      deaths: Float64Array.from(pairs, (p) => (p[1] === null ? Number.POSITIVE_INFINITY : p[1])),
    })),
  };
}

/** One homology dimension of one fixture: what the per-dimension parity tests run on. */
export interface FeatureDimension {
  /** `<case> H<dim>`, for test names. */
  readonly label: string;
  readonly fixture: FeatureFixture;
  /** The references for this dimension. */
  readonly ref: DimensionFixture;
  /** The fixture diagram's pairs in this dimension. */
  readonly bars: Barcode;
}

/** Every dimension of every fixture of fixtures/features/, in order. */
export function featureDimensions(): FeatureDimension[] {
  return featureFixtures().flatMap(({ name, fixture }) => {
    const diagram = fixtureDiagram(fixture);
    return fixture.dimensions.map((ref) => ({
      label: `${name} H${ref.dim}`,
      fixture,
      ref,
      bars: barcodeOf(diagram, ref.dim),
    }));
  });
}

/**
 * The diagram `X` of giotto-tda's feature tests
 * (gtda/diagrams/tests/test_features_representations.py): H0 {(0, 0),
 * (0, 1), (2, 3)} and H1 {(4, 6), (2, 6)}, against which its goldens are
 * stated.
 */
export function giottoFeaturesX(): { readonly h0: Barcode; readonly h1: Barcode } {
  return {
    h0: barcode([
      [0, 0],
      [0, 1],
      [2, 3],
    ]),
    h1: barcode([
      [4, 6],
      [2, 6],
    ]),
  };
}

/** Asserts `|actual - expected| <= relative * max(|actual|, |expected|, scale) + absolute`. */
export function assertClose(
  actual: number,
  expected: number,
  message: string,
  { relative = 1e-9, absolute = 0, scale = 0 } = {},
): void {
  if (Number.isNaN(expected)) {
    assert.ok(Number.isNaN(actual), `${message}: expected NaN, got ${actual}`);
    return;
  }
  const bound = relative * Math.max(Math.abs(actual), Math.abs(expected), scale) + absolute;
  assert.ok(
    Math.abs(actual - expected) <= bound,
    `${message}: got ${actual}, expected ${expected} (bound ${bound})`,
  );
}

/** Element-wise {@link assertClose}. */
export function assertAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  message: string,
  tolerance: { relative?: number; absolute?: number; scale?: number } = {},
): void {
  assert.equal(actual.length, expected.length, `${message}: length`);
  for (let i = 0; i < expected.length; i += 1) {
    assertClose(actual[i]!, expected[i]!, `${message} [${i}]`, tolerance);
  }
}

/** Pairs `[birth, death]` with a death of Infinity for essential classes. */
export type Pair = readonly [number, number];

/** A Barcode of `pairs`. */
export function bars(pairs: readonly Pair[]): Barcode {
  return {
    births: Float64Array.from(pairs, (p) => p[0]),
    deaths: Float64Array.from(pairs, (p) => p[1]),
  };
}

/**
 * Arbitrary pairs: births in [-5, 5], lifetimes in (0, 5] on a 1/64 lattice
 * (so sums are exact-ish and ties happen), some essential when `essential`.
 */
export function arbitraryPairs({
  minLength = 0,
  maxLength = 20,
  essential = true,
} = {}): fc.Arbitrary<Pair[]> {
  const pair = fc
    .tuple(
      fc.integer({ min: -320, max: 320 }),
      fc.integer({ min: 1, max: 320 }),
      fc.integer({ min: 0, max: essential ? 9 : 0 }),
    )
    .map(([b, l, e]): Pair => [b / 64, e === 9 ? Number.POSITIVE_INFINITY : (b + l) / 64]);
  return fc.array(pair, { minLength, maxLength });
}

/** Arbitrary pairs on the diagonal (birth = death). */
export function arbitraryDiagonal(maxLength = 5): fc.Arbitrary<Pair[]> {
  return fc.array(
    fc.integer({ min: -320, max: 320 }).map((b): Pair => [b / 64, b / 64]),
    { minLength: 1, maxLength },
  );
}

/** `pairs` with `extra` inserted at positions chosen by `seeds`. */
export function interleave(pairs: readonly Pair[], extra: readonly Pair[], seed: number): Pair[] {
  const out = [...pairs];
  let s = seed >>> 0;
  for (const p of extra) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.splice(s % (out.length + 1), 0, p);
  }
  return out;
}

/** `pairs` in an order shuffled by `seed`. */
export function shuffle(pairs: readonly Pair[], seed: number): Pair[] {
  const out = [...pairs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
