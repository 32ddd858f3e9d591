import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertAllClose, featureFixtures, fixtureDiagram } from "../../test-support/features.js";
import type { PersistenceDiagram } from "../../types.js";
import { barcode } from "../barcode.js";
import { barcodeStatistics } from "./barcode-statistics.js";
import { diagramStatistics } from "./diagram-statistics.js";

describe("diagramStatistics parity with numpy", () => {
  // Fixtures from scripts/fixtures/features.py: the same names and values recomputed
  // with numpy (np.mean, np.std with ddof=0, np.sort) for groups h0, h1, all, top 3.
  for (const { name, fixture } of featureFixtures()) {
    it(`diagramStatistics equals numpy on ${name}`, () => {
      const diagram = fixtureDiagram(fixture);
      const topK = fixture.topK;
      const plain = diagramStatistics(diagram, { topK });
      assert.deepEqual(plain.names, fixture.statistics.names);
      assertAllClose(plain.values, fixture.statistics.values, "finite pairs", { absolute: 1e-14 });
      const replaced = diagramStatistics(diagram, { topK, infinityValue: fixture.infinity });
      assert.deepEqual(replaced.names, fixture.statisticsInfinity.names);
      assertAllClose(replaced.values, fixture.statisticsInfinity.values, "infinity", {
        absolute: 1e-14,
      });
    });
  }
});

describe("diagramStatistics", () => {
  const diagram: PersistenceDiagram = {
    dimensions: [
      {
        dim: 0,
        ...barcode([
          [0, 1],
          [0, 3],
          [0, null],
        ]),
      },
      {
        dim: 1,
        ...barcode([
          [1, 2],
          [1.5, 1.5],
        ]),
      },
    ],
  };

  it("diagramStatistics names its features stably, group by group", () => {
    const { names, values } = diagramStatistics(diagram, { topK: 2 });
    const group = (g: string) => [
      `${g}.count`,
      `${g}.birth.mean`,
      `${g}.birth.std`,
      `${g}.death.mean`,
      `${g}.death.std`,
      `${g}.lifetime.mean`,
      `${g}.lifetime.std`,
      `${g}.midlife.mean`,
      `${g}.midlife.std`,
      `${g}.top1.lifetime`,
      `${g}.top2.lifetime`,
    ];
    assert.deepEqual(names, [...group("h0"), ...group("h1"), ...group("all")]);
    assert.equal(values.length, names.length);
    assert.equal(values[names.indexOf("h0.lifetime.mean")], 2);
    assert.equal(values[names.indexOf("h1.count")], 1);
    assert.equal(values[names.indexOf("all.count")], 3);
    assert.equal(values[names.indexOf("all.top2.lifetime")], 1);
  });

  it("diagramStatistics pools the listed dimensions into all", () => {
    const { names, values } = diagramStatistics(diagram, { dimensions: [1, 0, 2], topK: 3 });
    assert.equal(names[0], "h1.count");
    const pooled = barcodeStatistics(
      barcode([
        [1, 2],
        [0, 1],
        [0, 3],
      ]),
      { topK: 3 },
    );
    const all = names.findIndex((n) => n.startsWith("all."));
    assertAllClose(
      values.subarray(all),
      [
        pooled.count,
        pooled.birthMean,
        pooled.birthStd,
        pooled.deathMean,
        pooled.deathStd,
        pooled.lifetimeMean,
        pooled.lifetimeStd,
        pooled.midlifeMean,
        pooled.midlifeStd,
        ...pooled.topLifetimes,
      ],
      "all",
    );
    const h2 = names.indexOf("h2.count");
    assert.equal(values[h2], 0);
    assert.equal(diagramStatistics(diagram, { pooled: false, topK: 0 }).names.length, 18);
  });

  it("diagramStatistics rejects bad diagrams and options loudly", () => {
    assert.throws(() => diagramStatistics({} as never), /diagram must be a persistence diagram/);
    assert.throws(() => diagramStatistics(diagram, { dimensions: [0, 0] }), /lists 0 twice/);
    assert.throws(() => diagramStatistics(diagram, { dimensions: [-1] }), RangeError);
    assert.throws(() => diagramStatistics(diagram, { dimensions: 1 as never }), TypeError);
    const bad = {
      dimensions: [{ dim: 0, births: new Float64Array([2]), deaths: new Float64Array([1]) }],
    };
    assert.throws(() => diagramStatistics(bad), /diagramStatistics: diagram H0: pair 0 dies at 1/);
  });
});
