import assert from "node:assert/strict";
import { test } from "node:test";
import { epochCurvesSpec } from "./epoch-curves-spec.js";
import { PLOT_PALETTE } from "./plot-palette.js";

// biome-ignore lint/suspicious/noExplicitAny: a spec is plain JSON, navigated freely in tests
type Json = Record<string, any>;

const epochs = new Float64Array([0, 1, 2]);
const accuracy = [
  { run: "a", split: "train", epochs, values: new Float64Array([0.5, 0.8, 0.9]) },
  { run: "a", split: "test", epochs, values: new Float64Array([0.5, 0.7, Number.NaN]) },
  { run: "b", split: "train", epochs, values: new Float64Array([0.4, 0.6, 0.95]) },
];

function layer(spec: Json, type: string): Json {
  return (spec.layer as Json[]).find((l) => l.mark.type === type)!;
}

test("epochCurvesSpec has one row per series and epoch, NaN written as null", () => {
  const spec = epochCurvesSpec(accuracy) as Json;
  assert.equal(spec.data.values.length, 9);
  assert.deepEqual(spec.data.values[1], { run: "a", split: "train", epoch: 1, value: 0.8 });
  assert.deepEqual(spec.data.values[5], { run: "a", split: "test", epoch: 2, value: null });
  assert.equal(layer(spec, "area"), undefined, "no band without bands");
});

test("epochCurvesSpec colours by run in the order of options.runs and dashes by split", () => {
  const spec = epochCurvesSpec(accuracy, { runs: ["z", "b", "a"] }) as Json;
  const { color, strokeDash } = layer(spec, "line").encoding;
  assert.deepEqual(color.scale.domain, ["b", "a"]);
  assert.deepEqual(color.scale.range, [PLOT_PALETTE[1], PLOT_PALETTE[2]]);
  assert.notEqual(color.legend, null, "two runs: a legend");
  assert.deepEqual(strokeDash.scale.domain, ["train", "test"]);
  assert.deepEqual(strokeDash.scale.range[0], [1, 0], "the first split is solid");
  assert.notDeepEqual(strokeDash.scale.range[1], [1, 0], "the second split is dashed");
});

test("epochCurvesSpec draws a band between lower and upper and fixes the y domain on request", () => {
  const spec = epochCurvesSpec(
    [
      {
        run: "a",
        epochs,
        values: new Float64Array([2, 3, 4]),
        lower: new Float64Array([1, 2, Number.NaN]),
        upper: new Float64Array([3, 4, Number.NaN]),
      },
    ],
    { yTitle: "H1 bars", yDomain: [0, 10], title: "Bars" },
  ) as Json;
  const band = layer(spec, "area");
  assert.ok(band.mark.opacity < 1);
  assert.equal(band.encoding.y.field, "lower");
  assert.equal(band.encoding.y2.field, "upper");
  assert.deepEqual(spec.data.values[0], {
    run: "a",
    split: "",
    epoch: 0,
    value: 2,
    lower: 1,
    upper: 3,
  });
  assert.deepEqual(spec.data.values[2], {
    run: "a",
    split: "",
    epoch: 2,
    value: 4,
    lower: null,
    upper: null,
  });
  const line = layer(spec, "line");
  assert.deepEqual(line.encoding.y.scale.domain, [0, 10]);
  assert.equal(line.encoding.y.axis.title, "H1 bars");
  assert.equal(line.encoding.color.legend, null, "one run: no legend");
  assert.equal(line.encoding.strokeDash.legend, null, "one split: no legend");
  assert.equal(spec.title, "Bars");
});

test("epochCurvesSpec refuses mismatched lengths, repeated series, bad bands and unknown runs", () => {
  assert.throws(
    () => epochCurvesSpec([{ run: "a", epochs, values: new Float64Array(2) }]),
    /series\[0\]\.values has 2 values but epochs has 3/,
  );
  assert.throws(
    () => epochCurvesSpec([accuracy[0]!, { ...accuracy[0]! }]),
    /series\[1\]: run "a" with split "train" appears twice/,
  );
  assert.throws(
    () =>
      epochCurvesSpec([
        {
          run: "a",
          epochs,
          values: new Float64Array(3),
          lower: new Float64Array([0, 2, 0]),
          upper: new Float64Array([1, 1, 1]),
        },
      ]),
    /band at epoch 1 must be finite with lower <= upper/,
  );
  assert.throws(
    () => epochCurvesSpec(accuracy, { runs: ["a"] }),
    /run "b" .* missing from options\.runs/,
  );
  assert.throws(() => epochCurvesSpec([]), TypeError);
  assert.throws(
    () => epochCurvesSpec([{ run: "a", epochs: [0, 1] as never, values: new Float64Array(2) }]),
    /epochs must be a Float64Array/,
  );
  assert.throws(() => epochCurvesSpec(accuracy, { yDomain: [1, 0] }), RangeError);
});
