import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { pointInPolygon } from "./point-in-polygon.js";

const square = [0, 0, 10, 0, 10, 10, 0, 10];

test("pointInPolygon tells the inside of a square from the outside", () => {
  assert.equal(pointInPolygon(5, 5, square), true);
  assert.equal(pointInPolygon(0.1, 9.9, square), true);
  assert.equal(pointInPolygon(-1, 5, square), false);
  assert.equal(pointInPolygon(5, 11, square), false);
});

test("pointInPolygon handles a concave lasso (the notch of a U is outside)", () => {
  const u = [0, 0, 9, 0, 9, 9, 6, 9, 6, 3, 3, 3, 3, 9, 0, 9];
  assert.equal(pointInPolygon(1.5, 6, u), true);
  assert.equal(pointInPolygon(7.5, 6, u), true);
  assert.equal(pointInPolygon(4.5, 6, u), false, "in the notch");
  assert.equal(pointInPolygon(4.5, 1.5, u), true, "in the base");
});

test("pointInPolygon: a lasso of fewer than three points contains nothing", () => {
  assert.equal(pointInPolygon(0, 0, []), false);
  assert.equal(pointInPolygon(0, 0, [0, 0, 1, 1]), false);
});

test("pointInPolygon agrees with the rectangle test on axis-aligned rectangles", () => {
  fc.assert(
    fc.property(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: 0.5, max: 40, noNaN: true }),
      fc.double({ min: 0.5, max: 40, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      (x0, y0, w, h, x, y) => {
        // Points on the boundary may go either way; keep clear of it.
        const margin = 1e-6;
        const near = (v: number, a: number) => Math.abs(v - a) < margin;
        fc.pre(!near(x, x0) && !near(x, x0 + w) && !near(y, y0) && !near(y, y0 + h));
        const inside = x > x0 && x < x0 + w && y > y0 && y < y0 + h;
        return pointInPolygon(x, y, [x0, y0, x0 + w, y0, x0 + w, y0 + h, x0, y0 + h]) === inside;
      },
    ),
    { seed: 6 },
  );
});
