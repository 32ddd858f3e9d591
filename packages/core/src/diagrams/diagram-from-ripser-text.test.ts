import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { diagramFromRipserText } from "./diagram-from-ripser-text.js";
import { formatRipserBarcodes } from "./ripser-barcodes.js";

test("diagramFromRipserText reads Ripser's output with its preamble and essential classes", () => {
  const text = [
    "distance matrix with 4 points, using threshold at 2",
    "value range: [1,2]",
    "persistence intervals in dim 0:",
    " [0,1)",
    " [0, )",
    "persistence intervals in dim 1:",
    " [1.5,2)",
    "",
  ].join("\n");
  const diagram = diagramFromRipserText(text);
  assert.equal(diagram.dimensions.length, 2);
  assert.deepEqual([...diagram.dimensions[0].births], [0, 0]);
  assert.deepEqual([...diagram.dimensions[0].deaths], [1, Number.POSITIVE_INFINITY]);
  assert.deepEqual([...diagram.dimensions[1].births], [1.5]);
});

test("diagramFromRipserText skips Ripser's representative cocycles after a bar", () => {
  const text = "persistence intervals in dim 1:\n [1,2): {[2,0] (1), [1,0] (1)}\n";
  assert.deepEqual([...diagramFromRipserText(text).dimensions[1].deaths], [2]);
  assert.equal(diagramFromRipserText(text).dimensions[0].births.length, 0);
});

test("diagramFromRipserText names the line of a bar it cannot read", () => {
  assert.throws(() => diagramFromRipserText(" [0,1)\n"), /line 1 holds a bar before any/);
  assert.throws(
    () => diagramFromRipserText("persistence intervals in dim 0:\n [0,x)\n"),
    /line 2 has "x"; expected a number/,
  );
  assert.throws(
    () => diagramFromRipserText("persistence intervals in dim 0:\n [2,1)\n"),
    /line 2 dies at 1 before its birth 2/,
  );
  assert.throws(
    () => diagramFromRipserText("persistence intervals in dim 0:\n [0,1\n"),
    /line 2 "\s*\[0,1" is not a bar/,
  );
  assert.throws(
    () =>
      diagramFromRipserText("persistence intervals in dim 1:\npersistence intervals in dim 0:\n"),
    /increasing order/,
  );
});

test("diagramFromRipserText reads back what formatRipserBarcodes writes", () => {
  const value = fc.double({ min: 0, max: 100, noNaN: true }).map((x) => Number(x.toPrecision(6)));
  const pair = fc.tuple(value, fc.option(value)).map(([a, b]) => ({
    birth: b === null ? a : Math.min(a, b),
    death: b === null ? Number.POSITIVE_INFINITY : Math.max(a, b),
  }));
  fc.assert(
    fc.property(
      fc.array(fc.array(pair, { maxLength: 6 }), { minLength: 1, maxLength: 3 }),
      (dims) => {
        const diagram = {
          dimensions: dims.map((pairs, dim) => {
            const kept = pairs.filter((p) => p.death > p.birth);
            return {
              dim,
              births: Float64Array.from(kept, (p) => p.birth),
              deaths: Float64Array.from(kept, (p) => p.death),
            };
          }),
        };
        const back = diagramFromRipserText(formatRipserBarcodes(diagram));
        assert.deepEqual(back, diagram);
      },
    ),
    { seed: 3, numRuns: 100 },
  );
});
