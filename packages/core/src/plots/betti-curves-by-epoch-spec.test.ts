import assert from "node:assert/strict";
import { test } from "node:test";
import { bettiCurvesByEpochSpec } from "./betti-curves-by-epoch-spec.js";

// biome-ignore lint/suspicious/noExplicitAny: a spec is plain JSON, navigated freely in tests
type Json = Record<string, any>;

const grid = new Float64Array([0, 0.5, 1]);
const curves = [
  {
    epoch: 0,
    grid,
    values: new Float64Array([4, 2, 1]),
    lower: new Float64Array([3, 1, 1]),
    upper: new Float64Array([5, 3, 1]),
  },
  { epoch: 3, grid: new Float64Array([0, 1]), values: new Float64Array([4, 1]) },
];

function layers(spec: Json, type: string): Json[] {
  return (spec.layer as Json[]).filter((l) => l.mark.type === type);
}

test("bettiCurvesByEpochSpec has one row per epoch and grid point, each epoch on its own grid", () => {
  const spec = bettiCurvesByEpochSpec(curves) as Json;
  assert.deepEqual(spec.data.values, [
    { epoch: 0, x: 0, y: 4, lower: 3, upper: 5 },
    { epoch: 0, x: 0.5, y: 2, lower: 1, upper: 3 },
    { epoch: 0, x: 1, y: 1, lower: 1, upper: 1 },
    { epoch: 3, x: 0, y: 4 },
    { epoch: 3, x: 1, y: 1 },
  ]);
});

test("bettiCurvesByEpochSpec colours the curves by epoch on viridis, as steps, with bands", () => {
  const spec = bettiCurvesByEpochSpec(curves, { title: "H0", xTitle: "1 - |corr|" }) as Json;
  const [line] = layers(spec, "line");
  assert.equal(line!.mark.interpolate, "step-after");
  assert.equal(line!.encoding.color.field, "epoch");
  assert.equal(line!.encoding.color.type, "quantitative");
  assert.equal(line!.encoding.color.scale.scheme.name, "viridis");
  assert.deepEqual(line!.encoding.color.scale.domain, [0, 3]);
  assert.equal(line!.encoding.detail.field, "epoch", "one line per epoch");
  assert.equal(line!.encoding.x.axis.title, "1 - |corr|");
  const [band] = layers(spec, "area");
  assert.equal(band!.encoding.y.field, "lower");
  assert.equal(band!.encoding.y2.field, "upper");
  assert.equal(spec.title, "H0");
});

test("bettiCurvesByEpochSpec emphasises the highlighted epoch and keeps only its band", () => {
  const spec = bettiCurvesByEpochSpec(curves, { highlightEpoch: 3 }) as Json;
  const [band] = layers(spec, "area");
  assert.match(band!.transform[0].filter, /datum\.epoch === 3/);
  const lines = layers(spec, "line");
  const others = lines.find((l) => l.transform[0].filter === "datum.epoch !== 3")!;
  const chosen = lines.filter((l) => l.transform[0].filter === "datum.epoch === 3");
  assert.ok(chosen.length >= 1);
  assert.ok(Math.max(...chosen.map((l) => l.mark.strokeWidth)) > others.mark.strokeWidth);
  assert.ok(others.mark.opacity < 1);
});

test("bettiCurvesByEpochSpec refuses repeated epochs, bad grids and an unknown highlighted epoch", () => {
  assert.throws(() => bettiCurvesByEpochSpec([curves[1]!, curves[1]!]), /epoch 3 appears twice/);
  assert.throws(
    () =>
      bettiCurvesByEpochSpec([
        { epoch: 0, grid: new Float64Array([1, 0]), values: new Float64Array(2) },
      ]),
    /grid must not decrease/,
  );
  assert.throws(
    () => bettiCurvesByEpochSpec([{ epoch: 0, grid, values: new Float64Array(2) }]),
    /values has 2 values but the grid has 3/,
  );
  assert.throws(
    () => bettiCurvesByEpochSpec(curves, { highlightEpoch: 7 }),
    /highlightEpoch 7 is not the epoch/,
  );
  assert.throws(() => bettiCurvesByEpochSpec([]), TypeError);
});
