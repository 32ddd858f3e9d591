import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { GraphModel, io, LayersModel, SymbolicTensor, Tensor } from "@tensorflow/tfjs";
import type { Dimension } from "../onnx/onnx-model.js";
import { describe } from "../validate.js";
import { ensureWasmBackend, type Tfjs } from "./backend.js";
import { executeGraph } from "./execute-graph.js";
import { readTfjsArtifacts } from "./file-system-loader.js";
import { type GraphNode, graphFriendlyNames } from "./graph-friendly-names.js";
import { type TfjsLayer, TfjsModel } from "./tfjs-model.js";

/**
 * Loads a TF.js model from disk onto TF.js's wasm backend: a Layers model
 * (`format: "layers-model"`: what `model.save` of tfjs-layers and
 * `tensorflowjs_converter` for Keras models write) through
 * `tf.loadLayersModel`, or a Graph model (`"graph-model"`: a converted
 * TensorFlow SavedModel or frozen graph) through `tf.loadGraphModel`. The
 * files are read by {@link fileSystemLoader} (model.json and its weight
 * shards, nothing from a network).
 *
 * The layers, as `model.layers()` lists them (the same fields as an ONNX
 * model's):
 * - Layers model: its inputs, then each layer (its first call, for a layer
 *   called more than once), named by the layer name, op type its class
 *   (`Dense`, `Conv2D`), shape its output shape (`"batch"` for the batch
 *   axis).
 * - Graph model: its inputs, then every node of the graph except
 *   constants, placeholders and `NoOp`s, named by its node name (what
 *   `execute` takes), op type its op, and friendly name the Keras layer it
 *   ends (see {@link graphFriendlyNames}); element types and shapes come from
 *   running the graph once on zeros with batch 1 and once with batch 2 (a
 *   size that changes with the batch is `"batch"`, or `"batch*k"`), and stay
 *   unknown when that fails (e.g. an input whose sizes besides the batch are
 *   not fixed).
 *
 * @param path - The model.json file, or the directory holding it.
 * @returns The model; `dispose()` frees its weights.
 * @throws RangeError, one line naming the file, for a file that is not a
 *   TF.js model, a missing or truncated weight file, or a model TF.js cannot
 *   build (an unknown layer class or op); the file system's error when the
 *   path cannot be read.
 *
 * @example
 * const model = await loadTfjsModel("fixtures/tfjs/cnn/model.json");
 * model.format; // "layers-model"
 * model.layer("conv1").shape; // ["batch", 28, 28, 4]
 */
export async function loadTfjsModel(path: string): Promise<TfjsModel> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError(
      `loadTfjsModel: path must be a model.json or its directory; got ${describe(path)}`,
    );
  }
  const jsonPath = (await stat(path)).isDirectory() ? join(path, "model.json") : path;
  const fail = (why: string) =>
    new RangeError(`cannot load TF.js model ${JSON.stringify(jsonPath)}: ${why}`);
  const artifacts = await readTfjsArtifacts(jsonPath);
  const topology = artifacts.modelTopology as Record<string, unknown>;
  let format: "layers-model" | "graph-model";
  if (artifacts.format === "graph-model" || Array.isArray(topology.node)) format = "graph-model";
  else if (
    artifacts.format === "layers-model" ||
    typeof topology.class_name === "string" ||
    typeof topology.model_config === "object"
  ) {
    format = "layers-model";
  } else {
    throw fail(
      `its format is ${JSON.stringify(artifacts.format ?? null)} and its modelTopology is neither a Keras model nor a graph; expected "layers-model" or "graph-model"`,
    );
  }
  const tf = await ensureWasmBackend();
  const handler: io.IOHandler = { load: async () => artifacts };
  let model: LayersModel | GraphModel;
  try {
    model =
      format === "layers-model"
        ? await tf.loadLayersModel(handler)
        : await tf.loadGraphModel(handler);
  } catch (error) {
    throw fail(`TF.js cannot build it (${oneLine((error as Error)?.message ?? String(error))})`);
  }
  try {
    const parts =
      format === "layers-model"
        ? describeLayersModel(model as LayersModel)
        : await describeGraphModel(tf, model as GraphModel, topology.node as GraphNode[]);
    if (parts.inputs.length === 0) throw fail("it has no inputs");
    return new TfjsModel({ source: jsonPath, format, model, ...parts });
  } catch (error) {
    model.dispose();
    throw error;
  }
}

interface Described {
  readonly inputs: TfjsLayer[];
  readonly layers: TfjsLayer[];
  readonly outputs: string[];
}

/** A Layers model's inputs, layers and outputs, from its symbolic tensors. */
function describeLayersModel(model: LayersModel): Described {
  const inputs = model.inputs.map((tensor) => ({
    friendlyName: undefined,
    aliases: [],
    tensorName: tensor.sourceLayer.name,
    opType: "Input",
    nodeName: tensor.sourceLayer.name,
    outputIndex: 0,
    elementType: tensor.dtype,
    shape: dimensions(tensor.shape),
  }));
  const inputNames = new Set(inputs.map((input) => input.tensorName));
  const layers: TfjsLayer[] = [];
  for (const layer of model.layers) {
    if (inputNames.has(layer.name) || layer.inboundNodes.length === 0) continue;
    const output = layer.getOutputAt(0) as SymbolicTensor | SymbolicTensor[];
    const outputs = Array.isArray(output) ? output : [output];
    outputs.forEach((tensor, k) => {
      const name = k === 0 ? layer.name : `${layer.name}:${k}`;
      layers.push({
        friendlyName: name,
        aliases: [],
        tensorName: name,
        opType: layer.getClassName(),
        nodeName: layer.name,
        outputIndex: k,
        elementType: tensor.dtype,
        shape: dimensions(tensor.shape),
      });
    });
  }
  const outputs = model.outputs.map((tensor) =>
    tensor.tensorIndex === 0
      ? tensor.sourceLayer.name
      : `${tensor.sourceLayer.name}:${tensor.tensorIndex}`,
  );
  return { inputs, layers, outputs };
}

/** A Graph model's inputs, nodes and outputs; shapes by running it on zeros. */
async function describeGraphModel(
  tf: Tfjs,
  model: GraphModel,
  nodes: readonly GraphNode[],
): Promise<Described> {
  const inputs: TfjsLayer[] = model.inputs.map((info) => ({
    friendlyName: undefined,
    aliases: [],
    tensorName: stripIndex(info.name),
    opType: "Input",
    nodeName: stripIndex(info.name),
    outputIndex: 0,
    elementType: info.dtype ?? "unknown",
    shape: info.shape === undefined ? undefined : dimensions(info.shape),
  }));
  const inputNames = new Set(inputs.map((input) => input.tensorName));
  const friendly = graphFriendlyNames(nodes);
  const layerNodes = nodes.filter(
    (node) =>
      !["Const", "Placeholder", "PlaceholderWithDefault", "NoOp"].includes(node.op) &&
      !inputNames.has(node.name),
  );
  const observed = await observeShapes(
    tf,
    model,
    inputs,
    layerNodes.map((node) => node.name),
  );
  const layers = layerNodes.map((node) => ({
    friendlyName: friendly.get(node.name),
    aliases: [],
    tensorName: node.name,
    opType: node.op,
    nodeName: node.name,
    outputIndex: 0,
    elementType: observed.get(node.name)?.dtype ?? "unknown",
    shape: observed.get(node.name)?.shape,
  }));
  const outputs = model.outputs.map((info) => stripIndex(info.name));
  return { inputs, layers, outputs };
}

/**
 * Runs the graph on zeros with batch 1 and with batch 2 (once when the batch
 * is fixed) and reads each node's dtype and shape off the results; an empty
 * map when the graph cannot run so (several inputs of unknown sizes...).
 */
async function observeShapes(
  tf: Tfjs,
  model: GraphModel,
  inputs: readonly TfjsLayer[],
  names: readonly string[],
): Promise<Map<string, { dtype: string; shape: Dimension[] }>> {
  const result = new Map<string, { dtype: string; shape: Dimension[] }>();
  if (names.length === 0) return result;
  const batchAxis = inputs[0]?.shape?.[0];
  const dynamic = typeof batchAxis !== "number";
  const run = async (
    batch: number,
  ): Promise<Map<string, { dtype: string; dims: number[] }> | undefined> => {
    const feeds: Record<string, Tensor> = {};
    try {
      for (const [k, input] of inputs.entries()) {
        if (!input.shape) return undefined;
        const dims = input.shape.map((d, axis) =>
          typeof d === "number" ? d : axis === 0 && k === 0 ? batch : 1,
        );
        feeds[input.tensorName] = tf.zeros(dims, input.elementType as "float32");
      }
      const outputs = await executeGraph(model, feeds, names);
      const seen = new Map<string, { dtype: string; dims: number[] }>();
      names.forEach((name, k) => {
        const tensor = outputs[k]!;
        seen.set(name, { dtype: tensor.dtype, dims: [...tensor.shape] });
      });
      tf.dispose(outputs);
      return seen;
    } catch {
      return undefined;
    } finally {
      tf.dispose(Object.values(feeds));
    }
  };
  const one = await run(1);
  const two = dynamic ? await run(2) : one;
  if (!one || !two) return result;
  for (const name of names) {
    const a = one.get(name)!;
    const b = two.get(name)!;
    if (a.dims.length !== b.dims.length) continue;
    result.set(name, {
      dtype: a.dtype,
      shape: a.dims.map((size, axis) => {
        const other = b.dims[axis]!;
        if (size === other) return size;
        if (size === 1 && other === 2) return "batch";
        return other === 2 * size ? `batch*${size}` : null;
      }),
    });
  }
  return result;
}

/** TF.js's shape (null or -1 where unknown) with `"batch"` for an unknown first axis. */
function dimensions(shape: readonly (number | null)[]): Dimension[] {
  return shape.map((d, axis) =>
    typeof d === "number" && d >= 0 ? d : axis === 0 ? "batch" : null,
  );
}

/** `input:0` -> `input`. */
function stripIndex(name: string): string {
  return name.replace(/:0$/, "");
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
}
