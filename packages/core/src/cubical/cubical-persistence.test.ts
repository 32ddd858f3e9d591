import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertSameBarcodes, type DimensionPairsJSON } from "../test-support/barcodes.js";
import type { PersistenceDiagram } from "../types.js";
import { type CubicalConstruction, cubicalPersistence } from "./cubical-persistence.js";

interface CubicalFixture {
  readonly reference: string;
  readonly construction: CubicalConstruction;
  readonly shape: number[];
  readonly values: number[];
  readonly diagrams: DimensionPairsJSON[];
}

// Made by scripts/fixtures/cubical.py from Debian's python3-gudhi.
const fixtureDir = new URL("../../../../fixtures/cubical/", import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ({
    name,
    fixture: JSON.parse(readFileSync(new URL(name, fixtureDir), "utf8")) as CubicalFixture,
  }));

const constructions: readonly CubicalConstruction[] = ["top", "vertex"];

/** The bars of dimension `dim` as `[birth, death]` tuples, in output order. */
function bars(diagram: PersistenceDiagram, dim: number): [number, number][] {
  const d = diagram.dimensions[dim]!;
  return Array.from(d.births, (b, k) => [b, d.deaths[k]!]);
}

/** A grid of `shape` filled by `f(coordinates)`, row-major. */
function grid(shape: readonly number[], f: (c: number[]) => number): Float64Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(size);
  const c = shape.map(() => 0);
  for (let i = 0; i < size; i++) {
    out[i] = f(c);
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++c[k]! < shape[k]!) break;
      c[k] = 0;
    }
  }
  return out;
}

describe("cubicalPersistence parity with GUDHI", () => {
  it("has fixtures of both constructions in 1, 2 and 3 dimensions", () => {
    const kinds = new Set(
      fixtures.map(({ fixture }) => `${fixture.construction}-${fixture.shape.length}`),
    );
    for (const c of constructions)
      for (const d of [1, 2, 3]) assert.ok(kinds.has(`${c}-${d}`), `${c}-${d}`);
  });

  for (const { name, fixture } of fixtures) {
    it(`cubicalPersistence equals GUDHI on ${name} (${fixture.construction} construction)`, () => {
      const diagram = cubicalPersistence(fixture.values, fixture.shape, {
        construction: fixture.construction,
      });
      assert.equal(diagram.dimensions.length, fixture.shape.length);
      assertSameBarcodes(
        diagram,
        fixture.diagrams,
        { relative: 0, absolute: 1e-12, dropZeroLength: false },
        `${name} differs from ${fixture.reference}`,
      );
    });
  }
});

describe("cubicalPersistence invariants", () => {
  for (const construction of constructions) {
    it(`cubicalPersistence returns one H1 bar for a ring image (${construction})`, () => {
      // A square ring of 0s (rows and columns 2..8 of an 11x11 image) in 1s,
      // with a centre of 3: the loop is born at 0 and lives until the centre
      // fills in.
      const image = grid([11, 11], ([i, j]) => {
        const ring = Math.max(Math.abs(i! - 5), Math.abs(j! - 5)) === 3;
        return ring ? 0 : i === 5 && j === 5 ? 3 : 1;
      });
      const diagram = cubicalPersistence(image, [11, 11], { construction });
      assert.deepEqual(bars(diagram, 1), [[0, 3]]);
      assert.deepEqual(bars(diagram, 0), [[0, Number.POSITIVE_INFINITY]]);
    });

    it(`cubicalPersistence returns one H2 bar for a hollow cube (${construction})`, () => {
      const volume = grid([9, 9, 9], (c) =>
        Math.max(...c.map((x) => Math.abs(x - 4))) === 3 ? 0 : 2,
      );
      const diagram = cubicalPersistence(volume, [9, 9, 9], { construction });
      assert.deepEqual(bars(diagram, 2), [[0, 2]]);
      assert.deepEqual(bars(diagram, 1), []);
      assert.deepEqual(bars(diagram, 0), [[0, Number.POSITIVE_INFINITY]]);
    });

    it(`cubicalPersistence returns n H0 bars for n separated minima (${construction})`, () => {
      // Minima of values 0..5 at every third cell of a 6x4 lattice, in 10s.
      const image = grid([18, 12], ([i, j]) =>
        i! % 3 === 1 && j! % 3 === 1 && ((i! - 1) / 3) * 4 + (j! - 1) / 3 < 6
          ? ((i! - 1) / 3) * 4 + (j! - 1) / 3
          : 10,
      );
      const diagram = cubicalPersistence(image, [18, 12], { construction });
      assert.deepEqual(bars(diagram, 0), [
        [0, Number.POSITIVE_INFINITY],
        [1, 10],
        [2, 10],
        [3, 10],
        [4, 10],
        [5, 10],
      ]);
      assert.deepEqual(bars(diagram, 1), []);
    });

    it(`cubicalPersistence shifts every bar when a constant is added (${construction})`, () => {
      let seed = 7;
      const next = () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return Math.floor((seed / 2 ** 32) * 64) / 64;
      };
      const volume = grid([7, 6, 5], () => next());
      const shifted = volume.map((v) => v + 3.25);
      const a = cubicalPersistence(volume, [7, 6, 5], { construction });
      const b = cubicalPersistence(shifted, [7, 6, 5], { construction });
      for (let dim = 0; dim < 3; dim++) {
        assert.deepEqual(
          bars(b, dim),
          bars(a, dim).map(([x, y]) => [x + 3.25, y + 3.25]),
        );
      }
      assert.ok(bars(a, 1).length > 0);
    });

    it(`cubicalPersistence of a constant grid is one essential H0 bar (${construction})`, () => {
      for (const shape of [[1], [4], [1, 1], [3, 5], [2, 1, 3]]) {
        const size = shape.reduce((x, y) => x * y, 1);
        const diagram = cubicalPersistence(new Array(size).fill(-2.5), shape, { construction });
        assert.equal(diagram.dimensions.length, shape.length);
        assert.deepEqual(bars(diagram, 0), [[-2.5, Number.POSITIVE_INFINITY]]);
        for (let dim = 1; dim < shape.length; dim++) assert.deepEqual(bars(diagram, dim), []);
      }
    });
  }

  it("cubicalPersistence joins diagonal neighbours in the top construction only", () => {
    // A diamond of 0s in 1s: 8-connected (a loop for "top"), 4-disconnected
    // (8 separate points for "vertex").
    const image = grid([7, 7], ([i, j]) => (Math.abs(i! - 3) + Math.abs(j! - 3) === 2 ? 0 : 1));
    const top = cubicalPersistence(image, [7, 7], { construction: "top" });
    assert.deepEqual(bars(top, 0), [[0, Number.POSITIVE_INFINITY]]);
    assert.deepEqual(bars(top, 1), [[0, 1]]);
    const vertex = cubicalPersistence(image, [7, 7], { construction: "vertex" });
    assert.equal(bars(vertex, 0).length, 8);
    assert.deepEqual(bars(vertex, 1), []);
  });

  it("cubicalPersistence defaults to the vertex construction and maxDim = axes - 1", () => {
    const image = grid([6, 5], ([i, j]) => ((i! * 7 + j! * 3) % 5) - 1);
    assert.deepEqual(
      cubicalPersistence(image, [6, 5]),
      cubicalPersistence(image, [6, 5], { construction: "vertex", maxDim: 1 }),
    );
    assert.notDeepEqual(
      cubicalPersistence(image, [6, 5]),
      cubicalPersistence(image, [6, 5], { construction: "top" }),
    );
  });

  it("cubicalPersistence computes dimensions 0..maxDim only", () => {
    const volume = grid([5, 5, 5], (c) =>
      Math.max(...c.map((x) => Math.abs(x - 2))) === 1 ? 0 : 2,
    );
    const full = cubicalPersistence(volume, [5, 5, 5], { maxDim: 3 });
    assert.deepEqual(
      full.dimensions.map((d) => d.dim),
      [0, 1, 2, 3],
    );
    assert.equal(full.dimensions[3]!.births.length, 0);
    for (const maxDim of [0, 1, 2]) {
      const part = cubicalPersistence(volume, [5, 5, 5], { maxDim });
      assert.deepEqual(part.dimensions, full.dimensions.slice(0, maxDim + 1));
    }
  });

  it("cubicalPersistence reports progress and does not modify its input", () => {
    const values = Array.from({ length: 60 }, (_, i) => (i * 37) % 11);
    const copy = values.slice();
    const stages = new Set<string>();
    cubicalPersistence(values, [3, 4, 5], { onProgress: (p) => stages.add(p.stage) });
    assert.deepEqual([...stages], ["filtration", "H0", "H2", "H1"]);
    assert.deepEqual(values, copy);
  });

  it("cubicalPersistence stops with the signal's reason when aborted", () => {
    const reason = new Error("stop now");
    assert.throws(
      () => cubicalPersistence([1, 2, 3, 4], [2, 2], { signal: { aborted: true, reason } }),
      (e) => e === reason,
    );
  });
});

describe("cubicalPersistence input errors", () => {
  const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
    [
      "a NaN",
      () => cubicalPersistence([0, 1, Number.NaN, 3], [2, 2]),
      RangeError,
      /values\[2\] \(at \[1, 0\]\) is NaN/,
    ],
    [
      "an infinite value",
      () => cubicalPersistence([0, Number.POSITIVE_INFINITY, 1], [3]),
      RangeError,
      /values\[1\] is Infinity; expected finite numbers/,
    ],
    [
      "a non-number value",
      () => cubicalPersistence([0, "1" as unknown as number], [2]),
      TypeError,
      /values\[1\] is "1"/,
    ],
    [
      "a length mismatch",
      () => cubicalPersistence([1, 2, 3], [2, 2]),
      RangeError,
      /length 3 but shape \[2, 2\] needs 4/,
    ],
    ["an empty shape", () => cubicalPersistence([1], []), RangeError, /1 to 3 axes, got 0/],
    ["four axes", () => cubicalPersistence([1], [1, 1, 1, 1]), RangeError, /1 to 3 axes, got 4/],
    [
      "a zero size",
      () => cubicalPersistence([], [2, 0]),
      RangeError,
      /shape\[1\] must be a positive integer, got 0/,
    ],
    [
      "a fractional size",
      () => cubicalPersistence([1, 2], [1.5]),
      RangeError,
      /shape\[0\] must be a positive integer, got 1.5/,
    ],
    [
      "a shape that is not an array",
      () => cubicalPersistence([1], 1 as unknown as number[]),
      TypeError,
      /expected shape/,
    ],
    [
      "values that are not array-like",
      () => cubicalPersistence(null as unknown as number[], [1]),
      TypeError,
      /expected values/,
    ],
    [
      "an unknown construction",
      () => cubicalPersistence([1], [1], { construction: "cell" as CubicalConstruction }),
      RangeError,
      /construction must be "top" or "vertex", got "cell"/,
    ],
    [
      "a maxDim too high",
      () => cubicalPersistence([1, 2], [1, 2], { maxDim: 3 }),
      RangeError,
      /maxDim must be an integer in 0..2/,
    ],
    ["a negative maxDim", () => cubicalPersistence([1], [1], { maxDim: -1 }), RangeError, /maxDim/],
    [
      "a grid too large to hold",
      () => cubicalPersistence({ length: 2 ** 30 } as ArrayLike<number>, [1024, 1024, 1024]),
      RangeError,
      /cells, more than the \d+ supported; downsample or crop the grid/,
    ],
  ];
  for (const [what, call, type, message] of cases) {
    it(`cubicalPersistence rejects ${what} with a one-line ${type.name}`, () => {
      assert.throws(call, (e: unknown) => {
        assert.ok(e instanceof type, `expected ${type.name}, got ${String(e)}`);
        assert.match(e.message, message);
        assert.match(e.message, /^cubicalPersistence: [^\n]+$/);
        return true;
      });
    });
  }
});
