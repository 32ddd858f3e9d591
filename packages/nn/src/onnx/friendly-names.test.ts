import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { friendlyNames, type NamedNode } from "./friendly-names.js";

/** Nodes named as PyTorch 1.13 names them: output `<node>_output_0`. */
function torchNodes(...names: string[]): NamedNode[] {
  return names.map((name) => ({ name, outputs: [`${name}_output_0`] }));
}

/** The friendly names as "tensor -> name [aliases]". */
function table(nodes: readonly NamedNode[], reserved: readonly string[] = []): string[] {
  return [...friendlyNames(nodes, reserved)].map(
    ([tensor, { name, aliases }]) =>
      `${tensor} -> ${name}${aliases.length > 0 ? ` [${aliases.join(", ")}]` : ""}`,
  );
}

// Node names below are those PyTorch 1.13's torch.onnx.export wrote for the
// fixtures of scripts/fixtures/onnx.py and for a ResNet-like block.
describe("friendlyNames", () => {
  it("names a module's node after the module: conv1, fc2, relu and its second call relu_1", () => {
    assert.deepEqual(table(torchNodes("/conv1/Conv", "/relu/Relu", "/relu_1/Relu", "/fc2/Gemm")), [
      "/conv1/Conv_output_0 -> conv1",
      "/relu/Relu_output_0 -> relu",
      "/relu_1/Relu_output_0 -> relu_1",
      "/fc2/Gemm_output_0 -> fc2",
    ]);
  });

  it("joins nested scopes into the module path of named_modules()", () => {
    assert.deepEqual(
      table(
        torchNodes(
          "/features/features.0/Conv",
          "/layer1/layer1.0/conv1/Conv",
          "/head/head.0/head.0.1/Gemm",
        ),
      ),
      [
        // Each is the last node of its container too: the containers are aliases.
        "/features/features.0/Conv_output_0 -> features.0 [features]",
        "/layer1/layer1.0/conv1/Conv_output_0 -> layer1.0.conv1 [layer1, layer1.0]",
        "/head/head.0/head.0.1/Gemm_output_0 -> head.0.1 [head, head.0]",
      ],
    );
  });

  it("gives a module the last node of its scope and its other nodes <module>.<Op>", () => {
    // A residual block: conv1 and act are children, the Add is the block's own and last.
    const nodes = torchNodes(
      "/layer1/layer1.0/conv1/Conv",
      "/layer1/layer1.0/act/Relu",
      "/layer1/layer1.0/Add",
      "/layer1/layer1.1/Mul",
      "/layer1/layer1.1/conv1/Conv",
    );
    assert.deepEqual(table(nodes), [
      "/layer1/layer1.0/conv1/Conv_output_0 -> layer1.0.conv1",
      "/layer1/layer1.0/act/Relu_output_0 -> layer1.0.act",
      "/layer1/layer1.0/Add_output_0 -> layer1.0",
      // layer1.1's own Mul is not its output: its child conv1 runs last.
      "/layer1/layer1.1/Mul_output_0 -> layer1.1.Mul",
      "/layer1/layer1.1/conv1/Conv_output_0 -> layer1.1.conv1 [layer1, layer1.1]",
    ]);
  });

  it("names functional calls outside modules by their op part", () => {
    assert.deepEqual(table(torchNodes("/Flatten", "/Relu", "/Relu_1")), [
      "/Flatten_output_0 -> Flatten",
      "/Relu_output_0 -> Relu",
      "/Relu_1_output_0 -> Relu_1",
    ]);
  });

  it("names further outputs <name>:k and skips omitted ones", () => {
    const nodes = [
      { name: "/lstm/LSTM", outputs: ["/lstm/LSTM_output_0", "", "/lstm/LSTM_output_2"] },
    ];
    assert.deepEqual(table(nodes), [
      "/lstm/LSTM_output_0 -> lstm",
      "/lstm/LSTM_output_2 -> lstm:2",
    ]);
  });

  it("uses other node names as they are, and gives unnamed nodes none", () => {
    const nodes = [
      { name: "Conv_0", outputs: ["input.4"] },
      { name: "", outputs: ["7"] },
      { name: "model/dense/MatMul", outputs: ["model/dense/MatMul:0"] },
    ];
    assert.deepEqual(table(nodes), [
      "input.4 -> Conv_0",
      "model/dense/MatMul:0 -> model/dense/MatMul",
    ]);
  });

  it("keeps names unique: #2 for a repeat, never another tensor's name, dropping clashing aliases", () => {
    const nodes = [
      { name: "/a/Relu", outputs: ["x"] },
      { name: "a", outputs: ["y"] },
      { name: "/b/c/Relu", outputs: ["z"] },
      { name: "w", outputs: ["q"] },
      { name: "/q/Relu", outputs: ["r"] },
    ];
    assert.deepEqual(table(nodes, ["b"]), ["x -> a", "y -> a#2", "z -> b.c", "q -> w", "r -> q#2"]);
  });
});
