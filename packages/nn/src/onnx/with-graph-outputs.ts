import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/**
 * The serialized ONNX model with further graph outputs: the bytes of `model`
 * followed by a small `ModelProto` whose graph holds one output per name (a
 * `ValueInfoProto` with the name alone; onnxruntime infers its type and shape).
 *
 * Protocol Buffers parse a message repeated in the stream by merging it into
 * the first: repeated fields (`GraphProto.output`) are appended, so the result
 * is the same model with the outputs added, and nothing of the original is
 * decoded or re-encoded (its weights are copied once, fields this schema does
 * not know survive). See "Last One Wins" in the Protocol Buffers encoding
 * guide, https://protobuf.dev/programming-guides/encoding/#last-one-wins.
 * onnxruntime's parser (C++ protobuf) merges so; protobufjs 6's decoder does
 * not (it keeps the last graph), so read the result with onnxruntime.
 *
 * @param model - A serialized `ModelProto` (the bytes of an .onnx file).
 * @param names - Tensor names to add as graph outputs; none: `model` itself
 *   is returned.
 * @returns New bytes (or `model` when `names` is empty); `model` is not changed.
 *
 * @example
 * const bytes = withGraphOutputs(readFileSync("cnn.onnx"), ["/fc1/Gemm_output_0"]);
 * const session = await InferenceSession.create(bytes);
 */
export function withGraphOutputs(model: Uint8Array, names: readonly string[]): Uint8Array {
  if (names.length === 0) return model;
  const extra = onnx.ModelProto.encode({
    graph: { output: names.map((name) => ({ name })) },
  }).finish();
  const bytes = new Uint8Array(model.length + extra.length);
  bytes.set(model, 0);
  bytes.set(extra, model.length);
  return bytes;
}
