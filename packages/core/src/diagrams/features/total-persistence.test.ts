import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  arbitraryDiagonal,
  arbitraryPairs,
  assertClose,
  bars,
  featureDimensions,
  interleave,
  shuffle,
} from "../../test-support/features.js";
import { barcode } from "../barcode.js";
import { totalPersistence } from "./total-persistence.js";

describe("totalPersistence", () => {
  // Fixtures from scripts/fixtures/features.py (sums recomputed in numpy).
  for (const { label, fixture, ref, bars: b } of featureDimensions()) {
    it(`totalPersistence equals numpy on ${label}`, () => {
      for (const [power, expected] of Object.entries(ref.amplitudes.totalPersistence)) {
        assertClose(totalPersistence(b, { power: Number(power) }), expected, `power ${power}`);
      }
      for (const [power, expected] of Object.entries(ref.amplitudesInfinity.totalPersistence)) {
        const options = { power: Number(power), infinityValue: fixture.infinity };
        assertClose(totalPersistence(b, options), expected, `power ${power}, infinity`);
      }
    });
  }

  it("totalPersistence sums lifetimes and ignores essential classes by default", () => {
    const b = barcode([
      [0, 1],
      [2, 4],
      [0, null],
    ]);
    assert.equal(totalPersistence(b), 3);
    assert.equal(totalPersistence(b, { power: 2 }), 5);
    assert.equal(totalPersistence(b, { infinityValue: 10 }), 13);
    assert.equal(totalPersistence(barcode([])), 0);
  });

  it("totalPersistence rejects bad options loudly", () => {
    const b = barcode([[0, 1]]);
    assert.throws(
      () => totalPersistence(b, { power: 0 }),
      /options.power must be a finite number > 0; got 0/,
    );
    assert.throws(() => totalPersistence(b, { power: Number.POSITIVE_INFINITY }), RangeError);
    assert.throws(() => totalPersistence(b, { power: "2" as never }), TypeError);
  });

  it("totalPersistence is unchanged by diagonal pairs and by reordering", () => {
    fc.assert(
      fc.property(
        arbitraryPairs(),
        arbitraryDiagonal(),
        fc.integer(),
        fc.constantFrom(0.5, 1, 2),
        (pairs, diagonal, seed, power) => {
          const t = totalPersistence(bars(pairs), { power });
          assertClose(
            totalPersistence(bars(interleave(pairs, diagonal, seed)), { power }),
            t,
            "diag",
            {
              relative: 1e-12,
            },
          );
          assertClose(totalPersistence(bars(shuffle(pairs, seed)), { power }), t, "shuffled", {
            relative: 1e-12,
          });
        },
      ),
      { seed: 41, numRuns: 150 },
    );
  });
});
