import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError } from "../../test-support/errors.js";
import { linkedTori } from "./linked-tori.js";

describe("linkedTori", () => {
  it("puts every point on its torus surface, tori in perpendicular planes linked through each other", () => {
    const R = 1;
    const r = 0.25;
    const d = linkedTori({ count: 2000, seed: 4 });
    let outer = 0;
    for (let k = 0; k < d.count; k += 1) {
      const [x, y, z] = [d.inputs[3 * k]!, d.inputs[3 * k + 1]!, d.inputs[3 * k + 2]!];
      // Torus 0 around the z axis at the origin; torus 1 around the y axis at (R, 0, 0).
      const [a, b, c] = d.labels![k] === 0 ? [x, y, z] : [x - R, z, y];
      const rho = Math.hypot(a, b);
      assert.ok(Math.abs(Math.hypot(rho - R, c) - r) < 1e-6, `point ${k} is off its torus`);
      if (rho > R) outer += 1;
    }
    // Area-uniform: the outer half (cos phi > 0) holds (pi R + 2r) / (2 pi R) of the area.
    const p = (Math.PI * R + 2 * r) / (2 * Math.PI * R);
    const n = d.count;
    assert.ok(Math.abs(outer / n - p) < 4 * Math.sqrt((p * (1 - p)) / n), `${outer / n} vs ${p}`);
  });

  it("keeps the two classes R - 2r apart and balanced", () => {
    const d = linkedTori({ count: 600, seed: 1, majorRadius: 2, minorRadius: 0.5 });
    const zero: number[][] = [];
    const one: number[][] = [];
    for (let k = 0; k < d.count; k += 1)
      (d.labels![k] === 0 ? zero : one).push([...d.inputs.subarray(3 * k, 3 * k + 3)]);
    assert.equal(zero.length, 300);
    let min = Number.POSITIVE_INFINITY;
    for (const p of zero)
      for (const q of one)
        min = Math.min(min, Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!));
    assert.ok(min >= 1 - 1e-5, `closest pair ${min}`);
    assert.ok(min < 1.3);
  });

  it("refuses tubes that would make the tori intersect", () => {
    assertOneLineError(
      () => linkedTori({ minorRadius: 0.5 }),
      /minorRadius 0\.5 must be below majorRadius \/ 2 = 0\.5/,
      RangeError,
    );
  });
});
