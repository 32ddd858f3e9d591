import {
  type Dimension,
  loadModel,
  type OnnxLayer,
  type OnnxModel,
  type TfjsModel,
} from "@nettopo/nn";
import { oneOf, parseCommandArgs } from "../flags.js";
import { IoError } from "../io-error.js";
import { UsageError } from "../usage-error.js";

/** The help text of `nettopo layers`. */
export const LAYERS_USAGE = `Usage: nettopo layers [options] MODEL

Lists the layers of a model: its inputs, then its layers, each with its
friendly name, tensor name, op type, element type and shape. A layer can be
asked for by either name (in 'nettopo activations').

MODEL is an ONNX model (.onnx) or a TF.js model (model.json or its
directory).

ONNX: every output of every node in graph order (Constant nodes left out).

Friendly names come from PyTorch's node names: the module path of the last
node in a module's scope (/conv1/Conv -> conv1, /features/features.0/Conv ->
features.0, a second call of module relu -> relu_1), <module>.<Op> for the
module's other nodes, <Op> for functional calls outside modules; other
exporters' node names are used as they are. A container whose output is a
child's (features -> features.5) is an alias of it.

Shapes come from onnxruntime's shape inference (a symbolic axis keeps its
name, e.g. batch), completed by running the model once on zeros; ? marks a
size that is still unknown.

TF.js Layers model: every layer, named by its layer name (NAME and TENSOR
are the same), OP its class (Dense, Conv2D...), SHAPE its output shape
(channels last). TF.js Graph model: every node but constants and
placeholders, TENSOR its node name, OP its op, NAME the Keras layer whose
last node it is (StatefulPartitionedCall/sequential/conv1/Relu -> conv1);
shapes from running the graph once on zeros.

Options:
  --format F   table (default): columns NAME (- for none), TENSOR, OP, TYPE,
               SHAPE, and ALIASES when a layer has some;
               json: {"model": MODEL, "outputs": [names],
               "layers": [{"friendlyName", "aliases", "tensorName", "opType",
               "nodeName", "outputIndex", "elementType", "shape"}, ...]}
               with null for a missing friendly name, an unknown size or an
               unknown shape
  -h, --help   show this help

Exit status: 0 done, 1 a model that cannot be read or loaded, 2 bad usage.
`;

const OPTIONS = {
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parsed options of `nettopo layers`. */
export interface LayersCommand {
  readonly modelPath: string;
  readonly format: "table" | "json";
}

/**
 * Parses the arguments of `nettopo layers`.
 * @returns The command, or `"help"`.
 * @throws UsageError for anything wrong in the arguments.
 */
export function parseLayersArguments(args: readonly string[]): LayersCommand | "help" {
  const { values, positionals } = parseCommandArgs("layers", args, OPTIONS);
  if (values.help) return "help";
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "layers needs a MODEL file (.onnx or model.json); run 'nettopo layers --help' for usage"
        : `layers takes one MODEL; got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`,
    );
  }
  const format = oneOf("--format", values.format, ["table", "json"] as const) ?? "table";
  return { modelPath: positionals[0]!, format };
}

/**
 * Runs `nettopo layers`: loads the model and prints its layers.
 * @returns The exit code.
 */
export async function runLayers(args: readonly string[]): Promise<number> {
  const command = parseLayersArguments(args);
  if (command === "help") {
    process.stdout.write(LAYERS_USAGE);
    return 0;
  }
  let model: OnnxModel | TfjsModel;
  try {
    model = await loadModel(command.modelPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code !== undefined && !(error instanceof RangeError)) {
      throw new IoError("read", command.modelPath, error);
    }
    throw error;
  }
  process.stdout.write(
    command.format === "json" ? layersJson(command.modelPath, model) : layersTable(model),
  );
  return 0;
}

/** The JSON document of `--format json`, one line. */
export function layersJson(path: string, model: OnnxModel | TfjsModel): string {
  const layers = model.layers().map((layer: OnnxLayer) => ({
    friendlyName: layer.friendlyName ?? null,
    aliases: layer.aliases,
    tensorName: layer.tensorName,
    opType: layer.opType,
    nodeName: layer.nodeName,
    outputIndex: layer.outputIndex,
    elementType: layer.elementType,
    shape: layer.shape ?? null,
  }));
  return `${JSON.stringify({ model: path, outputs: model.outputs, layers })}\n`;
}

/** The table of the default format: aligned columns, a header row. */
export function layersTable(model: OnnxModel | TfjsModel): string {
  const layers = model.layers();
  const withAliases = layers.some((layer) => layer.aliases.length > 0);
  const header = ["NAME", "TENSOR", "OP", "TYPE", "SHAPE", ...(withAliases ? ["ALIASES"] : [])];
  const rows = layers.map((layer) => [
    layer.friendlyName ?? "-",
    layer.tensorName,
    layer.opType,
    layer.elementType,
    formatDimensions(layer.shape),
    ...(withAliases ? [layer.aliases.join(", ")] : []),
  ]);
  const widths = header.map((title, k) => Math.max(title.length, ...rows.map((r) => r[k]!.length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, k) => (k === row.length - 1 ? cell : cell.padEnd(widths[k]!)))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** `[batch, 1, 28, 28]`; `?` for an unknown size or shape. */
function formatDimensions(shape: readonly Dimension[] | undefined): string {
  if (shape === undefined) return "?";
  return `[${shape.map((d) => (d === null ? "?" : String(d))).join(", ")}]`;
}
