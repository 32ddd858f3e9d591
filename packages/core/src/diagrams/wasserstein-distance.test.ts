import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { seededRandom } from "../random.js";
import { type Barcode, barcode } from "./barcode.js";
import type { DiagramMatching } from "./diagram-matching.js";
import {
  diagonalCost,
  normKind,
  pairCost,
  powerKind,
  solveExactWasserstein,
} from "./exact-wasserstein-solver.js";
import { wassersteinDistance, wassersteinMatching } from "./wasserstein-distance.js";

interface WassersteinFixture {
  readonly reference: string;
  readonly note: string;
  readonly a: [number, number | null][];
  readonly b: [number, number | null][];
  readonly results: { order: number; internalP: number | null; distance: number | null }[];
}

// Made by scripts/fixtures/wasserstein.py from Debian's python3-gudhi (POT).
const fixtureDir = new URL("../../../../fixtures/wasserstein/", import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ({
    name,
    fixture: JSON.parse(readFileSync(new URL(name, fixtureDir), "utf8")) as WassersteinFixture,
  }));

const INF = Number.POSITIVE_INFINITY;

/** Equality within `tolerance` relative (absolute near 0; Infinity for a null reference). */
function assertClose(got: number, want: number | null, tolerance: number, what: string): void {
  if (want === null) {
    assert.equal(got, INF, what);
    return;
  }
  assert.ok(
    Math.abs(got - want) <= tolerance * Math.max(Math.abs(want), 1e-3),
    `${what}: got ${got}, expected ${want}`,
  );
}

/** The cost of one entry of a matching: a couple, or a pair matched with the diagonal. */
function entryCost(a: Barcode, b: Barcode, i: number, j: number, p: number, q: number): number {
  if (i >= 0 && j >= 0) {
    const essentialA = a.deaths[i] === INF;
    const essentialB = b.deaths[j] === INF;
    if (essentialA || essentialB) {
      return essentialA && essentialB ? Math.abs(a.births[i] - b.births[j]) ** p : INF;
    }
    const dx = Math.abs(a.births[i] - b.births[j]);
    const dy = Math.abs(a.deaths[i] - b.deaths[j]);
    return pairCost(normKind(q), q, powerKind(p), p, dx, dy);
  }
  const bars = i >= 0 ? a : b;
  const k = i >= 0 ? i : j;
  if (bars.deaths[k] === INF) return INF;
  return diagonalCost(q, p, bars.births[k], bars.deaths[k]);
}

/** (sum of entry costs)^(1/p) of a matching. */
function matchingDistance(
  a: Barcode,
  b: Barcode,
  matching: DiagramMatching,
  p: number,
  q: number,
): number {
  let sum = 0;
  for (let k = 0; k < matching.a.length; k += 1) {
    sum += entryCost(a, b, matching.a[k], matching.b[k], p, q);
  }
  return sum ** (1 / p);
}

/** Every pair of a and of b appears exactly once; -1 only opposite a real pair. */
function assertValidMatching(a: Barcode, b: Barcode, matching: DiagramMatching): void {
  assert.equal(matching.a.length, matching.b.length);
  const seenA = new Uint8Array(a.births.length);
  const seenB = new Uint8Array(b.births.length);
  for (let k = 0; k < matching.a.length; k += 1) {
    const i = matching.a[k];
    const j = matching.b[k];
    assert.ok(i >= 0 || j >= 0, `entry ${k} matches the diagonal with itself`);
    if (i >= 0) {
      assert.ok(i < a.births.length && seenA[i] === 0, `pair ${i} of a appears twice`);
      seenA[i] = 1;
    }
    if (j >= 0) {
      assert.ok(j < b.births.length && seenB[j] === 0, `pair ${j} of b appears twice`);
      seenB[j] = 1;
    }
  }
  assert.ok(seenA.every((x) => x === 1) && seenB.every((x) => x === 1), "a pair is missing");
}

/**
 * Brute force on tiny barcodes of finite pairs: the least cost over all
 * permutations of the square assignment problem (a + diagonal copies of b)
 * x (b + diagonal copies of a), a point's copy reachable from it only. With
 * `bottleneck`, the least largest L_q cost instead (W_infinity).
 */
function bruteForce(a: Barcode, b: Barcode, p: number, q: number, bottleneck: boolean): number {
  const n = a.births.length;
  const m = b.births.length;
  const size = n + m;
  const cost: number[][] = [];
  for (let r = 0; r < size; r += 1) {
    const row: number[] = [];
    for (let c = 0; c < size; c += 1) {
      let value = INF;
      if (r < n && c < m) value = entryCost(a, b, r, c, p, q);
      else if (r < n && c - m === r) value = entryCost(a, b, r, -1, p, q);
      else if (r >= n && c < m && r - n === c) value = entryCost(a, b, -1, c, p, q);
      else if (r >= n && c >= m) value = 0;
      row.push(bottleneck && Number.isFinite(value) ? value ** (1 / p) : value);
    }
    cost.push(row);
  }
  const perm = Array.from({ length: size }, (_, k) => k);
  let best = INF;
  const visit = (depth: number, acc: number): void => {
    if (acc >= best) return;
    if (depth === size) {
      best = acc;
      return;
    }
    for (let k = depth; k < size; k += 1) {
      [perm[depth], perm[k]] = [perm[k], perm[depth]];
      const c = cost[depth][perm[depth]];
      if (c < INF) visit(depth + 1, bottleneck ? Math.max(acc, c) : acc + c);
      [perm[depth], perm[k]] = [perm[k], perm[depth]];
    }
  };
  visit(0, 0);
  return bottleneck ? best : best ** (1 / p);
}

/** Small barcodes, often with ties (values on a grid of 1/4) and pairs on the diagonal. */
function barcodeArbitrary(maxLength: number, essential = false): fc.Arbitrary<Barcode> {
  const value = fc.oneof(
    fc.integer({ min: 0, max: 12 }).map((k) => k / 4),
    fc.double({ min: 0, max: 3, noNaN: true }),
  );
  const life = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 8 }).map((k) => k / 4),
    fc.double({ min: 0, max: 2, noNaN: true }),
  );
  const pair = fc.tuple(value, life, essential ? fc.boolean() : fc.constant(false));
  return fc
    .array(pair, { maxLength })
    .map((pairs) =>
      barcode(
        pairs.map(([birth, l, e]) => [birth, e ? null : birth + l] as [number, number | null]),
      ),
    );
}

function randomBarcode(count: number, seed: number): Barcode {
  const random = seededRandom(seed);
  const births = new Float64Array(count);
  const deaths = new Float64Array(count);
  for (let k = 0; k < count; k += 1) {
    births[k] = random();
    deaths[k] = births[k] - 0.1 * Math.log(1 - random());
  }
  return { births, deaths };
}

const norms: { order: number; internalP: number }[] = [
  { order: 1, internalP: INF },
  { order: 2, internalP: INF },
  { order: 1, internalP: 2 },
  { order: 2, internalP: 2 },
  { order: 1, internalP: 1 },
  { order: 1.5, internalP: 3 },
];

describe("wassersteinDistance parity with GUDHI (POT, exact)", () => {
  it("has fixtures of random diagrams from 10 to 2000 points, ties, the diagonal and essential classes", () => {
    const names = fixtures.map(({ name }) => name);
    for (const prefix of [
      "random-10.",
      "random-2000",
      "ties-",
      "diagonal-",
      "essential-",
      "empty-",
    ]) {
      assert.ok(
        names.some((name) => name.startsWith(prefix)),
        prefix,
      );
    }
  });

  for (const { name, fixture } of fixtures) {
    it(`wassersteinDistance equals GUDHI within 1e-9 on ${name} (${fixture.note})`, () => {
      const a = barcode(fixture.a);
      const b = barcode(fixture.b);
      for (const { order, internalP, distance } of fixture.results) {
        const q = internalP ?? INF;
        const what = `${name}, order ${order}, internal p ${q}`;
        assertClose(wassersteinDistance(a, b, { order, internalP: q }), distance, 1e-9, what);
      }
      // The matching of the first setting is valid and attains the distance.
      const { order, internalP, distance } = fixture.results[0];
      const q = internalP ?? INF;
      const result = wassersteinMatching(a, b, { order, internalP: q });
      assertValidMatching(a, b, result.matching);
      assertClose(result.distance, distance, 1e-9, `${name} matching distance`);
      if (distance !== null) {
        assertClose(matchingDistance(a, b, result.matching, order, q), distance, 1e-9, name);
      }
    });
  }
});

describe("wassersteinDistance properties", () => {
  it("wassersteinDistance is 2.2 and sqrt(8.04) on the documented example", () => {
    const a = barcode([
      [0, 1],
      [0, 4],
    ]);
    const b = barcode([[0, 1.2]]);
    assert.ok(Math.abs(wassersteinDistance(a, b) - 2.2) < 1e-12);
    assert.ok(
      Math.abs(wassersteinDistance(a, b, { order: 2, internalP: 2 }) - Math.sqrt(8.04)) < 1e-12,
    );
    const { matching } = wassersteinMatching(a, b);
    assert.deepEqual([...matching.a], [0, 1]);
    assert.deepEqual([...matching.b], [0, -1]);
  });

  it("wassersteinDistance equals brute force over all assignments on tiny barcodes", () => {
    fc.assert(
      fc.property(
        barcodeArbitrary(3),
        barcodeArbitrary(3),
        fc.constantFrom(...norms),
        (a, b, n) => {
          const got = wassersteinDistance(a, b, n);
          const want = bruteForce(a, b, n.order, n.internalP, false);
          assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(want, 1), `${got} vs ${want}`);
        },
      ),
      { seed: 1, numRuns: 300 },
    );
  });

  it("wassersteinMatching is a valid matching whose cost is the distance", () => {
    fc.assert(
      fc.property(
        barcodeArbitrary(12, true),
        barcodeArbitrary(12, true),
        fc.constantFrom(...norms),
        (a, b, n) => {
          const { distance, matching } = wassersteinMatching(a, b, n);
          assertValidMatching(a, b, matching);
          const cost = matchingDistance(a, b, matching, n.order, n.internalP);
          if (distance === INF) assert.equal(cost, INF);
          else assert.ok(Math.abs(cost - distance) <= 1e-9 * Math.max(distance, 1));
        },
      ),
      { seed: 2, numRuns: 200 },
    );
  });

  it("wassersteinDistance is symmetric", () => {
    fc.assert(
      fc.property(
        barcodeArbitrary(15, true),
        barcodeArbitrary(15, true),
        fc.constantFrom(...norms),
        (a, b, n) => {
          const ab = wassersteinDistance(a, b, n);
          const ba = wassersteinDistance(b, a, n);
          if (ab === INF) assert.equal(ba, INF);
          else assert.ok(Math.abs(ab - ba) <= 1e-12 * Math.max(ab, 1), `${ab} vs ${ba}`);
        },
      ),
      { seed: 3, numRuns: 150 },
    );
  });

  it("wassersteinDistance is zero on identical barcodes and ignores pairs on the diagonal", () => {
    fc.assert(
      fc.property(
        barcodeArbitrary(15, true),
        barcodeArbitrary(15),
        fc.array(fc.double({ min: -2, max: 5, noNaN: true }), { maxLength: 5 }),
        fc.constantFrom(...norms),
        (a, b, diagonal, n) => {
          // Zero up to rounding: two pairs 1e-11 apart may be swapped at a
          // cost below the rounding of the potentials.
          assert.ok(wassersteinDistance(a, a, n) <= 1e-12);
          const padded = barcode([
            ...Array.from(b.births, (x, k) => [x, b.deaths[k]] as [number, number]),
            ...diagonal.map((t) => [t, t] as [number, number]),
          ]);
          const plain = wassersteinDistance(a, b, n);
          const more = wassersteinDistance(a, padded, n);
          if (plain === INF) assert.equal(more, INF);
          else assert.ok(Math.abs(plain - more) <= 1e-12 * Math.max(plain, 1));
        },
      ),
      { seed: 4, numRuns: 150 },
    );
  });

  it("wassersteinDistance satisfies the triangle inequality", () => {
    fc.assert(
      fc.property(
        barcodeArbitrary(10),
        barcodeArbitrary(10),
        barcodeArbitrary(10),
        fc.constantFrom(...norms),
        (a, b, c, n) => {
          const direct = wassersteinDistance(a, c, n);
          const around = wassersteinDistance(a, b, n) + wassersteinDistance(b, c, n);
          assert.ok(direct <= around * (1 + 1e-12) + 1e-12, `${direct} > ${around}`);
        },
      ),
      { seed: 5, numRuns: 150 },
    );
  });

  // For a fixed matching the l_p norm of its costs does not grow with p, so
  // W_p' = min ||c(M)||_p' <= ||c(M_p)||_p' <= ||c(M_p)||_p = W_p for p' >= p,
  // and W_p >= W_infinity, the bottleneck distance, for every finite p.
  it("wassersteinDistance does not grow with the order and bounds the bottleneck distance", () => {
    fc.assert(
      fc.property(
        barcodeArbitrary(3),
        barcodeArbitrary(3),
        fc.constantFrom(INF, 2, 1),
        (a, b, q) => {
          const w1 = wassersteinDistance(a, b, { order: 1, internalP: q });
          const w2 = wassersteinDistance(a, b, { order: 2, internalP: q });
          const w3 = wassersteinDistance(a, b, { order: 3, internalP: q });
          const bottleneck = bruteForce(a, b, 1, q, true);
          const slack = 1e-12 * Math.max(w1, 1);
          assert.ok(w2 <= w1 + slack && w3 <= w2 + slack, `${w1}, ${w2}, ${w3}`);
          assert.ok(bottleneck <= w3 + slack, `bottleneck ${bottleneck} > W3 ${w3}`);
        },
      ),
      { seed: 6, numRuns: 200 },
    );
  });

  it("wassersteinDistance matches essential classes in birth order and is Infinity when their numbers differ", () => {
    const a = barcode([
      [0, null],
      [3, null],
      [0, 1],
    ]);
    const b = barcode([
      [2.5, null],
      [0.5, null],
    ]);
    // |0 - 0.5| + |3 - 2.5| + (0, 1) to the diagonal (1/2).
    assert.ok(Math.abs(wassersteinDistance(a, b) - 1.5) < 1e-12);
    const { matching } = wassersteinMatching(a, b);
    assert.deepEqual([...matching.a], [0, 1, 2]);
    assert.deepEqual([...matching.b], [1, 0, -1]);
    const c = barcode([[1, null]]);
    assert.equal(wassersteinDistance(a, c), INF);
    const infinite = wassersteinMatching(a, c);
    assert.equal(infinite.distance, INF);
    assertValidMatching(a, c, infinite.matching);
    assert.equal(wassersteinDistance(barcode([]), barcode([])), 0);
    assert.equal(wassersteinDistance(barcode([]), c), INF);
  });

  it("wassersteinDistance refuses bad barcodes and options, and the auction for now", () => {
    const a = barcode([[0, 1]]);
    assert.throws(() => wassersteinDistance({} as Barcode, a), TypeError);
    assert.throws(
      () => wassersteinDistance(a, a, { order: 0.5 }),
      /options\.order must be a finite number >= 1; got 0\.5/,
    );
    assert.throws(() => wassersteinDistance(a, a, { order: INF }), RangeError);
    assert.throws(() => wassersteinDistance(a, a, { order: "2" as never }), TypeError);
    assert.throws(
      () => wassersteinDistance(a, a, { internalP: 0 }),
      /internalP must be a number >= 1 or Infinity/,
    );
    assert.throws(() => wassersteinDistance(a, a, { internalP: Number.NaN }), RangeError);
    assert.throws(() => wassersteinDistance(a, a, { relativeError: -1 }), RangeError);
    assert.equal(wassersteinMatching(a, a, { relativeError: 0.01 }).distance, 0);
    assert.throws(() => wassersteinDistance(a, a, [] as never), TypeError);
  });
});

describe("solveExactWasserstein", () => {
  it("solveExactWasserstein gives the same optimum from any first graph (pricing fills it in)", () => {
    for (const [n, seed] of [
      [60, 1],
      [300, 2],
    ]) {
      const a = randomBarcode(n, seed);
      const b = randomBarcode(n - 7, seed + 100);
      for (const { order, internalP } of norms) {
        const full = solveExactWasserstein(
          a.births,
          a.deaths,
          b.births,
          b.deaths,
          internalP,
          order,
        );
        for (const k of [0, 1, 3]) {
          const sparse = solveExactWasserstein(
            a.births,
            a.deaths,
            b.births,
            b.deaths,
            internalP,
            order,
            k,
          );
          assert.ok(Math.abs(sparse.cost - full.cost) <= 1e-9 * full.cost, `K=${k}`);
          if (k === 0) assert.ok(sparse.stats.rounds > 1 && sparse.stats.addedEdges > 0);
        }
      }
    }
  });

  it("solveExactWasserstein merges equal points into sites with multiplicities", () => {
    const births = Float64Array.from({ length: 400 }, (_, k) => (k % 5) / 4);
    const deaths = Float64Array.from(births, (x, k) => x + 1 + ((k >> 2) % 3) / 4);
    const other = Float64Array.from(births, (x) => x + 0.25);
    const solution = solveExactWasserstein(births, deaths, other, deaths, INF, 1);
    assert.equal(solution.stats.sitesA, 15);
    // Shifting every bar's birth by 1/4 costs at most 1/4 each.
    assert.ok(solution.cost <= 100 + 1e-9);
    const matched = Array.from(solution.mateOfA).filter((j) => j >= 0).length;
    assert.equal(Array.from(solution.mateOfB).filter((i) => i >= 0).length, matched);
  });
});
