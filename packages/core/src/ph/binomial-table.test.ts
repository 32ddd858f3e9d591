import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { assertIndexable, BinomialTable, largestVertexCount } from "./binomial-table.js";

/** C(n, k) exactly. */
function exact(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let value = 1n;
  for (let i = 0; i < k; i++) value = (value * BigInt(n - i)) / BigInt(i + 1);
  return value;
}

/** The exact index of the simplex with decreasing vertices `vertices`. */
function exactIndex(vertices: readonly number[]): bigint {
  return vertices.reduce((sum, v, a) => sum + exact(v, vertices.length - a), 0n);
}

/** The encoded index of a maxK-vertex simplex (decreasing vertices), as the enumerators form it. */
function encoded(table: BinomialTable, vertices: readonly number[]): number {
  const rest = vertices
    .slice(1)
    .reduce((sum, v, a) => sum + table.get(v, vertices.length - 1 - a), 0);
  return table.encodeTop(vertices[0], rest);
}

/** All k-subsets of 0..n-1 as decreasing vertex lists, in increasing index order. */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let top = k - 1; top < n; top++)
    for (const rest of subsets(top, k - 1)) out.push([top, ...rest]);
  return out;
}

describe("BinomialTable", () => {
  test("C(4096, 5) past 2^53 makes a wide table, C(4096, 4) below it an ordinary one", () => {
    assert.ok(exact(4096, 5) > BigInt(Number.MAX_SAFE_INTEGER));
    assert.equal(new BinomialTable(4096, 5).wide, true);
    assert.equal(new BinomialTable(4096, 4).wide, false);
    assert.equal(new BinomialTable(1024, 5).wide, false);
  });

  test("encoded indices of a forced wide table increase with the simplices and decode back", () => {
    for (const bits of [3, 4, 8, 52]) {
      const n = 16;
      const k = 4;
      const table = new BinomialTable(n, k, { wideIndexBits: bits });
      let previous = -1;
      for (const vertices of subsets(n, k)) {
        const index = encoded(table, vertices);
        assert.ok(index > previous, `bits ${bits}: ${vertices} after ${previous}`);
        previous = index;
        const top = table.maxVertex(index, k, n - 1);
        assert.equal(top, vertices[0]);
        const rest = vertices.slice(1).reduce((sum, v, a) => sum + table.get(v, k - 1 - a), 0);
        assert.equal(table.topRest(index, top), rest);
      }
    }
  });

  test("encoded indices past 2^53 compare as the exact integers and decode back (o3_4096's size)", () => {
    const n = 4096;
    const k = 5;
    const table = new BinomialTable(n, k);
    const simplex = fc
      .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: k, maxLength: k })
      .map((vs) => vs.sort((a, b) => b - a));
    // Top vertices near n - 1 give indices past 2^53.
    const high = fc
      .uniqueArray(fc.integer({ min: n - 60, max: n - 1 }), { minLength: k, maxLength: k })
      .map((vs) => vs.sort((a, b) => b - a));
    const any = fc.oneof(simplex, high);
    fc.assert(
      fc.property(any, any, (a, b) => {
        const ea = encoded(table, a);
        const eb = encoded(table, b);
        const xa = exactIndex(a);
        const xb = exactIndex(b);
        assert.equal(ea < eb, xa < xb);
        assert.equal(ea === eb, xa === xb);
        if (xa < BigInt(Number.MAX_SAFE_INTEGER)) assert.equal(ea, Number(xa));
        const top = table.maxVertex(ea, k, n - 1);
        assert.equal(top, a[0]);
        assert.equal(BigInt(table.topRest(ea, top)), xa - exact(a[0], k));
      }),
      { numRuns: 500 },
    );
  });

  test("sizes whose columns pass 2^53 are still refused, top cofacets past it are not", () => {
    assert.doesNotThrow(() => assertIndexable(4096, 5)); // o3_4096 --dim 3
    assert.doesNotThrow(() => assertIndexable(50_000, 4)); // clifford_torus_50000 --dim 2
    assert.throws(
      () => assertIndexable(60_000, 5),
      /simplex indices overflow 2\^53: 60000 points with simplices of 4 vertices/,
    );
    assert.throws(
      () => assertIndexable(200_000, 4),
      /simplex indices overflow: 200000 points with simplices of 4 vertices.*more than/,
    );
    const largest = largestVertexCount(5);
    assert.doesNotThrow(() => assertIndexable(largest, 5));
    assert.throws(() => assertIndexable(largest + 1, 5), RangeError);
  });
});
