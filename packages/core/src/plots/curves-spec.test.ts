import assert from "node:assert/strict";
import { test } from "node:test";
import { curvesSpec } from "./curves-spec.js";
import { PLOT_PALETTE } from "./plot-palette.js";

// biome-ignore lint/suspicious/noExplicitAny: a spec is plain JSON, navigated freely in tests
type Json = Record<string, any>;

const grid = new Float64Array([0, 0.5, 1]);
const landscape = {
  grid,
  series: [
    { label: "λ1", values: new Float64Array([0, 0.5, 0]) },
    { label: "λ2", values: new Float64Array([0, 0.2, 0]) },
  ],
};

function lineLayer(spec: Json): Json {
  return (spec.layer as Json[]).find((layer) => layer.mark.type === "line")!;
}

test("curvesSpec has one row per series and grid point, one colour per series", () => {
  const spec = curvesSpec(landscape) as Json;
  assert.deepEqual(spec.data.values, [
    { series: "λ1", x: 0, y: 0 },
    { series: "λ1", x: 0.5, y: 0.5 },
    { series: "λ1", x: 1, y: 0 },
    { series: "λ2", x: 0, y: 0 },
    { series: "λ2", x: 0.5, y: 0.2 },
    { series: "λ2", x: 1, y: 0 },
  ]);
  assert.equal(spec.layer.length, 1, "no band layer without bands");
  const { color, x, y } = lineLayer(spec).encoding;
  assert.deepEqual(color.scale.domain, ["λ1", "λ2"]);
  assert.deepEqual(color.scale.range, PLOT_PALETTE.slice(0, 2));
  assert.notEqual(color.legend, null);
  assert.equal(x.axis.title, "Filtration value");
  assert.equal(y.axis.title, "Value");
  assert.deepEqual(x.scale.domain, [0, 1]);
});

test("curvesSpec takes its axis titles and interpolation from the options", () => {
  const spec = curvesSpec(
    { grid, series: [{ label: "H1", values: new Float64Array([0, 2, 1]) }] },
    {
      xTitle: "Scale",
      yTitle: "Betti number",
      interpolate: "step-after",
      title: "Betti curve",
      width: 200,
      height: 100,
    },
  ) as Json;
  const line = lineLayer(spec);
  assert.equal(line.encoding.x.axis.title, "Scale");
  assert.equal(line.encoding.y.axis.title, "Betti number");
  assert.equal(line.mark.interpolate, "step-after");
  assert.equal(line.encoding.color.legend, null, "one series: no legend");
  assert.deepEqual([spec.title, spec.width, spec.height], ["Betti curve", 200, 100]);
});

test("curvesSpec draws a translucent band between lower and upper where a series has them", () => {
  const spec = curvesSpec({
    grid,
    series: [
      {
        label: "mean",
        values: new Float64Array([1, 2, 1]),
        lower: new Float64Array([0.5, 1.5, 0.5]),
        upper: new Float64Array([1.5, 2.5, 1.5]),
      },
      { label: "other", values: new Float64Array([0, 1, 0]) },
    ],
  }) as Json;
  const band = (spec.layer as Json[]).find((layer) => layer.mark.type === "area")!;
  assert.ok(band.mark.opacity < 1);
  assert.equal(band.encoding.y.field, "lower");
  assert.equal(band.encoding.y2.field, "upper");
  assert.deepEqual(spec.data.values[1], { series: "mean", x: 0.5, y: 2, lower: 1.5, upper: 2.5 });
  assert.deepEqual(spec.data.values[4], { series: "other", x: 0.5, y: 1 });
  assert.equal(spec.layer.at(-1).mark.type, "line", "lines above the bands");
});

test("curvesSpec switches to the viridis scheme past eight series", () => {
  const series = Array.from({ length: 9 }, (_, k) => ({
    label: `λ${k + 1}`,
    values: new Float64Array(3),
  }));
  const color = lineLayer(curvesSpec({ grid, series }) as Json).encoding.color;
  assert.equal(color.scale.scheme, "viridis");
  assert.equal(color.scale.domain.length, 9);
});

test("curvesSpec rejects inconsistent curves, naming the array", () => {
  const values = new Float64Array([0, 1, 0]);
  assert.throws(
    () => curvesSpec({ grid, series: [{ label: "a", values: new Float64Array(2) }] }),
    /curvesSpec: curves.series\[0\].values has 2 values but the grid has 3/,
  );
  assert.throws(
    () => curvesSpec({ grid: new Float64Array([0, 2, 1]), series: [{ label: "a", values }] }),
    /must not decrease; grid\[2\] = 1 < grid\[1\] = 2/,
  );
  assert.throws(
    () =>
      curvesSpec({ grid, series: [{ label: "a", values: new Float64Array([0, Number.NaN, 0]) }] }),
    /values\[1\] must be finite; got NaN/,
  );
  assert.throws(
    () =>
      curvesSpec({
        grid,
        series: [{ label: "a", values, lower: values, upper: new Float64Array(3) }],
      }),
    /lower\[1\] = 1 is above upper\[1\] = 0/,
  );
  assert.throws(
    () => curvesSpec({ grid, series: [{ label: "a", values, lower: values }] }),
    TypeError,
  );
  assert.throws(
    () =>
      curvesSpec({
        grid,
        series: [
          { label: "a", values },
          { label: "a", values },
        ],
      }),
    /label "a" is used twice/,
  );
  assert.throws(
    () => curvesSpec({ grid: [0, 1, 2] as unknown as Float64Array, series: [] }),
    TypeError,
  );
  assert.throws(() => curvesSpec({ grid, series: [] }), TypeError);
  assert.throws(
    () => curvesSpec(landscape, { interpolate: "cubic" as "linear" }),
    /options.interpolate must be "linear" or "step-after"; got "cubic"/,
  );
});
