import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { barcode } from "../diagrams/barcode.js";
import type { PersistenceDiagram } from "../types.js";
import { persistenceDiagramSpec } from "./persistence-diagram-spec.js";
import { PLOT_PALETTE } from "./plot-palette.js";

// biome-ignore lint/suspicious/noExplicitAny: a spec is plain JSON, navigated freely in tests
type Json = Record<string, any>;

const circleLike: PersistenceDiagram = {
  dimensions: [
    {
      dim: 0,
      ...barcode([
        [0, 0.2],
        [0, 0.3],
        [0, null],
      ]),
    },
    {
      dim: 1,
      ...barcode([
        [0.3, 1.5],
        [0.4, 0.45],
      ]),
    },
  ],
};

function layers(spec: Json): Json[] {
  return spec.layer as Json[];
}

/** The layer of the pairs: the one drawing points. */
function pointLayer(spec: Json): Json {
  return layers(spec).find((layer) => layer.mark.type === "point")!;
}

/** The dashed horizontal rule where essential classes sit, if any. */
function infinityLine(spec: Json): Json | undefined {
  return layers(spec).find((layer) => layer.mark.strokeDash !== undefined);
}

test("persistenceDiagramSpec has one data row per pair, null deaths for essential classes", () => {
  const spec = persistenceDiagramSpec(circleLike) as Json;
  assert.deepEqual(spec.data.values, [
    { dimension: "H0", birth: 0, death: 0.2 },
    { dimension: "H0", birth: 0, death: 0.3 },
    { dimension: "H0", birth: 0, death: null },
    { dimension: "H1", birth: 0.3, death: 1.5 },
    { dimension: "H1", birth: 0.4, death: 0.45 },
  ]);
});

test("persistenceDiagramSpec draws essential classes on a dashed line above every finite value, labelled ∞", () => {
  const spec = persistenceDiagramSpec(circleLike) as Json;
  const line = infinityLine(spec);
  assert.ok(line, "a dashed ∞ line");
  const infinity = line.encoding.y.datum as number;
  assert.ok(infinity > 1.5, `∞ at ${infinity}, above the largest finite value 1.5`);
  const [low, top] = pointLayer(spec).encoding.y.scale.domain as number[];
  assert.ok(infinity < top && low < 0, "the ∞ line lies inside the plot");
  const plotted = pointLayer(spec).transform.find((t: Json) => t.as === "plottedDeath");
  assert.equal(plotted.calculate, `datum.death === null ? ${infinity} : datum.death`);
  const yAxis = pointLayer(spec).encoding.y.axis;
  assert.equal(yAxis.values.at(-1), infinity);
  assert.match(yAxis.labelExpr, /'∞'/);
  for (const tick of yAxis.values.slice(0, -1)) assert.ok(tick < infinity);
});

test("persistenceDiagramSpec draws no ∞ line when every class dies", () => {
  const finite: PersistenceDiagram = { dimensions: [{ dim: 1, ...barcode([[0.3, 1.5]]) }] };
  const spec = persistenceDiagramSpec(finite) as Json;
  assert.equal(infinityLine(spec), undefined);
  const { x, y } = pointLayer(spec).encoding;
  assert.doesNotMatch(y.axis.labelExpr, /∞/);
  assert.deepEqual(y.axis.values, x.axis.values);
  assert.equal(pointLayer(spec).transform[0].calculate, "datum.death");
});

test("persistenceDiagramSpec has one legend entry per dimension, in the palette's colours", () => {
  const spec = persistenceDiagramSpec({
    dimensions: [
      { dim: 0, ...barcode([[0, 1]]) },
      { dim: 2, ...barcode([[0.5, 0.7]]) },
    ],
  }) as Json;
  const color = pointLayer(spec).encoding.color;
  assert.equal(color.field, "dimension");
  assert.equal(color.legend.title, "Dimension");
  assert.deepEqual(color.scale.domain, ["H0", "H2"]);
  assert.deepEqual(color.scale.range, [PLOT_PALETTE[0], PLOT_PALETTE[2]]);
  assert.equal(pointLayer(spec).encoding.shape, undefined, "one diagram: no shape legend");
});

test("persistenceDiagramSpec titles the axes Birth and Death over equal ranges, with a diagonal", () => {
  const spec = persistenceDiagramSpec(circleLike, { title: "T", width: 300, height: 300 }) as Json;
  assert.equal(spec.title, "T");
  assert.equal(spec.width, 300);
  assert.equal(spec.height, 300);
  const { x, y } = pointLayer(spec).encoding;
  assert.equal(x.axis.title, "Birth");
  assert.equal(y.axis.title, "Death");
  assert.deepEqual(x.scale.domain, y.scale.domain);
  const diagonal = layers(spec).find(
    (layer) => layer.mark.type === "rule" && layer.encoding.y2 !== undefined,
  )!;
  const [low, top] = x.scale.domain;
  assert.deepEqual(
    [
      diagonal.encoding.x.datum,
      diagonal.encoding.y.datum,
      diagonal.encoding.x2.datum,
      diagonal.encoding.y2.datum,
    ],
    [low, low, top, top],
  );
  const tooltip = (pointLayer(spec).encoding.tooltip as Json[]).map((t) => t.title);
  assert.deepEqual(tooltip, ["Dimension", "Birth", "Death", "Lifetime"]);
});

test("persistenceDiagramSpec overlays labelled diagrams with one shape each and a second legend", () => {
  const spec = persistenceDiagramSpec([
    { label: "before", diagram: circleLike },
    { label: "after", diagram: { dimensions: [{ dim: 1, ...barcode([[0.5, 0.9]]) }] } },
  ]) as Json;
  const shape = pointLayer(spec).encoding.shape;
  assert.equal(shape.field, "diagram");
  assert.equal(shape.legend.title, "Diagram");
  assert.deepEqual(shape.scale.domain, ["before", "after"]);
  assert.equal(new Set(shape.scale.range).size, 2);
  const rows = spec.data.values as Json[];
  assert.equal(rows.length, 6);
  assert.deepEqual(rows.at(-1), { dimension: "H1", birth: 0.5, death: 0.9, diagram: "after" });
  assert.deepEqual(pointLayer(spec).encoding.color.scale.domain, ["H0", "H1"]);
});

test("persistenceDiagramSpec keeps only the dimensions asked for, and zooms on them", () => {
  const spec = persistenceDiagramSpec(circleLike, { dimensions: [1] }) as Json;
  assert.deepEqual(
    (spec.data.values as Json[]).map((row) => row.dimension),
    ["H1", "H1"],
  );
  assert.equal(infinityLine(spec), undefined, "the essential H0 class is not drawn");
  assert.ok(pointLayer(spec).encoding.x.scale.domain[0] > 0.2);
});

test("persistenceDiagramSpec draws an empty diagram as an empty square", () => {
  const spec = persistenceDiagramSpec({ dimensions: [] }) as Json;
  assert.deepEqual(spec.data.values, []);
  assert.deepEqual(
    pointLayer(spec).encoding.x.scale.domain,
    pointLayer(spec).encoding.y.scale.domain,
  );
});

test("persistenceDiagramSpec rejects malformed diagrams and options, naming them", () => {
  const bad = {
    dimensions: [{ dim: 1, births: new Float64Array([2]), deaths: new Float64Array([1]) }],
  };
  assert.throws(
    () => persistenceDiagramSpec(bad),
    /persistenceDiagramSpec: diagram H1: pair 0 dies at 1 before its birth 2/,
  );
  assert.throws(() => persistenceDiagramSpec({} as PersistenceDiagram), TypeError);
  assert.throws(
    () =>
      persistenceDiagramSpec({
        dimensions: [{ dim: -1, births: new Float64Array(), deaths: new Float64Array() }],
      }),
    /dim must be an integer >= 0; got -1/,
  );
  assert.throws(
    () =>
      persistenceDiagramSpec([
        { label: "a", diagram: circleLike },
        { label: "a", diagram: circleLike },
      ]),
    /label "a" is used twice/,
  );
  assert.throws(() => persistenceDiagramSpec([]), RangeError);
  assert.throws(
    () => persistenceDiagramSpec(circleLike, { width: 0 }),
    /options.width must be a finite number of pixels > 0; got 0/,
  );
  assert.throws(
    () => persistenceDiagramSpec(circleLike, { title: 3 as unknown as string }),
    TypeError,
  );
  assert.throws(() => persistenceDiagramSpec(circleLike, { dimensions: [0.5] }), RangeError);
});

test("persistenceDiagramSpec gives plain JSON with every pair inside the plot, and leaves its input alone", () => {
  const pair = fc
    .tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -100, max: 100 }),
      fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 100 })),
    )
    .map(([b, d]) => [b + 0, d === null ? null : b + d + 0] as const);
  fc.assert(
    fc.property(fc.array(fc.array(pair, { maxLength: 6 }), { maxLength: 3 }), (dims) => {
      const diagram: PersistenceDiagram = {
        dimensions: dims.map((pairs, dim) => ({ dim, ...barcode(pairs) })),
      };
      const copy = structuredClone(diagram);
      const spec = persistenceDiagramSpec(diagram) as Json;
      assert.deepEqual(diagram, copy);
      assert.deepEqual(JSON.parse(JSON.stringify(spec)), spec);
      const rows = spec.data.values as Json[];
      assert.equal(
        rows.length,
        dims.reduce((sum, pairs) => sum + pairs.length, 0),
      );
      const [low, top] = pointLayer(spec).encoding.x.scale.domain as number[];
      const infinity = infinityLine(spec)?.encoding.y.datum as number | undefined;
      assert.equal(
        infinity !== undefined,
        rows.some((row) => row.death === null),
      );
      for (const row of rows) {
        const y = row.death ?? infinity;
        assert.ok(low < row.birth && row.birth < top && low < y && y < top);
        if (row.death !== null && infinity !== undefined) assert.ok(row.death < infinity);
      }
      assert.equal(pointLayer(spec).encoding.color.scale.domain.length, dims.length);
    }),
    { seed: 3, numRuns: 200 },
  );
});
