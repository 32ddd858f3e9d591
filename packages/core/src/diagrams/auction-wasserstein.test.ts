import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  bruteForceWasserstein,
  diagonalDistance,
  lqNorm,
} from "../test-support/brute-force-wasserstein.js";
import { auctionWasserstein, auctionWassersteinMatching } from "./auction-wasserstein.js";
import { type Barcode, barcode } from "./barcode.js";
import type { DiagramMatching } from "./diagram-matching.js";

type PairJSON = [number, number | null];

interface AuctionFixture {
  readonly reference: string;
  readonly a: PairJSON[];
  readonly b: PairJSON[];
  readonly distances: { order: number; internalP: number | null; distance: number | null }[];
}

// Made by scripts/fixtures/auction.py: exact distances from POT through
// gudhi.wasserstein.wasserstein_distance (null = Infinity).
const fixtureDir = new URL("../../../../fixtures/auction/", import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".json") && name !== "sliced.json")
  .sort()
  .map((name) => ({
    name,
    fixture: JSON.parse(readFileSync(new URL(name, fixtureDir), "utf8")) as AuctionFixture,
  }));

const DELTAS = [0.1, 0.01, 1e-4];
/** Relative slack for rounding when comparing with the exact value. */
const ROUNDING = 1e-12;

/** Asserts exact <= value <= (1 + delta) exact, up to ROUNDING. */
function assertWithinBound(value: number, exact: number, delta: number, what: string): void {
  if (exact === Number.POSITIVE_INFINITY) {
    assert.equal(value, Number.POSITIVE_INFINITY, what);
    return;
  }
  assert.ok(value >= exact * (1 - ROUNDING), `${what}: ${value} is below the exact ${exact}`);
  assert.ok(
    value <= (1 + delta) * exact * (1 + ROUNDING),
    `${what}: ${value} exceeds (1 + ${delta}) * ${exact} = ${(1 + delta) * exact}`,
  );
}

/** The cost of a matching, recomputed from scratch: (sum of ||.||_q^p)^(1/p). */
function matchingCost(a: Barcode, b: Barcode, matching: DiagramMatching, p: number, q: number) {
  let sum = 0;
  for (let k = 0; k < matching.a.length; k += 1) {
    const i = matching.a[k];
    const j = matching.b[k];
    if (i >= 0 && j >= 0) {
      const da = a.deaths[i];
      const db = b.deaths[j];
      if (da === Number.POSITIVE_INFINITY || db === Number.POSITIVE_INFINITY) {
        assert.ok(da === db, `pair ${k} matches an essential class with a finite one`);
        sum += Math.abs(a.births[i] - b.births[j]) ** p;
      } else {
        sum += lqNorm(a.births[i] - b.births[j], da - db, q) ** p;
      }
    } else if (i >= 0) {
      sum += diagonalDistance(a.births[i], a.deaths[i], q) ** p;
    } else {
      sum += diagonalDistance(b.births[j], b.deaths[j], q) ** p;
    }
  }
  return sum ** (1 / p);
}

/** Every pair of a and of b appears exactly once. */
function assertCoversEveryPair(a: Barcode, b: Barcode, matching: DiagramMatching): void {
  assert.equal(matching.a.length, matching.b.length);
  const seenA = new Uint8Array(a.births.length);
  const seenB = new Uint8Array(b.births.length);
  for (let k = 0; k < matching.a.length; k += 1) {
    assert.ok(
      matching.a[k] >= 0 || matching.b[k] >= 0,
      `pair ${k} matches the diagonal with itself`,
    );
    if (matching.a[k] >= 0) seenA[matching.a[k]] += 1;
    if (matching.b[k] >= 0) seenB[matching.b[k]] += 1;
  }
  assert.ok(
    seenA.every((c) => c === 1),
    "every pair of a appears once",
  );
  assert.ok(
    seenB.every((c) => c === 1),
    "every pair of b appears once",
  );
}

describe("auctionWasserstein against POT's exact distances", () => {
  it("has fixtures of 10 to 2000 points, ties, diagonal points and essential classes", () => {
    const names = fixtures.map(({ name }) => name);
    for (const name of ["random-10", "random-2000", "ties", "diagonal", "essential"]) {
      assert.ok(names.includes(`${name}.json`), name);
    }
  });

  for (const { name, fixture } of fixtures) {
    it(`auctionWasserstein lies within the relative error of the exact distance on ${name}`, () => {
      const a = barcode(fixture.a);
      const b = barcode(fixture.b);
      for (const ref of fixture.distances) {
        const q = ref.internalP ?? Number.POSITIVE_INFINITY;
        const exact = ref.distance ?? Number.POSITIVE_INFINITY;
        for (const delta of DELTAS) {
          const value = auctionWasserstein(a, b, {
            order: ref.order,
            internalP: q,
            relativeError: delta,
          });
          assertWithinBound(value, exact, delta, `p=${ref.order} q=${q} delta=${delta}`);
        }
      }
    });
  }

  it("auctionWassersteinMatching returns a matching of every pair whose cost is the distance", () => {
    // The fixtures of up to a few hundred pairs (the larger ones take time).
    for (const { name, fixture } of fixtures) {
      if (fixture.a.length + fixture.b.length > 600) continue;
      const a = barcode(fixture.a);
      const b = barcode(fixture.b);
      for (const ref of fixture.distances) {
        const q = ref.internalP ?? Number.POSITIVE_INFINITY;
        const { distance, matching } = auctionWassersteinMatching(a, b, {
          order: ref.order,
          internalP: q,
        });
        const what = `${name} p=${ref.order} q=${q}`;
        assert.equal(distance, auctionWasserstein(a, b, { order: ref.order, internalP: q }), what);
        assertCoversEveryPair(a, b, matching);
        if (distance === Number.POSITIVE_INFINITY) continue;
        const cost = matchingCost(a, b, matching, ref.order, q);
        assert.ok(Math.abs(cost - distance) <= 1e-12 * Math.max(distance, 1e-300), what);
      }
    }
  });
});

// Tiny barcodes: coordinates on a coarse grid (ties, points on the diagonal)
// or arbitrary doubles (not below 1e-100, where the brute force's own p-th
// powers would underflow), and a few essential classes.
const notTiny = (x: number) => (Math.abs(x) < 1e-100 ? 0 : x);
const coordinate = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map((k) => k / 4),
  fc.double({ min: -5, max: 5, noNaN: true }).map(notTiny),
);
const lifetime = fc.oneof(
  fc.integer({ min: 0, max: 8 }).map((k) => k / 4),
  fc.double({ min: 0, max: 4, noNaN: true }).map(notTiny),
);
const tinyBarcode = (maxFinite: number) =>
  fc
    .tuple(
      fc.array(fc.tuple(coordinate, lifetime), { maxLength: maxFinite }),
      fc.array(coordinate, { maxLength: 2 }),
    )
    .map(([finite, essential]) =>
      barcode([
        ...finite.map(([birth, life]) => [birth, birth + life] as [number, number]),
        ...essential.map((birth) => [birth, null] as [number, null]),
      ]),
    );
const norms = fc.constantFrom(1, 2, 3, Number.POSITIVE_INFINITY);
const orders = fc.constantFrom(1, 1.5, 2, 3);
const deltas = fc.constantFrom(0.5, 0.1, 0.01, 1e-6);

describe("auctionWasserstein properties", () => {
  it("auctionWasserstein lies within the relative error of a brute-force exact distance", () => {
    fc.assert(
      fc.property(
        tinyBarcode(6),
        tinyBarcode(6),
        orders,
        norms,
        deltas,
        (a, b, order, internalP, relativeError) => {
          const exact = bruteForceWasserstein(a, b, order, internalP);
          const value = auctionWasserstein(a, b, { order, internalP, relativeError });
          // The brute force sums in another order: allow a little more rounding.
          if (exact === Number.POSITIVE_INFINITY) {
            assert.equal(value, exact);
          } else {
            assert.ok(value >= exact * (1 - 1e-10) - 1e-300, `${value} < exact ${exact}`);
            assert.ok(value <= (1 + relativeError) * exact * (1 + 1e-10), `${value} vs ${exact}`);
          }
        },
      ),
      { seed: 1, numRuns: 300 },
    );
  });

  it("auctionWasserstein is symmetric up to the relative error", () => {
    fc.assert(
      fc.property(
        tinyBarcode(10),
        tinyBarcode(10),
        orders,
        norms,
        deltas,
        (a, b, order, internalP, relativeError) => {
          const options = { order, internalP, relativeError };
          const ab = auctionWasserstein(a, b, options);
          const ba = auctionWasserstein(b, a, options);
          if (ab === Number.POSITIVE_INFINITY || ba === Number.POSITIVE_INFINITY) {
            assert.equal(ab, ba);
            return;
          }
          // Both lie in [W*, (1 + delta) W*].
          assert.ok(ab <= (1 + relativeError) * ba * (1 + ROUNDING), `${ab} vs ${ba}`);
          assert.ok(ba <= (1 + relativeError) * ab * (1 + ROUNDING), `${ba} vs ${ab}`);
        },
      ),
      { seed: 2, numRuns: 200 },
    );
  });

  it("auctionWasserstein is zero on identical diagrams, in any order", () => {
    fc.assert(
      fc.property(
        tinyBarcode(30),
        orders,
        norms,
        deltas,
        fc.integer(),
        (a, order, internalP, relativeError, shift) => {
          const n = a.births.length;
          const rotate = (values: Float64Array) =>
            Float64Array.from(values, (_, k) => values[(k + Math.abs(shift)) % n]);
          const b = { births: rotate(a.births), deaths: rotate(a.deaths) };
          assert.equal(auctionWasserstein(a, b, { order, internalP, relativeError }), 0);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it("auctionWasserstein scales with the diagrams, even far from 1", () => {
    const gridBarcode = fc
      .array(fc.tuple(fc.integer({ min: -8, max: 8 }), fc.integer({ min: 0, max: 6 })), {
        maxLength: 6,
      })
      .map((pairs) => barcode(pairs.map(([b, l]) => [b / 4, (b + l) / 4] as [number, number])));
    fc.assert(
      fc.property(
        gridBarcode,
        gridBarcode,
        fc.constantFrom(1, 2, 3),
        norms,
        fc.constantFrom(2 ** -900, 2 ** 900),
        (a, b, order, internalP, scale) => {
          const exact = bruteForceWasserstein(a, b, order, internalP);
          const times = (x: Barcode) => ({
            births: x.births.map((v) => v * scale),
            deaths: x.deaths.map((v) => v * scale),
          });
          const value = auctionWasserstein(times(a), times(b), { order, internalP }) / scale;
          assert.ok(value >= exact * (1 - 1e-10), `${value} < exact ${exact}`);
          assert.ok(value <= 1.01 * exact * (1 + 1e-10), `${value} vs ${exact}`);
        },
      ),
      { seed: 4, numRuns: 100 },
    );
  });

  it("auctionWasserstein is zero on identical random diagrams of 2000 points", () => {
    const a = barcode(
      Array.from({ length: 2000 }, (_, k) => {
        const birth = ((k * 7919) % 1000) / 1000;
        return [birth, birth + ((k * 104729) % 97) / 970] as [number, number];
      }),
    );
    assert.equal(auctionWasserstein(a, a), 0);
    assert.equal(auctionWasserstein(a, a, { order: 2, internalP: 2, relativeError: 1e-6 }), 0);
  });
});

describe("auctionWasserstein conventions and validation", () => {
  it("auctionWasserstein returns the documented example", () => {
    const a = barcode([
      [0, 1],
      [0, 4],
    ]);
    const b = barcode([[0, 1.2]]);
    assertWithinBound(auctionWasserstein(a, b), 2.2, 0.01, "order 1");
    const { matching } = auctionWassersteinMatching(a, b);
    assert.deepEqual([...matching.a], [0, 1]);
    assert.deepEqual([...matching.b], [0, -1]);
  });

  it("auctionWasserstein handles empty barcodes and pairs on the diagonal", () => {
    const empty = barcode([]);
    assert.equal(auctionWasserstein(empty, empty), 0);
    // (0, 2) is 1 from the diagonal in L_inf, sqrt(2) in L_2, 2 in L_1.
    const one = barcode([
      [0, 2],
      [3, 3],
    ]);
    assert.equal(auctionWasserstein(one, empty), 1);
    assert.equal(auctionWasserstein(empty, one, { internalP: 2 }), Math.SQRT2);
    assert.equal(auctionWasserstein(one, empty, { internalP: 1, order: 2 }), 2);
    assert.equal(auctionWasserstein(barcode([[1, 1]]), barcode([[5, 5]])), 0);
  });

  it("auctionWasserstein matches essential classes in birth order and is Infinity when their numbers differ", () => {
    const a = barcode([
      [0, null],
      [2, null],
    ]);
    const b = barcode([
      [1.5, null],
      [0.5, null],
    ]);
    assert.equal(auctionWasserstein(a, b), 1);
    assert.ok(Math.abs(auctionWasserstein(a, b, { order: 2 }) - Math.sqrt(0.5)) < 1e-15);
    assert.equal(auctionWasserstein(a, barcode([[0, null]])), Number.POSITIVE_INFINITY);
    const { distance, matching } = auctionWassersteinMatching(a, barcode([[0, 1]]));
    assert.equal(distance, Number.POSITIVE_INFINITY);
    assert.deepEqual([...matching.a], [0, 1, -1]);
    assert.deepEqual([...matching.b], [-1, -1, 0]);
  });

  it("auctionWasserstein does not modify its inputs", () => {
    const a = barcode([
      [0, 1],
      [0.2, 0.9],
      [0.5, null],
    ]);
    const b = barcode([
      [0.1, 1.1],
      [0.4, null],
    ]);
    const before = [a, b].map((x) => [Array.from(x.births), Array.from(x.deaths)]);
    auctionWassersteinMatching(a, b, { order: 2, internalP: 2, relativeError: 1e-8 });
    assert.deepEqual(
      [a, b].map((x) => [Array.from(x.births), Array.from(x.deaths)]),
      before,
    );
  });

  it("auctionWasserstein refuses bad barcodes and bad options, naming them", () => {
    const a = barcode([[0, 1]]);
    assert.throws(
      () => auctionWasserstein([[0, 1]] as never, a),
      (e: Error) => e instanceof TypeError && /auctionWasserstein: a/.test(e.message),
    );
    assert.throws(
      () =>
        auctionWassersteinMatching(a, { births: Float64Array.of(1), deaths: Float64Array.of(0) }),
      (e: Error) => e instanceof RangeError && /auctionWassersteinMatching: b/.test(e.message),
    );
    assert.throws(() => auctionWasserstein(a, a, 3 as never), TypeError);
    for (const [options, kind, pattern] of [
      [{ order: 0.5 }, RangeError, /options\.order must be a finite number >= 1; got 0\.5/],
      [{ order: Number.POSITIVE_INFINITY }, RangeError, /options\.order/],
      [{ order: "2" }, TypeError, /options\.order must be a number; got "2"/],
      [{ internalP: 0 }, RangeError, /options\.internalP must be a number >= 1 or Infinity; got 0/],
      [{ internalP: Number.NaN }, RangeError, /options\.internalP/],
      [
        { relativeError: 0 },
        RangeError,
        /options\.relativeError must be a finite number > 0; got 0/,
      ],
      [{ relativeError: -1 }, RangeError, /options\.relativeError/],
      [{ relativeError: Number.POSITIVE_INFINITY }, RangeError, /options\.relativeError/],
      [{ relativeError: null }, TypeError, /options\.relativeError must be a number; got null/],
    ] as const) {
      assert.throws(
        () => auctionWasserstein(a, a, options as never),
        (e: Error) => e instanceof kind && pattern.test(e.message),
        JSON.stringify(options),
      );
    }
  });
});
