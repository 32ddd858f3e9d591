import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { assertSameBarcodes, type DimensionPairsJSON } from "../test-support/barcodes.js";
import { flagPersistence } from "./flag-persistence.js";
import { lowerStarPersistence } from "./lower-star-persistence.js";

interface FlagFixture {
  name: string;
  vertexValues: number[];
  sources: number[];
  targets: number[];
  edgeValues: number[];
  maxDim: number;
  modulus: number;
  diagrams: DimensionPairsJSON[];
}

// Made by scripts/fixtures/flag.py from GUDHI's SimplexTree (Debian python3-gudhi).
const directory = new URL("../../../../fixtures/flag/", import.meta.url);
const fixtures: FlagFixture[] = readdirSync(directory)
  .filter((name) => name.endsWith(".json"))
  .map((name) => JSON.parse(readFileSync(new URL(name, directory), "utf8")));

describe("flagPersistence", () => {
  test("there are flag and lower-star fixtures over Z/2 and Z/3", () => {
    assert.ok(fixtures.some((f) => f.name.includes("lower-star")));
    assert.ok(fixtures.some((f) => f.modulus === 3));
  });

  for (const fixture of fixtures) {
    test(`equals GUDHI's SimplexTree expansion on ${fixture.name}`, () => {
      const diagram = flagPersistence(
        { ...fixture, vertexCount: fixture.vertexValues.length },
        { maxDim: fixture.maxDim, modulus: fixture.modulus },
      );
      assertSameBarcodes(diagram, fixture.diagrams, { relative: 0, absolute: 1e-12 });
    });
  }

  for (const fixture of fixtures.filter((f) => f.name.includes("lower-star"))) {
    test(`lowerStarPersistence equals GUDHI's lower-star filtration on ${fixture.name}`, () => {
      const graph = {
        vertexCount: fixture.vertexValues.length,
        sources: fixture.sources,
        targets: fixture.targets,
      };
      const diagram = lowerStarPersistence(graph, fixture.vertexValues, { maxDim: fixture.maxDim });
      assertSameBarcodes(diagram, fixture.diagrams, { relative: 0, absolute: 1e-12 });
    });
  }

  test("a square whose diagonal enters late has one H1 bar from the last side to the diagonal", () => {
    const square = {
      vertexCount: 4,
      sources: [0, 1, 2, 3, 0],
      targets: [1, 2, 3, 0, 2],
      edgeValues: [1, 1, 1, 1.5, 2],
    };
    const h1 = flagPersistence(square).dimensions[1];
    assert.deepEqual([...h1.births], [1.5]);
    assert.deepEqual([...h1.deaths], [2]);
  });

  test("the younger of two minima dies where their sublevel sets meet", () => {
    const h0 = lowerStarPersistence({ vertexCount: 3, sources: [0, 1], targets: [1, 2] }, [0, 2, 1])
      .dimensions[0];
    assert.deepEqual([...h0.births], [1, 0]);
    assert.deepEqual([...h0.deaths], [2, Infinity]);
  });

  test("an edge naming a missing vertex is refused with its position", () => {
    assert.throws(
      () => flagPersistence({ vertexCount: 2, sources: [0], targets: [5], edgeValues: [1] }),
      /targets\[0\] is 5; expected a vertex in 0\.\.1/,
    );
    assert.throws(
      () => lowerStarPersistence({ vertexCount: 2, sources: [0], targets: [1] }, [0, Number.NaN]),
      /values\[1\] is NaN/,
    );
  });
});
