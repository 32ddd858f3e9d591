import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { graphFriendlyNames } from "./graph-friendly-names.js";

describe("graphFriendlyNames", () => {
  it("names the exit node of each layer scope after the layer", () => {
    const names = graphFriendlyNames([
      { name: "x", op: "Placeholder" },
      { name: "m/dense/kernel", op: "Const" },
      { name: "m/dense/MatMul", op: "MatMul", input: ["x", "m/dense/kernel"] },
      { name: "m/dense/BiasAdd", op: "BiasAdd", input: ["m/dense/MatMul", "m/dense/bias"] },
      { name: "m/dense/Relu", op: "Relu", input: ["m/dense/BiasAdd"] },
      { name: "m/out/MatMul", op: "MatMul", input: ["m/dense/Relu:0", "^m/dense/kernel"] },
      { name: "Identity", op: "Identity", input: ["m/out/MatMul"] },
    ]);
    // m's exit (out/MatMul) lies in a child scope: m gets no name.
    assert.deepEqual(
      names,
      new Map([
        ["m/dense/Relu", "dense"],
        ["m/out/MatMul", "out"],
      ]),
    );
  });

  it("takes the whole scope path when two layers end in the same segment, and skips scopes with two exits", () => {
    const names = graphFriendlyNames([
      { name: "a/conv/Relu", op: "Relu", input: ["x"] },
      { name: "b/conv/Relu", op: "Relu", input: ["a/conv/Relu"] },
      { name: "c/Split", op: "Split", input: ["b/conv/Relu"] },
      { name: "c/Left", op: "Relu", input: ["c/Split"] },
      { name: "c/Right", op: "Relu", input: ["c/Split:1"] },
    ]);
    assert.deepEqual(
      names,
      new Map([
        ["a/conv/Relu", "a/conv"],
        ["b/conv/Relu", "b/conv"],
      ]),
    );
  });

  it("gives no name that is another node's name", () => {
    const names = graphFriendlyNames([
      { name: "fc", op: "Identity", input: ["x"] },
      { name: "net/fc/MatMul", op: "MatMul", input: ["fc"] },
    ]);
    assert.deepEqual(names, new Map([["net/fc/MatMul", "net/fc"]]));
  });
});
