import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertClose, featureFixtures, fixtureDiagram } from "../../test-support/features.js";
import { barcode } from "../barcode.js";
import { diagramSummary } from "./diagram-summary.js";

describe("diagramSummary", () => {
  // Fixtures from scripts/fixtures/features.py (the table recomputed with numpy).
  for (const { name, fixture } of featureFixtures()) {
    it(`diagramSummary equals numpy on ${name}`, () => {
      const rows = diagramSummary(fixtureDiagram(fixture));
      assert.equal(rows.length, fixture.summary.length);
      rows.forEach((row, i) => {
        const expected = fixture.summary[i]!;
        assert.deepEqual(Object.keys(row).sort(), Object.keys(expected).sort());
        for (const [key, value] of Object.entries(row)) {
          const want = expected[key];
          if (want === null || key === "dim" || key === "pairs" || key === "essential") {
            assert.equal(value, want, `${name} row ${i} ${key}`);
          } else {
            assertClose(value as number, want as number, `${name} row ${i} ${key}`);
          }
        }
      });
    });
  }

  it("diagramSummary is plain JSON-safe data", () => {
    const rows = diagramSummary({
      dimensions: [
        {
          dim: 0,
          ...barcode([
            [0, 1],
            [0, null],
          ]),
        },
        { dim: 1, ...barcode([[2, null]]) },
        { dim: 2, ...barcode([]) },
      ],
    });
    assert.deepEqual(JSON.parse(JSON.stringify(rows)), rows);
    assert.deepEqual(rows[1], {
      dim: 1,
      pairs: 1,
      essential: 1,
      birthMin: 2,
      birthMax: 2,
      deathMin: null,
      deathMax: null,
      lifetimeMax: null,
      lifetimeTotal: 0,
      entropy: 0,
    });
    assert.equal(rows[2]!.birthMin, null);
  });

  it("diagramSummary rejects bad diagrams loudly", () => {
    assert.throws(() => diagramSummary(null as never), TypeError);
    assert.throws(
      () => diagramSummary({ dimensions: [{ dim: 0 }] } as never),
      /diagram.dimensions\[0\]/,
    );
    assert.throws(() => diagramSummary({ dimensions: [] }, { base: 0 }), /options.base/);
  });
});
