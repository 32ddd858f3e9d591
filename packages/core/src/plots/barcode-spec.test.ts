import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { barcode } from "../diagrams/barcode.js";
import type { PersistenceDiagram } from "../types.js";
import { barcodeSpec } from "./barcode-spec.js";
import { PLOT_PALETTE } from "./plot-palette.js";

// biome-ignore lint/suspicious/noExplicitAny: a spec is plain JSON, navigated freely in tests
type Json = Record<string, any>;

const diagram: PersistenceDiagram = {
  dimensions: [
    {
      dim: 0,
      ...barcode([
        [0, 0.2],
        [0, null],
        [0, 0.5],
      ]),
    },
    {
      dim: 1,
      ...barcode([
        [0.4, 0.6],
        [0.3, 0.5],
        [0.3, 1.5],
      ]),
    },
  ],
};

function barLayer(spec: Json): Json {
  return (spec.layer as Json[]).find(
    (layer) => layer.mark.type === "rule" && layer.mark.strokeDash === undefined,
  )!;
}

function arrowLayer(spec: Json): Json | undefined {
  return (spec.layer as Json[]).find((layer) => layer.mark.shape === "triangle-right");
}

test("barcodeSpec has one row per pair, grouped by dimension, sorted by birth then longest first", () => {
  const rows = (barcodeSpec(diagram) as Json).data.values as Json[];
  assert.deepEqual(
    rows.map((row) => [row.dimension, row.birth, row.death]),
    [
      ["H0", 0, null],
      ["H0", 0, 0.5],
      ["H0", 0, 0.2],
      ["H1", 0.3, 1.5],
      ["H1", 0.3, 0.5],
      ["H1", 0.4, 0.6],
    ],
  );
  const positions = rows.map((row) => row.row as number);
  assert.deepEqual(positions.slice(0, 3), [0, 1, 2]);
  assert.ok(positions[3]! > 3, "a blank row separates the groups");
  assert.deepEqual(positions.slice(4), [positions[3]! + 1, positions[3]! + 2]);
});

test("barcodeSpec runs essential bars to the right edge, with an arrowhead and an ∞ tick", () => {
  const spec = barcodeSpec(diagram) as Json;
  const bars = barLayer(spec);
  const end = bars.transform.find((t: Json) => t.as === "end").calculate as string;
  const infinity = Number(/\? (\S+) :/.exec(end)![1]);
  assert.ok(infinity > 1.5);
  const [, top] = bars.encoding.x.scale.domain as number[];
  assert.ok(infinity < top);
  assert.equal(bars.encoding.x2.field, "end");
  assert.equal(bars.encoding.x.axis.title, "Filtration value");
  assert.equal(bars.encoding.x.axis.values.at(-1), infinity);
  assert.match(bars.encoding.x.axis.labelExpr, /'∞'/);
  const arrows = arrowLayer(spec)!;
  assert.deepEqual(arrows.transform, [{ filter: "datum.death === null" }]);
  assert.equal(arrows.encoding.x.datum, infinity);
});

test("barcodeSpec draws no arrowhead and no ∞ without essential classes", () => {
  const spec = barcodeSpec({ dimensions: [{ dim: 1, ...barcode([[0.3, 0.5]]) }] }) as Json;
  assert.equal(arrowLayer(spec), undefined);
  assert.doesNotMatch(barLayer(spec).encoding.x.axis.labelExpr, /∞/);
});

test("barcodeSpec labels each dimension's group on the left in its colour", () => {
  const spec = barcodeSpec({
    dimensions: [
      { dim: 0, ...barcode([[0, 1]]) },
      { dim: 1, ...barcode([]) },
      { dim: 2, ...barcode([[0.5, 0.7]]) },
    ],
  }) as Json;
  const { y, color } = barLayer(spec).encoding;
  assert.equal(y.axis.values.length, 3, "one label per dimension, the empty one too");
  for (const label of ["'H0'", "'H1'", "'H2'"]) assert.ok(y.axis.labelExpr.includes(label));
  assert.deepEqual(color.scale.domain, ["H0", "H1", "H2"]);
  assert.deepEqual(color.scale.range, PLOT_PALETTE.slice(0, 3));
  assert.equal(y.scale.reverse, true, "H0 on top");
});

test("barcodeSpec sizes its height to the bars unless told, and keeps the options given", () => {
  const few = barcodeSpec({ dimensions: [{ dim: 0, ...barcode([[0, 1]]) }] }) as Json;
  assert.equal(few.height, 120);
  const many = barcodeSpec({
    dimensions: [
      { dim: 0, ...barcode(Array.from({ length: 500 }, (_, i) => [0, i + 1] as const)) },
    ],
  }) as Json;
  assert.equal(many.height, 420);
  const sized = barcodeSpec(diagram, { width: 200, height: 100, title: "" }) as Json;
  assert.equal(sized.width, 200);
  assert.equal(sized.height, 100);
  assert.equal(sized.title, undefined);
});

test("barcodeSpec rejects a malformed diagram, naming it", () => {
  assert.throws(
    () =>
      barcodeSpec({
        dimensions: [
          { dim: 0, births: new Float64Array([0]), deaths: new Float64Array([Number.NaN]) },
        ],
      }),
    /barcodeSpec: diagram H0: pair 0 \(birth 0\) has death NaN/,
  );
  assert.throws(() => barcodeSpec(null as unknown as PersistenceDiagram), TypeError);
  assert.throws(
    () => barcodeSpec([{ label: "a", diagram }] as unknown as PersistenceDiagram),
    /barcodeSpec: diagram must be one persistence diagram \{dimensions\}; got an array of length 1/,
  );
  assert.throws(() => barcodeSpec(diagram, { height: Number.NaN }), RangeError);
});

test("barcodeSpec gives plain JSON, one bar per pair, each group's bars in order", () => {
  const pair = fc
    .tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }),
      fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 10 })),
    )
    .map(([b, d]) => [b + 0, d === null ? null : b + d + 0] as const);
  fc.assert(
    fc.property(fc.array(fc.array(pair, { maxLength: 8 }), { maxLength: 3 }), (dims) => {
      const input: PersistenceDiagram = {
        dimensions: dims.map((pairs, dim) => ({ dim, ...barcode(pairs) })),
      };
      const spec = barcodeSpec(input) as Json;
      assert.deepEqual(JSON.parse(JSON.stringify(spec)), spec);
      const rows = spec.data.values as Json[];
      assert.equal(
        rows.length,
        dims.reduce((sum, pairs) => sum + pairs.length, 0),
      );
      const length = (row: Json) => (row.death === null ? Infinity : row.death - row.birth);
      for (let k = 1; k < rows.length; k += 1) {
        const [a, b] = [rows[k - 1]!, rows[k]!];
        assert.ok(a.row < b.row);
        if (a.dimension === b.dimension) {
          assert.ok(a.birth < b.birth || (a.birth === b.birth && length(a) >= length(b)));
        }
      }
      const [low, top] = barLayer(spec).encoding.y.scale.domain as number[];
      for (const row of rows) assert.ok(low < row.row && row.row < top);
    }),
    { seed: 4, numRuns: 200 },
  );
});
