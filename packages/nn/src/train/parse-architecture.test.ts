import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError } from "../test-support/errors.js";
import { parseArchitecture } from "./parse-architecture.js";

describe("parseArchitecture", () => {
  it("reads an MLP spec as input width, hidden widths and classes", () => {
    const a = parseArchitecture("4-64-64-2");
    assert.deepEqual(a.inputShape, [4]);
    assert.deepEqual(
      a.layers.map((l) => (l.kind === "dense" ? l.units : -1)),
      [64, 64],
    );
    assert.equal(a.classes, 2);
    assert.equal(a.inputDropout, 0);
  });

  it("reads a CNN spec without an input, with its pools and an fc layer", () => {
    const a = parseArchitecture("conv8-pool-conv16-pool-fc64-10");
    assert.equal(a.inputShape, undefined);
    assert.deepEqual(
      a.layers.map((l) => l.kind),
      ["conv", "pool", "conv", "pool", "dense"],
    );
    assert.deepEqual(a.layers[0], { kind: "conv", filters: 8, batchNorm: false, dropout: 0 });
    assert.equal(a.classes, 10);
  });

  it("attaches bn and dropP tokens to the layer before, and drop after the input to the input", () => {
    const a = parseArchitecture("28x28-drop0.2-conv16-bn-maxpool-drop0.25-fc128-bn-drop0.5-fc10");
    assert.deepEqual(a.inputShape, [28, 28]);
    assert.equal(a.inputDropout, 0.2);
    assert.deepEqual(a.layers, [
      { kind: "conv", filters: 16, batchNorm: true, dropout: 0 },
      { kind: "pool", dropout: 0.25 },
      { kind: "dense", units: 128, batchNorm: true, dropout: 0.5 },
    ]);
    assert.equal(a.classes, 10);
  });

  it("reads an image input with channels and a spec of input and classes only", () => {
    assert.deepEqual(parseArchitecture("32x32x3-conv8-10").inputShape, [32, 32, 3]);
    const linear = parseArchitecture("784-10");
    assert.deepEqual(linear.layers, []);
    assert.equal(linear.classes, 10);
  });

  it("refuses bad specs with one-line errors naming the token", () => {
    const cases: [string, RegExp][] = [
      ["", /at least an input and a class count/],
      ["4", /at least an input and a class count/],
      ["4--2", /empty token at position 2/],
      ["4-64-relu-2", /token 3 "relu" is not a layer; expected N or fcN/],
      ["4-64-conv8-2", /token 3 "conv8" comes after a dense layer/],
      ["784-pool-10", /"pool" needs an image input .* 784 is a vector/],
      ["4-bn-2", /token 2 "bn" must follow a dense or conv layer/],
      ["conv8-pool-bn-10", /"bn" must follow a dense or conv layer/],
      ["4-64-drop1.5-2", /dropout rate in \[0, 1\)/],
      ["4-64-drop0.5-drop0.2-2", /repeats a dropout/],
      ["4-64-1", /class count must be at least 2; got 1/],
      ["4-64-bn", /last token must be the number of classes/],
      ["4-0-2", /token 2 "0" needs a size >= 1/],
    ];
    for (const [spec, pattern] of cases) {
      assertOneLineError(() => parseArchitecture(spec), pattern, RangeError);
    }
    assertOneLineError(
      () => parseArchitecture(42 as unknown as string),
      /must be a string/,
      TypeError,
    );
  });
});
