import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  arbitraryDiagonal,
  arbitraryPairs,
  assertAllClose,
  bars,
  featureDimensions,
  giottoFeaturesX,
  interleave,
  type PolynomialFixture,
  shuffle,
} from "../../test-support/features.js";
import { type Barcode, barcode } from "../barcode.js";
import {
  type ComplexCoefficients,
  type ComplexPolynomialType,
  complexPolynomial,
} from "./complex-polynomial.js";

const TYPES: readonly ComplexPolynomialType[] = ["R", "S", "T"];

/**
 * Coefficient k is compared relative to e_k(|z_1|, ..., |z_n|), the size of
 * the terms it sums, which bounds its rounding error however much they cancel.
 */
function assertCoefficients(actual: ComplexCoefficients, ref: PolynomialFixture, message: string) {
  assert.equal(actual.real.length, ref.real.length, `${message}: length`);
  for (let k = 0; k < ref.real.length; k += 1) {
    const tolerance = 1e-9 * Math.max(ref.scale[k]!, Math.abs(ref.real[k]!));
    const toleranceIm = 1e-9 * Math.max(ref.scale[k]!, Math.abs(ref.imaginary[k]!));
    assert.ok(
      Math.abs(actual.real[k]! - ref.real[k]!) <= tolerance,
      `${message}: real[${k}] ${actual.real[k]} vs ${ref.real[k]}`,
    );
    assert.ok(
      Math.abs(actual.imaginary[k]! - ref.imaginary[k]!) <= toleranceIm,
      `${message}: imaginary[${k}] ${actual.imaginary[k]} vs ${ref.imaginary[k]}`,
    );
  }
  assert.deepEqual([...actual.vector], [...actual.real, ...actual.imaginary]);
}

describe("complexPolynomial parity with GUDHI", () => {
  // Fixtures from scripts/fixtures/features.py: gudhi.representations.ComplexPolynomial
  // with threshold 10 and -1, on the finite pairs with diagonal pairs kept (GUDHI's
  // own behaviour) and dropped (giotto-tda's, nettopo's default).
  for (const { label, ref, bars: b } of featureDimensions()) {
    it(`complexPolynomial equals GUDHI's ComplexPolynomial on ${label}`, () => {
      for (const type of TYPES) {
        for (const keepDiagonal of [true, false]) {
          const refs = ref.complexPolynomial[keepDiagonal ? "keepDiagonal" : "dropDiagonal"];
          const message = `${type}, keepDiagonal ${keepDiagonal}`;
          assertCoefficients(
            complexPolynomial(b, { type, keepDiagonal }),
            refs[`${type}10`]!,
            `${message}, threshold 10`,
          );
          assertCoefficients(
            complexPolynomial(b, { type, keepDiagonal, threshold: "all" }),
            refs[`${type}all`]!,
            `${message}, threshold all`,
          );
        }
      }
    });
  }

  it("complexPolynomial reproduces giotto-tda's ComplexPolynomial goldens", () => {
    // giotto-tda gtda/diagrams/tests/test_features_representations.py, test_cp_transform:
    // X = H0 {(0,0), (0,1), (2,3)}, H1 {(4,6), (2,6)}, n_coefficients=2; per dimension
    // the real parts then the imaginary parts (giotto-tda drops diagonal pairs).
    const { h0, h1 } = giottoFeaturesX();
    const vectors = (type: ComplexPolynomialType) => [
      ...complexPolynomial(h0, { type, threshold: 2 }).vector,
      ...complexPolynomial(h1, { type, threshold: 2 }).vector,
    ];
    assertAllClose(vectors("R"), [-2, -3, -4, 2, -6, -28, -12, 36], "R", { absolute: 1e-12 });
    const s13 = Math.sqrt(13);
    assertAllClose(
      vectors("S"),
      [
        -Math.sqrt(2 / 13),
        -3 / (2 * s13),
        (-3 - s13) / Math.sqrt(26),
        1 / s13,
        -2 * (Math.sqrt(2 / 13) + 1 / Math.sqrt(5)),
        -Math.sqrt(8 / (13 * 5)) * 7,
        -3 * (Math.sqrt(2 / 13) + 2 / Math.sqrt(5)),
        Math.sqrt(8 / (13 * 5)) * 9,
      ],
      "S",
      { absolute: 1e-12 },
    );
    const uv = (r: number) => [Math.cos(r) - Math.sin(r), Math.cos(r) + Math.sin(r)] as const;
    const [u01, v01] = uv(1);
    const [u02, v02] = uv(s13);
    const [u11, v11] = uv(Math.sqrt(52));
    const [u12, v12] = uv(Math.sqrt(40));
    assertAllClose(
      vectors("T"),
      [
        -0.5 * (u01 + u02),
        0.25 * (u01 * u02 - v01 * v02),
        -0.5 * (v01 + v02),
        0.25 * (u01 * v02 + u02 * v01),
        -(u11 + 2 * u12),
        2 * (u11 * u12 - v11 * v12),
        -(v11 + 2 * v12),
        2 * (u11 * v12 + u12 * v11),
      ],
      "T",
      { absolute: 1e-12 },
    );
  });
});

describe("complexPolynomial conventions", () => {
  it("complexPolynomial pads with zeros past the number of roots", () => {
    const c = complexPolynomial(barcode([[1, 2]]), { threshold: 3 });
    assert.deepEqual([...c.real], [-1, 0, 0]);
    assert.deepEqual([...c.imaginary], [-2, 0, 0]);
    assert.deepEqual([...complexPolynomial(barcode([]), { threshold: "all" }).vector], []);
  });

  it("complexPolynomial of type R sees diagonal pairs only with keepDiagonal", () => {
    const b = barcode([
      [0, 1],
      [2, 2],
    ]);
    // z - i
    assert.deepEqual([...complexPolynomial(b, { threshold: 2 }).vector], [0, 0, -1, 0]);
    // (z - i)(z - (2 + 2i)) = z^2 - (2 + 3i) z + (-2 + 2i)
    const kept = complexPolynomial(b, { threshold: 2, keepDiagonal: true });
    assert.deepEqual([...kept.real], [-2, -2]);
    assert.deepEqual([...kept.imaginary], [-3, 2]);
  });

  it("complexPolynomial ignores essential classes unless infinity is given", () => {
    const b = barcode([
      [0, 1],
      [1, null],
    ]);
    assert.deepEqual(complexPolynomial(b), complexPolynomial(barcode([[0, 1]])));
    assert.deepEqual(
      complexPolynomial(b, { infinityValue: 4, type: "S" }),
      complexPolynomial(
        barcode([
          [0, 1],
          [1, 4],
        ]),
        { type: "S" },
      ),
    );
  });

  it("complexPolynomial rejects bad options loudly", () => {
    const b = barcode([[0, 1]]);
    assert.throws(
      () => complexPolynomial(b, { type: "U" as never }),
      /options.type must be "R", "S" or "T"/,
    );
    assert.throws(
      () => complexPolynomial(b, { threshold: 0 }),
      /options.threshold must be an integer >= 1/,
    );
    assert.throws(() => complexPolynomial(b, { threshold: -1 }), RangeError);
    assert.throws(() => complexPolynomial(b, { keepDiagonal: "yes" as never }), TypeError);
  });
});

describe("complexPolynomial properties", () => {
  const close = (a: ComplexCoefficients, b: ComplexCoefficients, scale: number) => {
    assertAllClose(a.vector, b.vector, "coefficients", { absolute: 1e-12 * scale });
  };
  /** A bound on the coefficients' size: prod (1 + |z_k|). */
  const sizeOf = (b: Barcode) => {
    let s = 1;
    for (let k = 0; k < b.births.length; k += 1) {
      if (b.deaths[k] === Number.POSITIVE_INFINITY) continue;
      s *= 1 + Math.hypot(b.births[k]!, b.deaths[k]!);
    }
    return s;
  };

  it("complexPolynomial is unchanged by diagonal pairs (S and T always, R by default)", () => {
    fc.assert(
      fc.property(
        arbitraryPairs({ maxLength: 8 }),
        arbitraryDiagonal(3),
        fc.integer(),
        fc.constantFrom(...TYPES),
        (pairs, diagonal, seed, type) => {
          const b = bars(pairs);
          const withDiagonal = bars(interleave(pairs, diagonal, seed));
          const scale = sizeOf(b);
          close(complexPolynomial(withDiagonal, { type }), complexPolynomial(b, { type }), scale);
          if (type !== "R") {
            close(
              complexPolynomial(withDiagonal, { type, keepDiagonal: true, threshold: 6 }),
              complexPolynomial(b, { type, keepDiagonal: true, threshold: 6 }),
              scale,
            );
          }
        },
      ),
      { seed: 31, numRuns: 150 },
    );
  });

  it("complexPolynomial does not depend on the order of the pairs", () => {
    fc.assert(
      fc.property(
        arbitraryPairs({ maxLength: 8 }),
        fc.integer(),
        fc.constantFrom(...TYPES),
        (pairs, seed, type) => {
          const b = bars(pairs);
          close(
            complexPolynomial(bars(shuffle(pairs, seed)), { type }),
            complexPolynomial(b, { type }),
            sizeOf(b),
          );
        },
      ),
      { seed: 32, numRuns: 150 },
    );
  });
});
