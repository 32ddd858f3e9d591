import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertUnchangedByDiagonalAndOrder } from "../../test-support/diagonal-and-order-invariance.js";
import {
  assertClose,
  barcodeArb,
  caseOptions,
  fixtureBarcode,
  readVectorizeFixture,
} from "../../test-support/vectorize-fixtures.js";
import { barcode } from "../barcode.js";
import {
  fitPersistenceImage,
  type PersistenceImageOptions,
  type PersistenceImageWeight,
  persistenceImage,
} from "./persistence-image.js";

interface ImageCase {
  readonly name: string;
  readonly diagram: string;
  readonly fitOn: string[];
  readonly params: Omit<PersistenceImageOptions, "weight"> & { weight: string };
  readonly reference: string;
  readonly imageRange: number[];
  readonly births: number[];
  readonly persistences: number[];
  readonly values: number[];
}

// Made by scripts/fixtures/vectorize.py from gudhi.representations.PersistenceImage.
const fixture = readVectorizeFixture<ImageCase>("persistence-image");
const runs = { seed: 20250304, numRuns: 80 };

/** The fixture's weights by name; "persistence-squared" is GUDHI's lambda x: x[1]**2. */
function weightOf(name: string): PersistenceImageOptions["weight"] {
  if (name === "persistence" || name === "constant") return name;
  assert.equal(name, "persistence-squared");
  return ((_birth: number, persistence: number) =>
    persistence * persistence) as PersistenceImageWeight;
}

describe("persistenceImage parity with GUDHI", () => {
  for (const c of fixture.cases) {
    it(`persistenceImage equals GUDHI's PersistenceImage within 1e-9: ${c.name} (${c.diagram})`, () => {
      const bars = fixtureBarcode(fixture, c.diagram);
      const options: PersistenceImageOptions = { ...c.params, weight: weightOf(c.params.weight) };
      const settings = caseOptions(fixture, c.fitOn, options, fitPersistenceImage);
      const image = persistenceImage(bars, settings);
      assert.deepEqual(image.settings.imageRange, c.imageRange, `im_range of ${c.reference}`);
      assert.deepEqual(Array.from(image.births), c.births, "birth samples");
      assert.deepEqual(Array.from(image.persistences), c.persistences, "persistence samples");
      assert.equal(image.width * image.height, c.values.length);
      assertClose(image.values, c.values, c.reference);
    });
  }
});

describe("persistenceImage conventions", () => {
  it("persistenceImage puts birth on columns and persistence on rows, lowest persistence first", () => {
    // One point at birth 1, persistence 3 on a 5 x 4 grid that has both as
    // samples: the brightest pixel is column 1 (births 0..4), row 3
    // (persistences 0..3).
    const image = persistenceImage(barcode([[1, 4]]), {
      resolution: [5, 4],
      imageRange: [0, 4, 0, 3],
      bandwidth: 0.2,
    });
    let best = 0;
    image.values.forEach((v, k) => {
      if (v > image.values[best]!) best = k;
    });
    assert.equal(best, 3 * 5 + 1);
    // Its value there: weight 3 (persistence) times the Gaussian's peak.
    assertClose([image.values[best]!], [3 / (2 * Math.PI * 0.04)], "peak", 1e-14, 0);
  });

  it("persistenceImage's weight function receives (birth, persistence)", () => {
    const seen: [number, number][] = [];
    persistenceImage(
      barcode([
        [1, 4],
        [2, null],
      ]),
      {
        resolution: [2, 2],
        weight: (b, p) => {
          seen.push([b, p]);
          return 1;
        },
      },
    );
    assert.deepEqual(seen, [[1, 3]]);
  });

  it("fitPersistenceImage fits birth and persistence ranges and falls back to [0, 1, 0, 1]", () => {
    const settings = fitPersistenceImage([
      barcode([
        [0, 2],
        [0.5, null],
      ]),
      barcode([[1, 4]]),
    ]);
    assert.deepEqual(settings.imageRange, [0, 1, 2, 3]);
    assert.deepEqual(settings.resolution, [20, 20]);
    assert.equal(settings.bandwidth, 1);
    assert.equal(settings.weight, "persistence");
    assert.deepEqual(
      fitPersistenceImage([barcode([[0.5, null]])], { infinityValue: 2 }).imageRange,
      [0.5, 0.5, 1.5, 1.5],
    );
    assert.deepEqual(fitPersistenceImage([barcode([])]).imageRange, [0, 1, 0, 1]);
  });
});

// Properties after giotto-tda's gtda/diagrams/tests/test_features_representations.py
// (test_pi_positive, test_pi_zero_weight_function, test_pi_null), plus
// invariance under reordering and added diagonal points.
describe("persistenceImage properties", () => {
  const optionsArb = fc.record({
    resolution: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })),
    imageRange: fc
      .tuple(
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
      )
      .map(([b, bw, p, pw]) => [b, b + bw, p, p + pw] as [number, number, number, number]),
    bandwidth: fc.double({ min: 0.05, max: 3, noNaN: true }),
  });

  it("persistenceImage is non-negative for non-negative weights", () => {
    fc.assert(
      fc.property(
        barcodeArb(),
        optionsArb,
        fc.constantFrom("persistence", "constant"),
        (bars, options, weight) => {
          const image = persistenceImage(bars, {
            ...options,
            weight: weight as "persistence" | "constant",
          });
          assert.ok(image.values.every((v) => v >= 0));
        },
      ),
      runs,
    );
  });

  it("persistenceImage is zero for a zero weight and for a diagram on the diagonal", () => {
    fc.assert(
      fc.property(
        barcodeArb(),
        optionsArb,
        fc.array(fc.double({ min: -6, max: 6, noNaN: true })),
        (bars, options, xs) => {
          assert.ok(
            persistenceImage(bars, { ...options, weight: () => 0 }).values.every((v) => v === 0),
          );
          const diagonal = barcode(xs.map((x) => [x, x] as [number, number]));
          assert.ok(persistenceImage(diagonal, options).values.every((v) => v === 0));
        },
      ),
      runs,
    );
  });

  it("persistenceImage (persistence weight) is unchanged by points on the diagonal and by the order of the pairs", () => {
    assertUnchangedByDiagonalAndOrder(persistenceImage, optionsArb, runs);
  });
});

describe("persistenceImage validation", () => {
  const bars = barcode([[0, 1]]);

  it("persistenceImage rejects bad options with errors that name them", () => {
    assert.throws(() => persistenceImage(bars, { resolution: [0, 3] }), /options\.resolution\[0\]/);
    assert.throws(() => persistenceImage(bars, { resolution: 20 as never }), TypeError);
    assert.throws(
      () => persistenceImage(bars, { bandwidth: 0 }),
      /options\.bandwidth must be finite and > 0/,
    );
    assert.throws(() => persistenceImage(bars, { imageRange: [0, 1, 2, 1] }), /min <= max/);
    assert.throws(() => persistenceImage(bars, { weight: "linear" as never }), TypeError);
    assert.throws(
      () => persistenceImage(bars, { weight: () => Number.NaN }),
      (e: unknown) => e instanceof RangeError && /weight returned NaN/.test(e.message),
    );
    assert.throws(() => persistenceImage(bars, { weight: () => "1" as never }), TypeError);
  });
});
