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
import { lifetimeNorm } from "./lifetime-norm.js";
import { totalPersistence } from "./total-persistence.js";

describe("lifetimeNorm", () => {
  // Fixtures from scripts/fixtures/features.py (numpy.linalg.norm of the lifetimes).
  for (const { label, fixture, ref, bars: b } of featureDimensions()) {
    it(`lifetimeNorm equals numpy.linalg.norm on ${label}`, () => {
      for (const [p, expected] of Object.entries(ref.amplitudes.lifetimeNorm)) {
        assertClose(lifetimeNorm(b, { p: Number(p) }), expected, `p ${p}`);
      }
      for (const [p, expected] of Object.entries(ref.amplitudesInfinity.lifetimeNorm)) {
        const options = { p: Number(p), infinityValue: fixture.infinity };
        assertClose(lifetimeNorm(b, options), expected, `p ${p}, infinity`);
      }
    });
  }

  it("lifetimeNorm halved reproduces giotto-tda's bottleneck amplitude goldens", () => {
    // giotto-tda gtda/diagrams/tests/test_distance.py, test_da_transform_bottleneck:
    // Amplitude(metric="bottleneck") of X_bottleneck is [[1/2, 2], [1, 0], [1/4, 2]]
    // (per diagram, H0 then H1).
    const diagrams: [number, number][][][] = [
      [
        [
          [0, 1],
          [0, 0],
        ],
        [[0, 4]],
      ],
      [
        [
          [0, 2],
          [0, 1],
        ],
        [[0, 0]],
      ],
      [
        [
          [3, 3.5],
          [0, 0],
        ],
        [[5, 9]],
      ],
    ];
    const expected = [
      [1 / 2, 2],
      [1, 0],
      [1 / 4, 2],
    ];
    diagrams.forEach((dims, i) => {
      dims.forEach((pairs, dim) => {
        const amplitude = lifetimeNorm(barcode(pairs), { p: Number.POSITIVE_INFINITY }) / 2;
        assert.equal(amplitude, expected[i]![dim], `diagram ${i} H${dim}`);
      });
    });
  });

  it("lifetimeNorm of order p is the p-th root of the total persistence of power p", () => {
    fc.assert(
      fc.property(arbitraryPairs(), fc.double({ min: 1, max: 6, noNaN: true }), (pairs, p) => {
        const b = bars(pairs);
        assertClose(lifetimeNorm(b, { p }), totalPersistence(b, { power: p }) ** (1 / p), "norm", {
          relative: 1e-12,
        });
      }),
      { seed: 51, numRuns: 150 },
    );
  });

  it("lifetimeNorm neither overflows nor underflows for extreme lifetimes", () => {
    assert.equal(
      lifetimeNorm(
        barcode([
          [0, 1e200],
          [0, 1e200],
        ]),
        { p: 4 },
      ),
      1e200 * 2 ** 0.25,
    );
    assertClose(
      lifetimeNorm(
        barcode([
          [0, 1e-200],
          [0, 1e-200],
        ]),
        { p: 4 },
      ),
      1e-200 * 2 ** 0.25,
      "tiny",
    );
  });

  it("lifetimeNorm rejects orders below 1 loudly", () => {
    const b = barcode([[0, 1]]);
    assert.throws(
      () => lifetimeNorm(b, { p: 0.5 }),
      /options.p must be in \[1, Infinity\]; got 0.5/,
    );
    assert.throws(() => lifetimeNorm(b, { p: Number.NaN }), RangeError);
  });

  it("lifetimeNorm is unchanged by diagonal pairs and by reordering", () => {
    fc.assert(
      fc.property(
        arbitraryPairs(),
        arbitraryDiagonal(),
        fc.integer(),
        fc.constantFrom(1, 2, 3.5, Number.POSITIVE_INFINITY),
        (pairs, diagonal, seed, p) => {
          const n = lifetimeNorm(bars(pairs), { p });
          assertClose(lifetimeNorm(bars(interleave(pairs, diagonal, seed)), { p }), n, "diag", {
            relative: 1e-12,
          });
          assertClose(lifetimeNorm(bars(shuffle(pairs, seed)), { p }), n, "shuffled", {
            relative: 1e-12,
          });
        },
      ),
      { seed: 52, numRuns: 150 },
    );
  });
});
