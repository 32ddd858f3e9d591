import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { valueAxis } from "./value-axis.js";

test("valueAxis puts ∞ a little above the largest finite value, clear of the round ticks", () => {
  const axis = valueAxis(0, 2.1, true, 360);
  assert.ok(axis.infinity! > 2.1 && axis.infinity! < 2.5);
  assert.deepEqual(axis.ticks, [0, 0.5, 1, 1.5, 2]);
  assert.deepEqual(axis.ticksWithInfinity, [0, 0.5, 1, 1.5, 2, axis.infinity]);
  // A tick within half a step of ∞ is left out.
  assert.deepEqual(valueAxis(0, 1.9, true, 360).ticksWithInfinity.slice(-2), [1.5, 2.09]);
  assert.ok(axis.domain[0] < 0 && axis.domain[1] > axis.infinity!);
});

test("valueAxis gives a unit-wide axis for a lone value and for no value", () => {
  assert.deepEqual(valueAxis(Number.NaN, Number.NaN, false, 300).domain, [-0.04, 1.04]);
  const lone = valueAxis(0, 0, true, 300);
  assert.ok(lone.infinity === 0.1 && lone.domain[0] === -0.04);
});

test("valueAxis ticks are round, increasing and inside the domain, for any range", () => {
  const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
  fc.assert(
    fc.property(
      value,
      value,
      fc.boolean(),
      fc.integer({ min: 50, max: 2000 }),
      (a, b, essential, pixels) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const axis = valueAxis(min, max, essential, pixels);
        const [low, top] = axis.domain;
        assert.ok(low < min && max < top);
        assert.ok(axis.ticks.length >= 1 && axis.ticks.length < 100);
        for (let k = 0; k < axis.ticks.length; k += 1) {
          const tick = axis.ticks[k]!;
          assert.ok(low <= tick && tick <= top);
          if (k > 0) assert.ok(axis.ticks[k - 1]! < tick);
          assert.ok(tick.toPrecision(12).length > 0 && Number(tick.toPrecision(12)) === tick);
        }
        if (essential) {
          assert.ok(axis.infinity! > max && axis.infinity! < top);
          assert.equal(axis.ticksWithInfinity.at(-1), axis.infinity);
        } else {
          assert.equal(axis.infinity, null);
        }
      },
    ),
    { seed: 5, numRuns: 300 },
  );
});
