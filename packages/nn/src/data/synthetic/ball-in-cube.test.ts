import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError } from "../../test-support/errors.js";
import { ballInCube } from "./ball-in-cube.js";

/** Volume of the d-ball of radius 1/2: pi^(d/2) / Gamma(d/2 + 1) / 2^d (Gamma by its recurrence). */
function halfBallVolume(d: number): number {
  let gamma = d % 2 === 0 ? 1 : Math.sqrt(Math.PI); // Gamma(1) or Gamma(1/2)
  for (let x = d % 2 === 0 ? 1 : 0.5; x < d / 2 + 1 - 1e-9; x += 1) gamma *= x;
  return Math.PI ** (d / 2) / gamma / 2 ** d;
}

describe("ballInCube", () => {
  it("labels 1 exactly the points strictly inside the inscribed ball of [0, 1]^4", () => {
    const d = ballInCube({ count: 3000, seed: 3 });
    assert.equal(d.name, "ball-in-cube-d4");
    assert.deepEqual(d.sampleShape, [4]);
    assert.deepEqual(d.classNames, ["outside", "inside"]);
    for (let i = 0; i < d.count; i += 1) {
      let r2 = 0;
      for (let j = 0; j < 4; j += 1) {
        const x = d.inputs[4 * i + j]!;
        assert.ok(x >= 0 && x < 1);
        r2 += (x - 0.5) ** 2;
      }
      assert.equal(d.labels![i], r2 < 0.25 ? 1 : 0);
    }
  });

  it("has the class balance of the ball's volume, pi^2/32 ≈ 0.308 in 4-D (within 4 standard errors)", () => {
    assert.ok(Math.abs(halfBallVolume(4) - Math.PI ** 2 / 32) < 1e-15);
    for (const dimension of [2, 3, 4, 5]) {
      const n = 20000;
      const d = ballInCube({ count: n, dimension, seed: dimension });
      const inside = d.labels!.reduce((a, b) => a + b, 0) / n;
      const p = halfBallVolume(dimension);
      assert.ok(
        Math.abs(inside - p) < 4 * Math.sqrt((p * (1 - p)) / n),
        `d=${dimension}: ${inside} vs ${p}`,
      );
    }
  });

  it("is seeded", () => {
    assert.deepEqual(
      ballInCube({ count: 10, seed: 5 }).inputs,
      ballInCube({ count: 10, seed: 5 }).inputs,
    );
    assert.notDeepEqual(
      ballInCube({ count: 10, seed: 5 }).inputs,
      ballInCube({ count: 10, seed: 6 }).inputs,
    );
    assertOneLineError(
      () => ballInCube({ count: -1 }),
      /count must be an integer >= 0/,
      RangeError,
    );
    assertOneLineError(
      () => ballInCube({ dimension: 0 }),
      /dimension must be an integer in \[1, 1024\]/,
      RangeError,
    );
  });
});
