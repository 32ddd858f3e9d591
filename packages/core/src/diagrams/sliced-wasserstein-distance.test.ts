import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { bruteForceWasserstein } from "../test-support/brute-force-wasserstein.js";
import { type Barcode, barcode } from "./barcode.js";
import { slicedWassersteinDistance } from "./sliced-wasserstein-distance.js";

interface SlicedFixture {
  readonly reference: string;
  readonly cases: {
    name: string;
    a: [number, number][];
    b: [number, number][];
    distances: { numDirections: number; distance: number }[];
  }[];
}

// Made by scripts/fixtures/auction.py from Debian's python3-gudhi.
const fixture = JSON.parse(
  readFileSync(new URL("../../../../fixtures/auction/sliced.json", import.meta.url), "utf8"),
) as SlicedFixture;

/** |actual - expected| <= 1e-9 |expected|; exactly 0 when expected is 0. */
function assertClose(actual: number, expected: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= 1e-9 * Math.abs(expected),
    `${what}: ${actual} vs GUDHI's ${expected}`,
  );
}

describe("slicedWassersteinDistance against GUDHI", () => {
  it("has fixtures with ties, diagonal points and empty barcodes", () => {
    const names = fixture.cases.map((c) => c.name);
    for (const name of ["ties", "diagonal", "empty-a", "empty-both", "random-200"]) {
      assert.ok(names.includes(name), name);
    }
  });

  for (const c of fixture.cases) {
    it(`slicedWassersteinDistance equals GUDHI's SlicedWassersteinDistance on ${c.name}`, () => {
      const a = barcode(c.a);
      const b = barcode(c.b);
      for (const { numDirections, distance } of c.distances) {
        assertClose(
          slicedWassersteinDistance(a, b, { directions: numDirections }),
          distance,
          `${numDirections} directions`,
        );
        if (numDirections === 10) {
          assertClose(slicedWassersteinDistance(a, b), distance, "default directions (10)");
        }
      }
    });
  }
});

const coordinate = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map((k) => k / 4),
  fc.double({ min: -5, max: 5, noNaN: true }),
);
const lifetime = fc.oneof(
  fc.integer({ min: 0, max: 8 }).map((k) => k / 4),
  fc.double({ min: 0, max: 4, noNaN: true }),
);
const finiteBarcode = (maxLength: number) =>
  fc
    .array(fc.tuple(coordinate, lifetime), { maxLength })
    .map((pairs) => barcode(pairs.map(([b, l]) => [b, b + l] as [number, number])));
const directions = fc.integer({ min: 1, max: 40 });

describe("slicedWassersteinDistance properties", () => {
  it("slicedWassersteinDistance is symmetric and zero on equal barcodes in any order", () => {
    fc.assert(
      fc.property(finiteBarcode(30), finiteBarcode(30), directions, (a, b, m) => {
        const options = { directions: m };
        assert.equal(
          slicedWassersteinDistance(a, b, options),
          slicedWassersteinDistance(b, a, options),
        );
        const reversed = { births: a.births.slice().reverse(), deaths: a.deaths.slice().reverse() };
        assert.equal(slicedWassersteinDistance(a, reversed, options), 0);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it("slicedWassersteinDistance satisfies the triangle inequality", () => {
    fc.assert(
      fc.property(
        finiteBarcode(20),
        finiteBarcode(20),
        finiteBarcode(20),
        directions,
        (a, b, c, m) => {
          const options = { directions: m };
          const ab = slicedWassersteinDistance(a, b, options);
          const bc = slicedWassersteinDistance(b, c, options);
          const ac = slicedWassersteinDistance(a, c, options);
          assert.ok(ac <= (ab + bc) * (1 + 1e-12) + 1e-12, `${ac} > ${ab} + ${bc}`);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
  });

  // Proof of the bound: take an optimal matching for W_{1,2}. For a direction
  // with unit vector e, pair the two lists of projections as follows: a
  // matched (x, y) gives x.e against y.e and (the diagonal projection of y).e
  // against (that of x).e; an unmatched x gives x.e against its diagonal
  // projection's. Projections onto e and onto the diagonal are 1-Lipschitz in
  // L2, so a matched pair costs at most 2 |x - y|_2 and an unmatched x at most
  // its L2 distance to the diagonal; the sorted pairing costs no more than
  // this one, and averaging over the directions keeps the bound.
  it("slicedWassersteinDistance is at most twice the exact W_{1,2} distance", () => {
    fc.assert(
      fc.property(finiteBarcode(6), finiteBarcode(6), directions, (a, b, m) => {
        const sliced = slicedWassersteinDistance(a, b, { directions: m });
        const w = bruteForceWasserstein(a, b, 1, 2);
        assert.ok(sliced <= 2 * w * (1 + 1e-12) + 1e-12, `${sliced} > 2 * ${w}`);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe("slicedWassersteinDistance conventions and validation", () => {
  it("slicedWassersteinDistance returns the documented example", () => {
    const value = slicedWassersteinDistance(barcode([[0, 1]]), barcode([[0.5, 0.75]]), {
      directions: 1,
    });
    assert.ok(Math.abs(value - 0.375) < 1e-15, `${value}`);
  });

  it("slicedWassersteinDistance is zero between empty barcodes and ignores pairs on the diagonal", () => {
    const empty = barcode([]);
    assert.equal(slicedWassersteinDistance(empty, empty), 0);
    // A pair on the diagonal projects to the same place as its diagonal
    // projection, so it adds the same value to both lists.
    const a = barcode([
      [0, 1],
      [0.5, 2],
    ]);
    const withDiagonal = barcode([
      [0, 1],
      [0.5, 2],
      [0.25, 0.25],
    ]);
    const b = barcode([[0.3, 0.9]]);
    const plain = slicedWassersteinDistance(a, b, { directions: 7 });
    assert.ok(
      Math.abs(slicedWassersteinDistance(withDiagonal, b, { directions: 7 }) - plain) <=
        1e-12 * plain,
    );
  });

  it("slicedWassersteinDistance rejects essential classes, naming the barcode", () => {
    const finite = barcode([[0, 1]]);
    const essential: Barcode = barcode([
      [0, 1],
      [0, null],
      [1, null],
    ]);
    assert.throws(
      () => slicedWassersteinDistance(finite, essential),
      (e: Error) =>
        e instanceof RangeError &&
        /slicedWassersteinDistance: b has 2 essential classes \(death Infinity\)/.test(e.message) &&
        /splitEssential/.test(e.message),
    );
    assert.throws(
      () => slicedWassersteinDistance(barcode([[0, null]]), finite),
      /slicedWassersteinDistance: a has 1 essential class \(/,
    );
  });

  it("slicedWassersteinDistance refuses bad barcodes and bad options", () => {
    const a = barcode([[0, 1]]);
    assert.throws(() => slicedWassersteinDistance({} as never, a), TypeError);
    assert.throws(() => slicedWassersteinDistance(a, a, "10" as never), TypeError);
    for (const [directions, kind] of [
      [0, RangeError],
      [2.5, RangeError],
      [Number.NaN, RangeError],
      [Number.POSITIVE_INFINITY, RangeError],
      ["10", TypeError],
    ] as const) {
      assert.throws(
        () => slicedWassersteinDistance(a, a, { directions: directions as never }),
        (e: Error) =>
          e instanceof kind && /slicedWassersteinDistance: options\.directions/.test(e.message),
        String(directions),
      );
    }
  });
});
