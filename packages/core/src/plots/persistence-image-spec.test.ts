import assert from "node:assert/strict";
import { test } from "node:test";
import { persistenceImageSpec } from "./persistence-image-spec.js";

// biome-ignore lint/suspicious/noExplicitAny: a spec is plain JSON, navigated freely in tests
type Json = Record<string, any>;

// 3 columns (birth) by 2 rows (persistence), row-major.
const image = {
  width: 3,
  height: 2,
  values: new Float64Array([1, 2, 3, 4, 5, 6]),
  birthRange: [0, 3],
  persistenceRange: [0, 1],
} as const;

test("persistenceImageSpec has one row per pixel, row 0 at the lowest persistence by default", () => {
  const spec = persistenceImageSpec(image) as Json;
  assert.deepEqual(spec.data.values, [
    { column: 0, row: 0, value: 1 },
    { column: 1, row: 0, value: 2 },
    { column: 2, row: 0, value: 3 },
    { column: 0, row: 1, value: 4 },
    { column: 1, row: 1, value: 5 },
    { column: 2, row: 1, value: 6 },
  ]);
});

test("persistenceImageSpec puts row 0 at the top when the caller says the rows start at the highest persistence", () => {
  const spec = persistenceImageSpec(image, { firstRow: "highest-persistence" }) as Json;
  const at = (row: number, column: number) =>
    (spec.data.values as Json[]).find((p) => p.row === row && p.column === column)!.value;
  assert.equal(at(1, 0), 1, "values[0] is drawn in the top row");
  assert.equal(at(0, 2), 6, "the last value in the bottom row");
});

test("persistenceImageSpec maps the cells onto the birth and persistence ranges, with a colour legend", () => {
  const spec = persistenceImageSpec(image, { valueTitle: "Weight", title: "PI" }) as Json;
  const { x, y, x2, y2, color } = spec.encoding;
  assert.equal(x.axis.title, "Birth");
  assert.equal(y.axis.title, "Persistence");
  assert.deepEqual(x.scale.domain, [0, 3]);
  assert.deepEqual(y.scale.domain, [0, 1]);
  assert.deepEqual([x2.field, y2.field], ["birthEnd", "persistenceEnd"]);
  assert.equal(color.field, "value");
  assert.equal(color.legend.title, "Weight");
  assert.equal(spec.title, "PI");
  const calculate = Object.fromEntries((spec.transform as Json[]).map((t) => [t.as, t.calculate]));
  assert.equal(calculate.birthStart, "0 + datum.column * 1");
  assert.equal(calculate.persistenceEnd, "0 + (datum.row + 1) * 0.5");
});

test("persistenceImageSpec rejects an image whose sizes or ranges do not fit", () => {
  assert.throws(
    () => persistenceImageSpec({ ...image, values: new Float64Array(5) }),
    /image.values has 5 values but width \* height = 6/,
  );
  assert.throws(
    () => persistenceImageSpec({ ...image, width: 1.5 }),
    /image.width must be an integer >= 1; got 1.5/,
  );
  assert.throws(
    () => persistenceImageSpec({ ...image, birthRange: [1, 1] }),
    /birthRange must be finite with min < max/,
  );
  assert.throws(
    () =>
      persistenceImageSpec({
        ...image,
        values: new Float64Array([1, 2, 3, 4, Number.POSITIVE_INFINITY, 6]),
      }),
    /values\[4\] \(row 1, column 1\) must be finite/,
  );
  assert.throws(
    () => persistenceImageSpec({ ...image, values: [1, 2, 3, 4, 5, 6] as unknown as Float64Array }),
    TypeError,
  );
  assert.throws(
    () => persistenceImageSpec(image, { firstRow: "top" as "lowest-persistence" }),
    /options.firstRow must be "lowest-persistence" or "highest-persistence"; got "top"/,
  );
});
