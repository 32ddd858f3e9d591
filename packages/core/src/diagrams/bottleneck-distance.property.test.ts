import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { matchingCost } from "../test-support/bottleneck-matching.js";
import { type Barcode, barcode } from "./barcode.js";
import { bottleneckDistance, bottleneckMatching } from "./bottleneck-distance.js";

const runs = { seed: 20240917, numRuns: 150 };

type Pair = [number, number | null];

/**
 * Small barcodes. With `ties` the values sit on a grid of quarters (many
 * equal costs, points on the diagonal); else they are arbitrary doubles in
 * [-10, 10]. Some pairs are essential.
 */
function pairsArb(maxLength: number, essential = true): fc.Arbitrary<Pair[]> {
  return fc.boolean().chain((ties) => {
    const value = ties
      ? fc.integer({ min: 0, max: 12 }).map((k) => k / 4)
      : fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });
    const pair: fc.Arbitrary<Pair> = fc
      .tuple(value, value, fc.integer({ min: 0, max: essential ? 5 : 1000 }))
      .map(([x, y, kind]) => [Math.min(x, y), kind === 0 ? null : Math.max(x, y)]);
    return fc.array(pair, { maxLength });
  });
}

/** The same points with their essential classes in both barcodes equal in number. */
const pairOfBarcodes = (maxLength: number): fc.Arbitrary<[Barcode, Barcode]> =>
  fc.tuple(pairsArb(maxLength), pairsArb(maxLength)).map(([p, q]) => {
    const essentialP = p.filter(([, d]) => d === null).length;
    const essentialQ = q.filter(([, d]) => d === null).length;
    // Keep unequal essential counts rare: they only give Infinity.
    if (essentialP !== essentialQ && (p.length + q.length) % 4 !== 0) {
      const finiteQ = q.filter(([, d]) => d !== null);
      const extra = p.filter(([, d]) => d === null).map(([b]): Pair => [b + 0.5, null]);
      return [barcode(p), barcode([...finiteQ, ...extra])];
    }
    return [barcode(p), barcode(q)];
  });

/**
 * The explicit bipartite graph of the bottleneck distance, from the
 * definition: rows are the pairs of a then the diagonal copies of b, columns
 * the pairs of b then the diagonal copies of a; entries are edge costs
 * (Infinity = no edge). Essential classes may match any essential class.
 */
function costMatrix(a: Barcode, b: Barcode): Float64Array[] {
  const na = a.births.length;
  const nb = b.births.length;
  const n = na + nb;
  const inf = Number.POSITIVE_INFINITY;
  const toDiagonal = (birth: number, death: number) => {
    if (death === inf) return inf;
    const middle = (birth + death) / 2;
    return Math.max(death - middle, middle - birth);
  };
  const cost: Float64Array[] = [];
  for (let u = 0; u < n; u += 1) {
    const row = new Float64Array(n);
    for (let v = 0; v < n; v += 1) {
      if (u < na && v < nb) {
        const ea = a.deaths[u] === inf;
        const eb = b.deaths[v] === inf;
        const db = Math.abs(a.births[u] - b.births[v]);
        row[v] = ea !== eb ? inf : ea ? db : Math.max(db, Math.abs(a.deaths[u] - b.deaths[v]));
      } else if (u < na) {
        row[v] = v - nb === u ? toDiagonal(a.births[u], a.deaths[u]) : inf;
      } else if (v < nb) {
        row[v] = u - na === v ? toDiagonal(b.births[v], b.deaths[v]) : inf;
      }
    }
    cost.push(row);
  }
  return cost;
}

/** Whether the edges of cost <= r hold a perfect matching (Kuhn's augmenting paths). */
function hasPerfectMatching(cost: Float64Array[], r: number): boolean {
  const n = cost.length;
  const mateV = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const tryAugment = (u: number): boolean => {
    const row = cost[u];
    for (let v = 0; v < n; v += 1) {
      if (row[v] > r || seen[v] === 1) continue;
      seen[v] = 1;
      if (mateV[v] < 0 || tryAugment(mateV[v])) {
        mateV[v] = u;
        return true;
      }
    }
    return false;
  };
  for (let u = 0; u < n; u += 1) {
    seen.fill(0);
    if (!tryAugment(u)) return false;
  }
  return true;
}

/** The bottleneck distance by brute force: the least candidate cost with a perfect matching. */
function bruteForceBottleneck(a: Barcode, b: Barcode): number {
  const cost = costMatrix(a, b);
  if (cost.length === 0) return 0;
  const candidates = [...new Set(cost.flatMap((row) => [...row]))]
    .filter((c) => c < Number.POSITIVE_INFINITY)
    .sort((x, y) => x - y);
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hasPerfectMatching(cost, candidates[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo < candidates.length ? candidates[lo] : Number.POSITIVE_INFINITY;
}

/** The largest double below a positive finite x. */
function nextDown(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

/**
 * Pairs far from the diagonal (births in [0, 1], lifetimes in [0.5, 1]),
 * optionally on a grid of 1/64: every point must match a point of the other
 * barcode, the cheapest partners bound the distance poorly, and the search
 * has to raise its threshold well above them.
 */
function blobArb(minLength: number, maxLength: number): fc.Arbitrary<Pair[]> {
  return fc.boolean().chain((ties) =>
    fc.array(
      fc
        .tuple(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0.5, max: 1, noNaN: true }),
        )
        .map(
          ([birth, life]): Pair =>
            ties
              ? [Math.round(birth * 64) / 64, Math.round((birth + life) * 64) / 64]
              : [birth, birth + life],
        ),
      { minLength, maxLength },
    ),
  );
}

describe("bottleneckDistance properties", () => {
  it("bottleneckDistance equals a brute-force search over every candidate on small barcodes", () => {
    fc.assert(
      fc.property(pairOfBarcodes(7), ([a, b]) => {
        assert.equal(bottleneckDistance(a, b), bruteForceBottleneck(a, b));
      }),
      runs,
    );
  });

  it("bottleneckDistance equals the brute force on barcodes of up to 40 finite pairs", () => {
    fc.assert(
      fc.property(fc.tuple(pairsArb(40, false), pairsArb(40, false)), ([p, q]) => {
        const a = barcode(p);
        const b = barcode(q);
        assert.equal(bottleneckDistance(a, b), bruteForceBottleneck(a, b));
      }),
      { ...runs, numRuns: 40 },
    );
  });

  it("bottleneckDistance is exact on far-from-diagonal barcodes of 100 to 160 points: attained, and infeasible just below", () => {
    fc.assert(
      fc.property(blobArb(100, 160), blobArb(100, 160), (p, q) => {
        const a = barcode(p);
        const b = barcode(q);
        const { distance, matching } = bottleneckMatching(a, b);
        assert.equal(matchingCost(a, b, matching), distance);
        const cost = costMatrix(a, b);
        assert.ok(hasPerfectMatching(cost, distance));
        assert.ok(distance === 0 || !hasPerfectMatching(cost, nextDown(distance)));
      }),
      { ...runs, numRuns: 12 },
    );
  });

  it("bottleneckMatching returns a matching of every pair whose largest cost is the distance", () => {
    fc.assert(
      fc.property(pairOfBarcodes(30), ([a, b]) => {
        const { distance, matching } = bottleneckMatching(a, b);
        assert.equal(matchingCost(a, b, matching), distance);
      }),
      runs,
    );
  });

  it("bottleneckDistance is symmetric", () => {
    fc.assert(
      fc.property(pairOfBarcodes(30), ([a, b]) => {
        assert.equal(bottleneckDistance(a, b), bottleneckDistance(b, a));
      }),
      runs,
    );
  });

  it("bottleneckDistance is zero on identical barcodes, also with diagonal points added", () => {
    fc.assert(
      fc.property(
        pairsArb(30),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 5 }),
        (p, diagonal) => {
          const a = barcode(p);
          assert.equal(bottleneckDistance(a, barcode(p)), 0);
          const padded = barcode([...p, ...diagonal.map((x): Pair => [x, x])].reverse());
          assert.equal(bottleneckDistance(a, padded), 0);
        },
      ),
      runs,
    );
  });

  it("bottleneckDistance satisfies the triangle inequality", () => {
    fc.assert(
      fc.property(pairsArb(20, false), pairsArb(20, false), pairsArb(20, false), (p, q, s) => {
        const [a, b, c] = [barcode(p), barcode(q), barcode(s)];
        const direct = bottleneckDistance(a, c);
        const via = bottleneckDistance(a, b) + bottleneckDistance(b, c);
        assert.ok(direct <= via * (1 + 1e-12), `${direct} > ${via}`);
      }),
      runs,
    );
  });
});
