import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CATEGORICAL_COLORS,
  categoricalColor,
  finiteRange,
  MISSING_COLOR,
  normalized,
  sequentialColor,
} from "./color-scale.js";

test("sequentialColor runs from dark violet at 0 to yellow at 1, clamped outside", () => {
  assert.equal(sequentialColor(0), "#440154");
  assert.equal(sequentialColor(1), "#fde725");
  assert.equal(sequentialColor(-3), sequentialColor(0));
  assert.equal(sequentialColor(7), sequentialColor(1));
  assert.equal(sequentialColor(Number.NaN), MISSING_COLOR);
});

test("sequentialColor interpolates between its stops and gets lighter along the scale", () => {
  // Halfway between the first two stops (68,1,84) and (72,40,120).
  assert.equal(sequentialColor(0.5 / 9), "#461566");
  const lightness = (hex: string) =>
    [1, 3, 5].reduce((sum, k) => sum + Number.parseInt(hex.slice(k, k + 2), 16), 0);
  for (let k = 0; k < 10; k++) {
    assert.ok(lightness(sequentialColor(k / 10)) < lightness(sequentialColor((k + 1) / 10)));
  }
});

test("categoricalColor cycles through the palette and greys out missing labels", () => {
  assert.equal(categoricalColor(0), CATEGORICAL_COLORS[0]);
  assert.equal(categoricalColor(CATEGORICAL_COLORS.length + 2), CATEGORICAL_COLORS[2]);
  assert.equal(new Set(CATEGORICAL_COLORS.slice(0, 10)).size, 10, "ten labels, ten colours");
  assert.equal(categoricalColor(-1), MISSING_COLOR);
  assert.equal(categoricalColor(1.5), MISSING_COLOR);
});

test("finiteRange and normalized ignore non-finite values and centre a constant", () => {
  assert.deepEqual(finiteRange([3, Number.NaN, -1, Number.POSITIVE_INFINITY, 2]), [-1, 3]);
  assert.deepEqual(finiteRange([Number.NaN]), [0, 1]);
  assert.equal(normalized(1, [-1, 3]), 0.5);
  assert.equal(normalized(4, [4, 4]), 0.5);
  assert.ok(Number.isNaN(normalized(Number.NaN, [0, 1])));
});
