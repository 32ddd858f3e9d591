import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { condensedFromLower } from "../metric/condensed-from-lower.js";
import { pointCloud } from "../metric/point-cloud.js";
import {
  assertSameBarcodes,
  barsByDimension,
  type DimensionPairsJSON,
} from "../test-support/barcodes.js";
import type { RipsInput } from "../types.js";
import { ripsPersistence } from "./rips-persistence.js";

// Made by scripts/fixtures/rips.py (`npm run fixtures`) with Debian's ripser
// 1.2.1 (`ripser`, and `ripser-coeff` for Z/p with p > 2) and, for Z/p with
// p > 2, GUDHI's RipsComplex + persistence(homology_coeff_field=p). Reference
// values are the exact float32 numbers Ripser computes with (see the script).
const FIXTURES = new URL("../../../../fixtures/rips/", import.meta.url);

interface RipsFixture {
  readonly name: string;
  readonly description: string;
  readonly input:
    | {
        readonly kind: "point-cloud";
        readonly metric: "euclidean";
        readonly count: number;
        readonly dimension: number;
        readonly coordinates: number[];
      }
    | { readonly kind: "lower-distance"; readonly count: number; readonly values: number[] };
  readonly parameters: {
    readonly maxDim: number;
    readonly threshold: number | null;
    readonly modulus: number;
  };
  readonly precision: "float32";
  readonly references: readonly {
    readonly tool: string;
    readonly diagrams: readonly DimensionPairsJSON[];
  }[];
}

function loadFixtures(): RipsFixture[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(new URL(file, FIXTURES), "utf8")) as RipsFixture);
}

function inputOf(fixture: RipsFixture): RipsInput {
  const { input } = fixture;
  if (input.kind === "point-cloud") {
    // Euclidean float32 distances in Ripser's arithmetic (pairwiseDistances' default).
    return pointCloud(input.coordinates, input.dimension);
  }
  return condensedFromLower(input.values, { count: input.count, precision: "float32" });
}

const fixtures = loadFixtures();

describe("ripsPersistence equals Ripser and GUDHI on the committed fixtures", () => {
  test("the fixtures are there", () => {
    assert.ok(
      fixtures.length >= 10,
      `expected the fixtures of fixtures/rips, got ${fixtures.length}`,
    );
  });

  for (const fixture of fixtures) {
    const { maxDim, threshold, modulus } = fixture.parameters;
    test(`${fixture.name}: ${fixture.description}`, () => {
      const diagram = ripsPersistence(inputOf(fixture), {
        maxDim,
        threshold: threshold ?? Number.POSITIVE_INFINITY,
        modulus,
        precision: "float32",
      });
      assert.equal(diagram.dimensions.length, maxDim + 1);
      for (const reference of fixture.references) {
        assertSameBarcodes(
          diagram,
          reference.diagrams,
          { relative: 1e-6 },
          `${fixture.name}: nettopo differs from ${reference.tool}`,
        );
      }
    });
  }

  test("a sample of RP^2 has a long H1 and H2 bar with Z/2 and none with Z/3", () => {
    const longest = (name: string, dim: number): number => {
      const fixture = fixtures.find((f) => f.name === name);
      assert.ok(fixture, `fixture ${name}`);
      const diagram = ripsPersistence(inputOf(fixture), {
        maxDim: 2,
        modulus: fixture.parameters.modulus,
      });
      const bars = barsByDimension(diagram)[dim] ?? [];
      return Math.max(0, ...bars.map((bar) => bar.death - bar.birth));
    };
    for (const dim of [1, 2]) {
      const z2 = longest("rp2-70-mod2", dim);
      const z3 = longest("rp2-70-mod3", dim);
      assert.ok(z2 > 0.5 && z3 < 0.2, `H${dim}: longest bar ${z2} with Z/2, ${z3} with Z/3`);
    }
  });
});
