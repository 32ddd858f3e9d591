import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { sparseDistances } from "./sparse-distances.js";

describe("sparseDistances", () => {
  it("copies the edges into typed arrays in the given order", () => {
    const rows = [1, 2];
    const g = sparseDistances(3, rows, [0, 1], [1, 2]);
    assert.equal(g.kind, "sparse");
    assert.equal(g.count, 3);
    assert.deepEqual(g.rows, Int32Array.of(1, 2));
    assert.deepEqual(g.cols, Int32Array.of(0, 1));
    assert.deepEqual(g.values, Float64Array.of(1, 2));
    assert.equal(g.vertexValues, undefined);
    rows[0] = 0;
    assert.equal(g.rows[0], 1);
  });

  it("accepts both orientations of an edge and repeats with the same value", () => {
    const g = sparseDistances(3, [1, 0, 1], [0, 1, 0], [0.5, 0.5, 0.5]);
    assert.equal(g.values.length, 3);
  });

  it("refuses an edge listed twice with different values, naming both listings", () => {
    assert.throws(() => sparseDistances(3, [1, 2, 0], [0, 1, 1], [0.5, 1, 0.75]), {
      name: "RangeError",
      message:
        "sparseDistances: the edge 1 - 0 is listed twice with different values: 0.5 at edge 0 and 0.75 at edge 2",
    });
    // The same check on few edges among many vertices (the map path).
    assert.throws(
      () => sparseDistances(100000, [7, 3], [3, 7], [1, 2]),
      /edge 7 - 3 is listed twice/,
    );
  });

  it("finds every conflicting repeat, whichever path checks it (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3000 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (count, raw) => {
          const rows: number[] = [];
          const cols: number[] = [];
          const values: number[] = [];
          const seen = new Map<string, number>();
          let conflict = false;
          for (const [a, b, v] of raw) {
            const i = a % count;
            const j = b % count;
            if (i === j) continue;
            const key = `${Math.max(i, j)},${Math.min(i, j)}`;
            const previous = seen.get(key);
            if (previous !== undefined && previous !== v) conflict = true;
            if (previous === undefined) seen.set(key, v);
            rows.push(i);
            cols.push(j);
            values.push(v);
          }
          let threw = false;
          try {
            sparseDistances(count, rows, cols, values);
          } catch (error) {
            threw = error instanceof RangeError && /listed twice/.test(error.message);
          }
          return threw === conflict;
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it("checks edges against vertex births", () => {
    const g = sparseDistances(2, [1], [0], [0.5], { vertexValues: [0.2, -1] });
    assert.deepEqual(g.vertexValues, Float64Array.of(0.2, -1));
    assert.throws(
      () => sparseDistances(2, [1], [0], [0.1], { vertexValues: [0.2, 0] }),
      /values\[0\] \(edge 1 - 0\) must be >= the births of its vertices, 0.2; got 0.1/,
    );
    assert.throws(() => sparseDistances(2, [1], [0], [-0.1]), /must be >= 0; got -0.1/);
    assert.throws(
      () => sparseDistances(2, [1], [0], [1], { vertexValues: [0] }),
      /2 entries; got 1/,
    );
  });

  it("refuses self-loops, vertices out of range and non-finite values, naming the edge", () => {
    assert.throws(
      () => sparseDistances(3, [1], [1], [0]),
      /edge 0 is a self-loop at vertex 1.*vertexValues/,
    );
    assert.throws(
      () => sparseDistances(3, [3], [1], [0]),
      /rows\[0\] must be an integer vertex in \[0, 3\); got 3/,
    );
    assert.throws(() => sparseDistances(3, [0.5], [1], [0]), /rows\[0\]/);
    assert.throws(() => sparseDistances(3, [2], [1], [Number.POSITIVE_INFINITY]), {
      name: "RangeError",
      message: /values\[0\] \(edge 2 - 1\) must be finite; got Infinity; leave absent edges out/,
    });
    assert.throws(() => sparseDistances(3, [2, 1], [1], [1, 1]), /lengths 2, 1, 2/);
    assert.throws(() => sparseDistances(3, [2], ["1"] as never, [1]), TypeError);
  });

  it("accepts an empty graph", () => {
    assert.equal(sparseDistances(5, [], [], []).values.length, 0);
    assert.equal(sparseDistances(0, [], [], []).count, 0);
  });
});
