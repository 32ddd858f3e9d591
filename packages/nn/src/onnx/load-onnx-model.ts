import { readFile } from "node:fs/promises";
import onnxProto from "onnx-proto";
import { type InferenceSession, Tensor } from "onnxruntime-node";
import { createOnnxSession, type OnnxSessionOptions, reasonOf } from "./create-onnx-session.js";
import { friendlyNames } from "./friendly-names.js";
import { type Dimension, type OnnxLayer, OnnxModel } from "./onnx-model.js";
import { withGraphOutputs } from "./with-graph-outputs.js";

const { onnx } = onnxProto;

/**
 * Reads an ONNX model file: its inputs, and every node output with op type,
 * shape and friendly name (see {@link OnnxModel}).
 *
 * Shapes come from onnxruntime: the model is loaded once with every node
 * output added to the graph outputs, and onnxruntime's shape inference gives
 * their types and shapes (symbolic axes keep their names, e.g. `"batch"`).
 * Where it leaves sizes unknown (a `Reshape` to a computed shape...), the
 * model is run once on zeros with batch 1 and once with batch 2 and the sizes
 * are read off (a size that changes with the batch gets a symbolic name);
 * when that fails too they stay `null`. Files often carry no `value_info`
 * (PyTorch's exports do not), hence this route.
 *
 * @param path - The .onnx file.
 * @param options - {@link OnnxSessionOptions} of the session that reads the
 *   shapes; default one thread, "extended" optimizations.
 * @returns The model.
 * @throws RangeError, one line naming the file and the reason, for a file that
 *   is not an ONNX model or a model onnxruntime cannot load; the file system's
 *   error when the file cannot be read.
 *
 * @example
 * const model = await loadOnnxModel("fixtures/onnx/cnn.onnx");
 * model.inputs[0].shape; // ["batch", 1, 28, 28]
 * model.layer("fc1").shape; // ["batch", 32]
 */
export async function loadOnnxModel(
  path: string,
  options: OnnxSessionOptions = {},
): Promise<OnnxModel> {
  if (typeof path !== "string") {
    throw new TypeError(`loadOnnxModel: path must be a string; got ${typeof path}`);
  }
  const bytes = await readFile(path);
  return onnxModelFromBytes(bytes, path, options);
}

/**
 * {@link loadOnnxModel} for a model already in memory.
 *
 * @param bytes - The serialized model; kept by the model, not copied.
 * @param source - Names the model in messages; default `"<bytes>"`.
 * @param options - {@link OnnxSessionOptions}; default one thread, "extended" optimizations.
 *
 * @example
 * const model = await onnxModelFromBytes(await (await fetch(url)).bytes(), url);
 */
export async function onnxModelFromBytes(
  bytes: Uint8Array,
  source = "<bytes>",
  options: OnnxSessionOptions = {},
): Promise<OnnxModel> {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`onnxModelFromBytes: bytes must be a Uint8Array; got ${typeof bytes}`);
  }
  const notOnnx = (why: string) =>
    new RangeError(
      `cannot load ONNX model ${JSON.stringify(source)}: not an ONNX model (${why}); expected an .onnx file (a serialized ModelProto)`,
    );
  if (bytes.length === 0) throw notOnnx("the file is empty");
  let proto: InstanceType<typeof onnx.ModelProto>;
  try {
    proto = onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw notOnnx(`protobuf decoding failed: ${reasonOf(error)}`);
  }
  const graph = proto.graph;
  if (!graph || Number(proto.irVersion ?? 0) <= 0 || (proto.opsetImport ?? []).length === 0) {
    throw notOnnx("no graph, IR version or opset");
  }

  const nodes = (graph.node ?? [])
    .filter((node) => node.opType !== "Constant")
    .map((node) => ({
      name: node.name ?? "",
      opType: node.opType ?? "",
      outputs: (node.output ?? []).map((name) => name ?? ""),
    }));
  const initializers = new Set((graph.initializer ?? []).map((tensor) => tensor.name ?? ""));
  const outputs = (graph.output ?? []).map((value) => value.name ?? "");
  const graphOutputs = new Set(outputs);
  const tensors = nodes.flatMap((node) => node.outputs.filter((name) => name !== ""));
  const added = tensors.filter((name) => !graphOutputs.has(name));

  const session = await createOnnxSession(withGraphOutputs(bytes, added), source, options);
  try {
    const inputMeta = new Map(session.inputMetadata.map((meta) => [meta.name, meta]));
    const outputMeta = new Map(session.outputMetadata.map((meta) => [meta.name, meta]));
    const inputNames = (graph.input ?? [])
      .map((value) => value.name ?? "")
      .filter((name) => !initializers.has(name) && inputMeta.has(name));

    const shapes = new Map<string, Dimension[] | undefined>();
    const types = new Map<string, string>();
    for (const [name, meta] of [...inputMeta, ...outputMeta]) {
      types.set(name, meta.isTensor ? meta.type : "non-tensor");
      shapes.set(name, meta.isTensor ? meta.shape.map(dimension) : undefined);
    }
    await completeShapes(session, inputNames, tensors, shapes, types);

    const friendly = friendlyNames(nodes, inputNames);
    const inputs: OnnxLayer[] = inputNames.map((name) => ({
      friendlyName: undefined,
      aliases: [],
      tensorName: name,
      opType: "Input",
      nodeName: "",
      outputIndex: 0,
      elementType: types.get(name) ?? "unknown",
      shape: shapes.get(name),
    }));
    const layers: OnnxLayer[] = [];
    for (const node of nodes) {
      node.outputs.forEach((name, outputIndex) => {
        if (name === "") return;
        const names = friendly.get(name);
        layers.push({
          friendlyName: names?.name,
          aliases: names?.aliases ?? [],
          tensorName: name,
          opType: node.opType,
          nodeName: node.name,
          outputIndex,
          elementType: types.get(name) ?? "unknown",
          shape: shapes.get(name),
        });
      });
    }
    return new OnnxModel({ source, bytes, inputs, layers, outputs });
  } finally {
    await session.release();
  }
}

/** onnxruntime's dimension: a size, a symbol, or "" / a negative size when unknown. */
function dimension(value: number | string): Dimension {
  if (typeof value === "number") return value >= 0 ? value : null;
  return value === "" ? null : value;
}

/** Element types a zero input can be made of, with their typed arrays. */
const ZEROS: Record<string, (length: number) => Tensor.DataType> = {
  float32: (n) => new Float32Array(n),
  float64: (n) => new Float64Array(n),
  float16: (n) => new Uint16Array(n),
  int8: (n) => new Int8Array(n),
  uint8: (n) => new Uint8Array(n),
  int16: (n) => new Int16Array(n),
  uint16: (n) => new Uint16Array(n),
  int32: (n) => new Int32Array(n),
  uint32: (n) => new Uint32Array(n),
  int64: (n) => new BigInt64Array(n),
  uint64: (n) => new BigUint64Array(n),
  bool: (n) => new Uint8Array(n),
};

/**
 * Fills in the sizes shape inference left unknown (and the shapes of rank 0,
 * which onnxruntime also reports for an unknown rank) by running the session
 * on zeros, batch 1 and batch 2 (once when the batch is fixed). Leaves the
 * shapes as they are when the model cannot run on zeros.
 */
async function completeShapes(
  session: InferenceSession,
  inputNames: readonly string[],
  tensors: readonly string[],
  shapes: Map<string, Dimension[] | undefined>,
  types: Map<string, string>,
): Promise<void> {
  const unknown = tensors.filter((name) => {
    const shape = shapes.get(name);
    return (
      types.get(name) !== "non-tensor" && (!shape || shape.length === 0 || shape.includes(null))
    );
  });
  if (unknown.length === 0 || inputNames.length === 0) return;
  const first = shapes.get(inputNames[0]!);
  const batchAxis = first?.[0];
  const dynamic = first !== undefined && first.length > 0 && typeof batchAxis !== "number";
  const batchName = typeof batchAxis === "string" ? batchAxis : "batch";
  const run = async (batch: number) => {
    const feeds: Record<string, Tensor> = {};
    for (const name of inputNames) {
      const shape = shapes.get(name);
      const make = ZEROS[types.get(name) ?? ""];
      if (!shape || !make) return undefined;
      const dims = shape.map((d, axis) =>
        typeof d === "number" ? d : axis === 0 && name === inputNames[0] ? batch : 1,
      );
      const size = dims.reduce((a, b) => a * b, 1);
      feeds[name] = new Tensor(types.get(name) as "float32", make(size) as Float32Array, dims);
    }
    const results = await session.run(feeds, [...unknown]);
    return new Map(unknown.map((name) => [name, results[name]?.dims]));
  };
  let one: Map<string, readonly number[] | undefined> | undefined;
  let two: Map<string, readonly number[] | undefined> | undefined;
  try {
    one = await run(1);
    two = dynamic ? await run(2) : one;
  } catch {
    return;
  }
  if (!one || !two) return;
  for (const name of unknown) {
    const a = one.get(name);
    const b = two.get(name);
    if (!a || !b || a.length !== b.length) continue;
    const known = shapes.get(name);
    const useKnown = known !== undefined && known.length === a.length;
    shapes.set(
      name,
      a.map((size, axis) => {
        const given = useKnown ? known[axis]! : null;
        if (given !== null) return given;
        const other = b[axis]!;
        if (size === other) return size;
        if (size === 1 && other === 2) return batchName;
        return other === 2 * size ? `${batchName}*${size}` : null;
      }),
    );
  }
}
