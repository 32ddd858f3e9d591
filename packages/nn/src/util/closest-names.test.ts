import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { closestNames } from "./closest-names.js";

describe("closestNames", () => {
  it("orders candidates by edit distance, ties in their order, ignoring case", () => {
    const names = ["conv1", "fc1", "fc2", "relu", "FC3", "fc1"];
    assert.deepEqual(closestNames("fc4", names, 3), ["fc1", "fc2", "FC3"]);
    assert.deepEqual(closestNames("Relu", names, 1), ["relu"]);
    assert.deepEqual(closestNames("conv", names, 2), ["conv1", "fc1"]);
  });

  it("returns fewer names when there are fewer candidates", () => {
    assert.deepEqual(closestNames("x", ["a"], 5), ["a"]);
    assert.deepEqual(closestNames("x", [], 5), []);
  });
});
