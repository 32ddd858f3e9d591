import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it, test } from "node:test";
import { matchingCost } from "../test-support/bottleneck-matching.js";
import { type Barcode, barcode } from "./barcode.js";
import { bottleneckDistance, bottleneckMatching } from "./bottleneck-distance.js";

interface BottleneckFixture {
  readonly reference: string;
  readonly a: [number, number | null][];
  readonly b: [number, number | null][];
  /** GUDHI's exact distance, null for Infinity. */
  readonly distance: number | null;
  /** Hera's exact-mode distance (it may differ in the last bits), null for Infinity. */
  readonly hera: number | null;
}

// Made by scripts/fixtures/bottleneck.py from Debian's python3-gudhi.
const fixtureDir = new URL("../../../../fixtures/bottleneck/", import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ({
    name,
    fixture: JSON.parse(readFileSync(new URL(name, fixtureDir), "utf8")) as BottleneckFixture,
  }));

describe("bottleneckDistance parity with GUDHI", () => {
  it("has fixtures of up to 2000 points, with ties, diagonal points, essential classes and empty diagrams", () => {
    const names = fixtures.map(({ name }) => name);
    for (const prefix of ["random-2000", "ties-", "diagonal-", "essential-unequal", "empty-"]) {
      assert.ok(
        names.some((n) => n.startsWith(prefix)),
        prefix,
      );
    }
  });

  for (const { name, fixture } of fixtures) {
    it(`bottleneckDistance equals GUDHI's exact distance on ${name}`, () => {
      const a = barcode(fixture.a);
      const b = barcode(fixture.b);
      const expected = fixture.distance ?? Number.POSITIVE_INFINITY;
      const { distance, matching } = bottleneckMatching(a, b);
      if (expected === Number.POSITIVE_INFINITY) {
        assert.equal(distance, expected);
      } else {
        assert.ok(
          Math.abs(distance - expected) <= 1e-9 * expected,
          `${distance} vs GUDHI ${expected}`,
        );
        // The algorithm is exact: expect the very same double.
        assert.equal(distance, expected);
      }
      assert.equal(matchingCost(a, b, matching), distance);
      assert.equal(bottleneckDistance(b, a), distance);
    });
  }
});

test("bottleneckDistance runs the documented example", () => {
  assert.equal(
    bottleneckDistance(
      barcode([
        [0, 1],
        [0, 2],
      ]),
      barcode([[0, 1.5]]),
    ),
    0.5,
  );
  const { distance, matching } = bottleneckMatching(
    barcode([[0, 1]]),
    barcode([
      [0, 1.5],
      [2, 2.2],
    ]),
  );
  assert.equal(distance, 0.5);
  assert.deepEqual([...matching.a], [0, -1]);
  assert.deepEqual([...matching.b], [0, 1]);
});

test("bottleneckDistance matches a point with the diagonal when that is cheaper", () => {
  // (0, 4) against (0, 0.5): matched together they cost 3.5, each to the diagonal 2 and 0.25.
  assert.equal(bottleneckDistance(barcode([[0, 4]]), barcode([[0, 0.5]])), 2);
});

test("bottleneckDistance pairs essential classes in birth order and is Infinity when their numbers differ", () => {
  const a = barcode([
    [0, null],
    [3, null],
    [0, 1],
  ]);
  const b = barcode([
    [2, null],
    [0.5, null],
  ]);
  const { distance, matching } = bottleneckMatching(a, b);
  assert.equal(distance, 1);
  assert.deepEqual([...matching.a], [0, 1, 2]);
  assert.deepEqual([...matching.b], [1, 0, -1]);
  const unequal = bottleneckMatching(a, barcode([[0, null]]));
  assert.equal(unequal.distance, Number.POSITIVE_INFINITY);
  assert.equal(matchingCost(a, barcode([[0, null]]), unequal.matching), Number.POSITIVE_INFINITY);
});

test("bottleneckDistance is 0 between empty barcodes and ignores points on the diagonal", () => {
  const empty = barcode([]);
  assert.equal(bottleneckDistance(empty, empty), 0);
  const diagonal = barcode([
    [1, 1],
    [2, 2],
  ]);
  const { distance, matching } = bottleneckMatching(diagonal, empty);
  assert.equal(distance, 0);
  assert.deepEqual([...matching.a], [0, 1]);
  assert.deepEqual([...matching.b], [-1, -1]);
});

test("bottleneckDistance rejects bad barcodes, naming them", () => {
  const ok = barcode([[0, 1]]);
  assert.throws(() => bottleneckDistance(ok, [[0, 1]] as unknown as Barcode), {
    name: "TypeError",
    message: /bottleneckDistance: b must have Float64Array births and deaths/,
  });
  const backwards = { births: new Float64Array([1]), deaths: new Float64Array([0]) };
  assert.throws(() => bottleneckMatching(backwards, ok), {
    name: "RangeError",
    message: /bottleneckMatching: a: pair 0 dies at 0 before its birth 1/,
  });
});

test("bottleneckDistance does not modify its inputs", () => {
  const a = barcode([
    [0, 1],
    [0.2, 0.9],
    [0.1, null],
  ]);
  const b = barcode([
    [0.05, 1.1],
    [0.3, null],
  ]);
  const copies = [a.births.slice(), a.deaths.slice(), b.births.slice(), b.deaths.slice()];
  bottleneckMatching(a, b);
  assert.deepEqual([a.births, a.deaths, b.births, b.deaths], copies);
});
