import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  arbitraryDiagonal,
  arbitraryPairs,
  assertClose,
  bars,
  featureDimensions,
  giottoFeaturesX,
  interleave,
  shuffle,
} from "../../test-support/features.js";
import { barcode } from "../barcode.js";
import { persistentEntropy } from "./persistent-entropy.js";

describe("persistentEntropy parity", () => {
  // Fixtures from scripts/fixtures/features.py (GUDHI 3.7.1 and numpy).
  for (const { label, fixture, ref, bars: b } of featureDimensions()) {
    it(`persistentEntropy equals GUDHI's Entropy(mode="scalar") on ${label}`, () => {
      // GUDHI is given the finite pairs of positive lifetime (with a zero-length
      // pair it returns NaN, recorded as gudhiRaw); nettopo drops them itself.
      const expected = ref.entropy.gudhi ?? 0;
      assertClose(persistentEntropy(b), expected, "natural log");
      if (ref.entropy.gudhiRaw !== null) {
        assertClose(persistentEntropy(b), ref.entropy.gudhiRaw, "raw");
      }
    });
    it(`persistentEntropy's base and normalizations equal numpy on ${label}`, () => {
      const np = ref.entropy.numpy;
      assertClose(persistentEntropy(b, { base: 2 }), np.base2, "base 2");
      assertClose(persistentEntropy(b, { normalization: "count" }), np.count, "count");
      assertClose(
        persistentEntropy(b, { normalization: "count", base: 10 }),
        np.count,
        "count, base 10",
      );
      assertClose(
        persistentEntropy(b, { normalization: "total-lifetime" }),
        np.totalLifetime,
        "total-lifetime",
      );
      const inf = ref.entropy.numpyInfinity;
      assertClose(
        persistentEntropy(b, { infinityValue: fixture.infinity }),
        inf.natural,
        "infinity",
      );
      assertClose(
        persistentEntropy(b, {
          infinityValue: fixture.infinity,
          normalization: "total-lifetime",
        }),
        inf.totalLifetime,
        "infinity, total-lifetime",
      );
    });
  }

  it("persistentEntropy reproduces giotto-tda's PersistenceEntropy goldens", () => {
    // giotto-tda gtda/diagrams/tests/test_features_representations.py, test_pe_transform:
    // X = H0 {(0,0), (0,1), (2,3)}, H1 {(4,6), (2,6)};
    // PersistenceEntropy() -> [1, 0.91829583405] (base 2),
    // PersistenceEntropy(normalize=True) -> [1, 0.355245321276].
    const { h0, h1 } = giottoFeaturesX();
    assertClose(persistentEntropy(h0, { base: 2 }), 1, "H0", { relative: 1e-11 });
    assertClose(persistentEntropy(h1, { base: 2 }), 0.91829583405, "H1", { relative: 1e-11 });
    const normalize = { normalization: "total-lifetime" } as const;
    assertClose(persistentEntropy(h0, normalize), 1, "H0 normalized", { relative: 1e-11 });
    assertClose(persistentEntropy(h1, normalize), 0.355245321276, "H1 normalized", {
      relative: 1e-11,
    });
    // Older giotto-tda (gtda/diagrams/tests/test_features.py, natural log) on the
    // same pairs without (0,0): [0.69314718, 0.63651417].
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: giotto-tda's golden as printed
    assertClose(persistentEntropy(h0), 0.69314718, "H0 natural", { absolute: 1e-8 });
    assertClose(persistentEntropy(h1), 0.63651417, "H1 natural", { absolute: 1e-8 });
  });
});

describe("persistentEntropy conventions", () => {
  it("persistentEntropy ignores essential classes unless infinity is given", () => {
    const withEssential = barcode([
      [0, 1],
      [0, 3],
      [1, null],
    ]);
    const finite = barcode([
      [0, 1],
      [0, 3],
    ]);
    assert.equal(persistentEntropy(withEssential), persistentEntropy(finite));
    const replaced = barcode([
      [0, 1],
      [0, 3],
      [1, 5],
    ]);
    assert.equal(
      persistentEntropy(withEssential, { infinityValue: 5 }),
      persistentEntropy(replaced),
    );
  });

  it("persistentEntropy is 0 for an empty barcode, one pair or only diagonal pairs", () => {
    for (const normalization of ["none", "count", "total-lifetime"] as const) {
      assert.equal(persistentEntropy(barcode([]), { normalization }), 0);
      assert.equal(persistentEntropy(barcode([[0, 2]]), { normalization }), 0);
      assert.equal(
        persistentEntropy(
          barcode([
            [1, 1],
            [2, 2],
          ]),
          { normalization },
        ),
        0,
      );
    }
  });

  it("persistentEntropy with count normalization is 1 for equal lifetimes", () => {
    const equal = barcode([
      [0, 1],
      [3, 4],
      [-2, -1],
    ]);
    assertClose(persistentEntropy(equal), Math.log(3), "none");
    assertClose(persistentEntropy(equal, { normalization: "count" }), 1, "count");
  });

  it("persistentEntropy rejects bad options and barcodes loudly", () => {
    const b = barcode([[0, 1]]);
    assert.throws(() => persistentEntropy(b, { base: 1 }), /options.base must be/);
    assert.throws(() => persistentEntropy(b, { base: -2 }), RangeError);
    assert.throws(
      () => persistentEntropy(b, { normalization: "log" as never }),
      /options.normalization must be "none", "count" or "total-lifetime"; got "log"/,
    );
    assert.throws(
      () => persistentEntropy(b, { infinityValue: Number.POSITIVE_INFINITY }),
      RangeError,
    );
    assert.throws(() => persistentEntropy(b, { infinityValue: "1" as never }), TypeError);
    assert.throws(
      () => persistentEntropy(barcode([[3, null]]), { infinityValue: 2 }),
      /options.infinityValue \(2\) is below the birth 3 of essential pair 0/,
    );
    assert.throws(
      () => persistentEntropy([] as never),
      /persistentEntropy: bars must have Float64Array/,
    );
  });
});

describe("persistentEntropy properties", () => {
  it("persistentEntropy is unchanged by pairs on the diagonal and by reordering", () => {
    fc.assert(
      fc.property(
        arbitraryPairs(),
        arbitraryDiagonal(),
        fc.integer(),
        fc.constantFrom("none", "count", "total-lifetime"),
        (pairs, diagonal, seed, normalization) => {
          const options = { normalization } as const;
          const h = persistentEntropy(bars(pairs), options);
          const withDiagonal = persistentEntropy(bars(interleave(pairs, diagonal, seed)), options);
          const shuffled = persistentEntropy(bars(shuffle(pairs, seed)), options);
          assertClose(withDiagonal, h, "diagonal", { relative: 1e-12 });
          assertClose(shuffled, h, "shuffled", { relative: 1e-12, absolute: 1e-15 });
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it("persistentEntropy lies in [0, log(n)] for n pairs of positive lifetime", () => {
    fc.assert(
      fc.property(
        arbitraryPairs({ essential: false }),
        fc.constantFrom(2, Math.E, 10),
        (pairs, base) => {
          const h = persistentEntropy(bars(pairs), { base });
          const bound = pairs.length === 0 ? 0 : Math.log(pairs.length) / Math.log(base);
          return h >= 0 && h <= bound * (1 + 1e-12);
        },
      ),
      { seed: 12, numRuns: 200 },
    );
  });
});
