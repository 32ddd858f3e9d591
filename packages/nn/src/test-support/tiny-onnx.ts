import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/** A node of {@link tinyOnnx}. */
export interface TinyNode {
  readonly opType: string;
  readonly name?: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

/**
 * A small ONNX model (opset 13, float32 tensors) for tests: one input of the
 * given shape (strings are symbolic axes), the nodes, and the outputs (no
 * types: onnxruntime infers them).
 */
export function tinyOnnx(
  input: { name: string; shape: readonly (number | string)[] },
  nodes: readonly TinyNode[],
  outputs: readonly string[],
): Uint8Array {
  return onnx.ModelProto.encode({
    irVersion: 8,
    opsetImport: [{ domain: "", version: 13 }],
    producerName: "nettopo tests",
    graph: {
      name: "tiny",
      node: nodes.map((node) => ({
        opType: node.opType,
        name: node.name ?? "",
        input: [...node.inputs],
        output: [...node.outputs],
      })),
      input: [
        {
          name: input.name,
          type: {
            tensorType: {
              elemType: onnx.TensorProto.DataType.FLOAT,
              shape: {
                dim: input.shape.map((d) =>
                  typeof d === "number" ? { dimValue: d } : { dimParam: d },
                ),
              },
            },
          },
        },
      ],
      output: outputs.map((name) => ({
        name,
        type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } },
      })),
    },
  }).finish();
}
