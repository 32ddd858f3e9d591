import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { BottleneckMatcher } from "./bottleneck-matcher.js";

const runs = { seed: 20240917, numRuns: 100 };

/** Off-diagonal points on a grid of quarters (ties), as the matcher takes them. */
const pointsArb = fc
  .array(
    fc
      .tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 12 }))
      .map(([b, l]) => [b / 4, (b + l) / 4] as const),
    { maxLength: 25 },
  )
  .map((pairs) => {
    const x = Float64Array.from(pairs, ([b]) => b);
    const y = Float64Array.from(pairs, ([, d]) => d);
    const diagonal = Float64Array.from(pairs, ([b, d]) => {
      const m = (b + d) / 2;
      return Math.max(d - m, m - b);
    });
    return { x, y, diagonal };
  });

type Points = { x: Float64Array; y: Float64Array; diagonal: Float64Array };

function matcherOf(a: Points, b: Points): BottleneckMatcher {
  return new BottleneckMatcher(a.x, a.y, a.diagonal, b.x, b.y, b.diagonal);
}

/** Every edge of the graph with its cost, by definition: cost[u][v], Infinity = none. */
function costs(a: Points, b: Points): number[][] {
  const na = a.x.length;
  const nb = b.x.length;
  const rows: number[][] = [];
  for (let u = 0; u < na + nb; u += 1) {
    const row: number[] = [];
    for (let v = 0; v < na + nb; v += 1) {
      if (u < na && v < nb) {
        row.push(Math.max(Math.abs(a.x[u] - b.x[v]), Math.abs(a.y[u] - b.y[v])));
      } else if (u < na) row.push(v - nb === u ? a.diagonal[u] : Number.POSITIVE_INFINITY);
      else if (v < nb) row.push(u - na === v ? b.diagonal[v] : Number.POSITIVE_INFINITY);
      else row.push(0);
    }
    rows.push(row);
  }
  return rows;
}

/** Size of a maximum matching among the edges of cost <= r (Kuhn's algorithm). */
function maximumMatchingSize(cost: number[][], r: number): number {
  const n = cost.length;
  const mateV = new Array<number>(n).fill(-1);
  const tryAugment = (u: number, seen: boolean[]): boolean => {
    for (let v = 0; v < n; v += 1) {
      if (cost[u][v] > r || seen[v]) continue;
      seen[v] = true;
      if (mateV[v] < 0 || tryAugment(mateV[v], seen)) {
        mateV[v] = u;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let u = 0; u < n; u += 1) if (tryAugment(u, new Array<boolean>(n).fill(false))) size += 1;
  return size;
}

for (const phaseKind of ["auto", "forest", "layered"] as const) {
  test(`BottleneckMatcher.maximize leaves a maximum matching of the edges of cost <= r (${phaseKind} phases)`, () => {
    fc.assert(
      fc.property(pointsArb, pointsArb, fc.integer({ min: 0, max: 12 }), (a, b, k) => {
        const r = k / 8;
        const matcher = matcherOf(a, b);
        matcher.phaseKind = phaseKind;
        matcher.greedy(r / 2);
        matcher.maximize(r / 2);
        const perfect = matcher.maximize(r);
        const cost = costs(a, b);
        const n = cost.length;
        let matched = 0;
        for (let u = 0; u < n; u += 1) {
          const v = matcher.mateU[u];
          if (v < 0) continue;
          matched += 1;
          assert.equal(matcher.mateV[v], u);
          assert.ok(cost[u][v] <= r, `edge ${u}-${v} costs ${cost[u][v]} > ${r}`);
          assert.equal(matcher.cost(u, v), cost[u][v]);
        }
        assert.equal(matched, n - matcher.free);
        assert.equal(matched, maximumMatchingSize(cost, r));
        assert.equal(perfect, matched === n);
      }),
      runs,
    );
  });
}

test("BottleneckMatcher.cheapestAugmentation grows the matching along the cheapest augmenting path", () => {
  fc.assert(
    fc.property(pointsArb, pointsArb, (a, b) => {
      const matcher = matcherOf(a, b);
      const cost = costs(a, b);
      const n = cost.length;
      let hi = 0;
      for (let u = 0; u < a.x.length; u += 1) hi = Math.max(hi, a.diagonal[u]);
      for (let v = 0; v < b.x.length; v += 1) hi = Math.max(hi, b.diagonal[v]);
      let level = 0;
      while (matcher.free > 0) {
        const before = n - matcher.free;
        const t = matcher.cheapestAugmentation(0, hi);
        assert.ok(t >= 0);
        // No bigger matching exists below t among edges <= max(level, t) ... and one exists at it.
        level = Math.max(level, t);
        assert.equal(n - matcher.free, before + 1);
        assert.ok(maximumMatchingSize(cost, level) >= before + 1);
        for (let u = 0; u < n; u += 1) {
          if (matcher.mateU[u] >= 0) assert.ok(cost[u][matcher.mateU[u]] <= level);
        }
      }
      // From the empty matching, the levels reached give the bottleneck distance.
      assert.equal(maximumMatchingSize(cost, level), n);
      const below = [...new Set(cost.flat())].filter((c) => c < level);
      for (const c of below) assert.ok(maximumMatchingSize(cost, c) < n);
    }),
    runs,
  );
});

test("BottleneckMatcher.lowerBound is the largest cheapest edge over all points", () => {
  fc.assert(
    fc.property(pointsArb, pointsArb, (a, b) => {
      const cost = costs(a, b);
      const na = a.x.length;
      const nb = b.x.length;
      let expected = 0;
      for (let u = 0; u < na; u += 1) expected = Math.max(expected, Math.min(...cost[u]));
      for (let v = 0; v < nb; v += 1) {
        expected = Math.max(
          expected,
          Math.min(...cost.slice(0, na).map((row) => row[v]), b.diagonal[v]),
        );
      }
      assert.equal(matcherOf(a, b).lowerBound(), expected);
    }),
    runs,
  );
});
