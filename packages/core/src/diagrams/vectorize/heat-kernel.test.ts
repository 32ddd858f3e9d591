import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertUnchangedByDiagonalAndOrder } from "../../test-support/diagonal-and-order-invariance.js";
import {
  assertClose,
  barcodeArb,
  fixtureBarcode,
  maxAbs,
  readVectorizeFixture,
  sampleRangeArb,
} from "../../test-support/vectorize-fixtures.js";
import { barcode } from "../barcode.js";
import { fitHeatKernel, type HeatKernelOptions, heatKernel } from "./heat-kernel.js";

interface HeatCase {
  readonly name: string;
  readonly first: string;
  readonly second: string;
  readonly params: HeatKernelOptions & { sampleRange: [number, number]; resolution: number };
  readonly reference: string;
  readonly kernel: number;
  readonly integral: number;
}

// Made by scripts/fixtures/vectorize.py from GUDHI's PersistenceScaleSpaceKernel:
// `integral` is the L2 inner product of the two heat-kernel functions over the
// plane, GUDHI's kernel value / (sqrt(pi) sigma) (see the script).
const fixture = readVectorizeFixture<HeatCase>("heat-kernel");
const runs = { seed: 20250305, numRuns: 60 };

describe("heatKernel parity with GUDHI's persistence scale-space kernel", () => {
  for (const c of fixture.cases) {
    it(`the sampled heatKernel images integrate to GUDHI's kernel within 1e-9: ${c.name}`, () => {
      const f = heatKernel(fixtureBarcode(fixture, c.first), c.params);
      const g = heatKernel(fixtureBarcode(fixture, c.second), c.params);
      const [lo, hi] = c.params.sampleRange;
      const step = (hi - lo) / (c.params.resolution - 1);
      let sum = 0;
      for (let k = 0; k < f.values.length; k += 1) sum += f.values[k]! * g.values[k]!;
      assertClose([sum * step * step], [c.integral], c.reference);
    });
  }
});

describe("heatKernel conventions", () => {
  it("heatKernel's documented example holds", () => {
    const h = heatKernel(barcode([[0, 1]]), { resolution: 3, sampleRange: [0, 1], sigma: 0.5 });
    // At birth 0, death 1: the point's Gaussian at its centre (1) minus the
    // mirror point (1, 0)'s at squared distance 2, exp(-2 / (2 * 0.25)).
    assertClose(
      [h.values[2 * 3 + 0]!],
      [(1 - Math.exp(-4)) / (2 * Math.PI * 0.25)],
      "example",
      1e-15,
      0,
    );
    assert.deepEqual(Array.from(h.grid), [0, 0.5, 1]);
  });

  it("fitHeatKernel fits [smallest birth, largest death] and samples it end to end", () => {
    const settings = fitHeatKernel(
      [
        barcode([
          [0, 2],
          [0.5, null],
        ]),
        barcode([[1, 4]]),
      ],
      { resolution: 5 },
    );
    assert.deepEqual(settings, {
      resolution: 5,
      sampleRange: [0, 4],
      sigma: 1,
      infinityValue: undefined,
    });
    assert.deepEqual(Array.from(heatKernel(barcode([[0, 1]]), settings).grid), [0, 1, 2, 3, 4]);
    assert.equal(heatKernel(barcode([[0, 1]])).values.length, 100 * 100);
  });
});

// After giotto-tda's gtda/diagrams/tests/test_features_representations.py
// (test_hk_positive, test_hk_pi_big_sigma, test_hk_with_diag_points), plus
// exact antisymmetry and invariance under reordering.
describe("heatKernel properties", () => {
  const optionsArb = fc.record({
    resolution: fc.integer({ min: 1, max: 16 }),
    sampleRange: sampleRangeArb(12),
    sigma: fc.double({ min: 0.05, max: 3, noNaN: true }),
  });

  it("heatKernel is antisymmetric across the diagonal and non-negative above it", () => {
    fc.assert(
      fc.property(barcodeArb(), optionsArb, (bars, options) => {
        const { values, resolution: n } = heatKernel(bars, options);
        const floor = -1e-13 * (1 + maxAbs(values));
        for (let j = 0; j < n; j += 1) {
          for (let i = 0; i < n; i += 1) {
            assert.equal(values[i * n + j], -values[j * n + i]! + 0);
            if (j > i) assert.ok(values[j * n + i]! >= floor);
          }
        }
      }),
      runs,
    );
  });

  it("heatKernel is close to zero everywhere for a huge sigma", () => {
    fc.assert(
      fc.property(barcodeArb(), (bars) => {
        const spread = Math.max(
          1,
          ...Array.from(bars.deaths, Math.abs),
          ...Array.from(bars.births, Math.abs),
        );
        const h = heatKernel(bars, { resolution: 10, sigma: 100 * spread });
        assert.ok(maxAbs(h.values) <= 1e-3);
      }),
      runs,
    );
  });

  it("heatKernel is unchanged by points on the diagonal and by the order of the pairs", () => {
    assertUnchangedByDiagonalAndOrder(heatKernel, optionsArb, runs);
  });
});

describe("heatKernel validation", () => {
  it("heatKernel rejects bad options with errors that name them", () => {
    const bars = barcode([
      [0, 1],
      [0.5, null],
    ]);
    assert.throws(
      () => heatKernel(bars, { sigma: 0 }),
      /heatKernel: options\.sigma must be finite and > 0/,
    );
    assert.throws(() => heatKernel(bars, { resolution: 0 }), RangeError);
    assert.throws(() => heatKernel(bars, { sampleRange: [2, 1] }), RangeError);
    assert.throws(() => heatKernel(bars, { infinityValue: 0.25 }), /below the birth 0.5/);
    assert.throws(() => fitHeatKernel({} as never), TypeError);
  });
});
