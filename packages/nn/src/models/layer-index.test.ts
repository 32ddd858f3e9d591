import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LayerIndex, type NamedLayer } from "./layer-index.js";

const layer = (tensorName: string, friendlyName?: string, aliases: string[] = []): NamedLayer => ({
  tensorName,
  friendlyName,
  aliases,
});

describe("LayerIndex", () => {
  it("LayerIndex finds a layer by its tensor name, friendly name or alias", () => {
    const fc1 = layer("/fc1/Gemm_output_0", "fc1", ["classifier"]);
    const index = new LayerIndex([layer("input"), fc1], "m.onnx");
    assert.equal(index.get("/fc1/Gemm_output_0"), fc1);
    assert.equal(index.get("fc1"), fc1);
    assert.equal(index.get("classifier"), fc1);
  });

  it("LayerIndex never lets a friendly name hide a tensor name, and the first claim of a friendly name wins", () => {
    const tensor = layer("relu");
    const first = layer("/a/Relu_output_0", "relu", ["block"]);
    const second = layer("/b/Relu_output_0", "block");
    const index = new LayerIndex([first, second, tensor], "m.onnx");
    assert.equal(index.get("relu"), tensor);
    assert.equal(index.get("block"), first);
  });

  it("LayerIndex rejects an unknown name with the closest names, and a name that is not a string", () => {
    const index = new LayerIndex([layer("t1", "fc1"), layer("t2", "fc2")], "m.onnx");
    assert.throws(
      () => index.get("fc3"),
      (e: unknown) =>
        e instanceof RangeError &&
        /^unknown layer "fc3" in m\.onnx; the closest names are "fc1", "fc2"/.test(e.message) &&
        /\(4 names in all/.test(e.message),
    );
    assert.throws(() => new LayerIndex([], "empty.onnx").get("x"), /it has no layers/);
    assert.throws(() => index.get(3 as never), TypeError);
  });
});
