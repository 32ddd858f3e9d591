import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pointCloud } from "./point-cloud.js";

describe("pointCloud", () => {
  it("copies flat row-major coordinates into a new Float64Array", () => {
    const input = new Float32Array([0, 0, 1, 0.5, 2, 0.25]);
    const cloud = pointCloud(input, 3, 2);
    assert.equal(cloud.kind, "point-cloud");
    assert.equal(cloud.count, 3);
    assert.equal(cloud.dimension, 2);
    assert.deepEqual(Array.from(cloud.coordinates), [0, 0, 1, 0.5, 2, 0.25]);
    input[0] = 9;
    assert.equal(cloud.coordinates[0], 0);
  });

  it("reads an array of rows, taking the dimension from their length", () => {
    const cloud = pointCloud([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    assert.equal(cloud.count, 2);
    assert.equal(cloud.dimension, 3);
    assert.deepEqual(Array.from(cloud.coordinates), [1, 2, 3, 4, 5, 6]);
  });

  it("accepts an empty cloud when count and dimension are given", () => {
    assert.equal(pointCloud([], 0, 3).count, 0);
  });

  it("names the point and coordinate of a NaN or infinite value", () => {
    assert.throws(() => pointCloud([0, 1, 2, Number.NaN], 2, 2), {
      name: "RangeError",
      message: "pointCloud: coordinates[3] (point 1, coordinate 1) must be finite; got NaN",
    });
    assert.throws(
      () => pointCloud([[0], [Number.POSITIVE_INFINITY]]),
      /rows\[1\]\[0\] \(point 1, coordinate 0\)/,
    );
  });

  it("refuses a length other than count*dimension, ragged rows and wrong kinds", () => {
    assert.throws(() => pointCloud([0, 1, 2], 2, 2), /count\*dimension = 2\*2 = 4; got 3/);
    assert.throws(() => pointCloud([[0, 1], [2]]), /rows\[1\] has 1/);
    assert.throws(() => pointCloud([1, 2] as unknown as number[][]), TypeError);
    assert.throws(() => pointCloud([0, "1"] as unknown as number[], 1, 2), TypeError);
    assert.throws(() => pointCloud([0, 1], 2, 0), RangeError);
    assert.throws(() => pointCloud("01" as unknown as number[], 1, 2), TypeError);
  });
});

describe("pointCloud with two arguments", () => {
  it("infers the count from the length and the dimension", () => {
    const cloud = pointCloud([0, 0, 1, 0, 1, 1], 2);
    assert.equal(cloud.count, 3);
    assert.equal(cloud.dimension, 2);
  });

  it("refuses a length that is not a multiple of the dimension", () => {
    assert.throws(() => pointCloud([0, 0, 1], 2), /multiple of dimension 2; got 3/);
  });
});
