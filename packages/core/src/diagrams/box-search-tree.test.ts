import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { BoxSearchTree } from "./box-search-tree.js";

const runs = { seed: 20240917, numRuns: 100 };

const linf = (x: number, y: number, px: number, py: number) =>
  Math.max(Math.abs(px - x), Math.abs(py - y));

/** Points (many on a coarse grid, so with ties and duplicates), queries, and ids to delete first. */
const scene = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), {
      maxLength: 120,
    }),
    fc.array(
      fc.tuple(
        fc.integer({ min: -2, max: 22 }),
        fc.integer({ min: -2, max: 22 }),
        fc.integer({ min: 0, max: 8 }),
      ),
      { minLength: 1, maxLength: 20 },
    ),
    fc.array(fc.nat(), { maxLength: 40 }),
  )
  .map(([points, queries, deletions]) => ({
    xs: Float64Array.from(points, ([x]) => x / 4),
    ys: Float64Array.from(points, ([, y]) => y / 4),
    queries: queries.map(([x, y, r]) => [x / 4, y / 4, r / 4] as const),
    deletions: points.length === 0 ? [] : deletions.map((k) => k % points.length),
  }));

test("BoxSearchTree.takeWithin deletes and returns exactly the alive points in the box", () => {
  fc.assert(
    fc.property(scene, ({ xs, ys, queries, deletions }) => {
      const tree = new BoxSearchTree(xs, ys);
      const alive = new Uint8Array(xs.length).fill(1);
      for (const id of deletions) {
        tree.remove(id);
        alive[id] = 0;
      }
      const out = new Int32Array(xs.length);
      for (const [x, y, r] of queries) {
        const count = tree.takeWithin(x, y, r, out);
        const expected: number[] = [];
        for (let k = 0; k < xs.length; k += 1) {
          if (alive[k] === 1 && linf(x, y, xs[k], ys[k]) <= r) expected.push(k);
        }
        assert.deepEqual(
          [...out.subarray(0, count)].sort((p, q) => p - q),
          expected,
        );
        for (const k of expected) alive[k] = 0;
        for (let k = 0; k < xs.length; k += 1) assert.equal(tree.isAlive(k), alive[k] === 1);
      }
    }),
    runs,
  );
});

test("BoxSearchTree.nearest finds an alive point at the least distance within the bound", () => {
  fc.assert(
    fc.property(scene, ({ xs, ys, queries, deletions }) => {
      const tree = new BoxSearchTree(xs, ys);
      const alive = new Uint8Array(xs.length).fill(1);
      for (const id of deletions) {
        tree.remove(id);
        alive[id] = 0;
      }
      // Revive one deleted point to exercise restore.
      if (deletions.length > 0) {
        tree.restore(deletions[0]);
        alive[deletions[0]] = 1;
      }
      for (const [x, y, bound] of queries) {
        let best = Number.POSITIVE_INFINITY;
        for (let k = 0; k < xs.length; k += 1) {
          if (alive[k] === 1) best = Math.min(best, linf(x, y, xs[k], ys[k]));
        }
        const id = tree.nearest(x, y, bound);
        if (best > bound) {
          assert.equal(id, -1);
        } else {
          assert.equal(alive[id], 1);
          assert.equal(linf(x, y, xs[id], ys[id]), best);
          assert.equal(tree.lastDistance, best);
        }
      }
      tree.reset();
      for (let k = 0; k < xs.length; k += 1) assert.ok(tree.isAlive(k));
    }),
    runs,
  );
});
