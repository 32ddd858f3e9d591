import { formatRipserBarcodes, NEURON_SAMPLINGS, type Progress } from "@nettopo/core";
import { SYNTHETIC_DATA } from "../data-argument.js";
import { integerFlag, numberFlag, oneOf, parseCommandArgs } from "../flags.js";
import { UsageError } from "../usage-error.js";
import { writeOutput } from "../write-output.js";
import { abortOnSigint } from "./abort-on-sigint.js";
import {
  computeNeurons,
  DEFAULT_LIMIT,
  NEURON_METRICS,
  type NeuronMetric,
  type NeuronsSettings,
  neuronsJson,
  readNeuronActivations,
} from "./neurons-job.js";

/** The help text of `nettopo neurons`. */
export const NEURONS_USAGE = `Usage: nettopo neurons [options] --layers A,B INPUT

Topology of a network's neurons: the persistent homology (Vietoris-Rips, as
Ripser) of the neurons in the functional metric 1-|corr| of their
activations, for all of them or for bootstrapped samples of neurons and
inputs, with the features and Betti curves of every repeat and their summary.

INPUT:
  ACTIVATIONS.npz   one array per layer, named by the layer, of shape
                    [inputs, ...] (each input's activation is flattened)
  MODEL             a model run on --data: MODEL.onnx, or a TF.js model.json
                    or its directory (see 'nettopo layers MODEL')

Input:
  --layers A,B      the layers (npz keys or the model's layer names); required
  --data DATA       a model's inputs: fashion-mnist[:train|:test] (Debian's
                    dataset-fashion-mnist, test split by default, pixels /
                    255), ball4 or disk4 (D^4: points uniform in [0,1]^4,
                    labelled by the ball; seed 0), moons, or a data set file
                    (.csv, .npy, .npz, .safetensors; IDX images, divided by
                    255)
  --limit N         run the model on the first N inputs of DATA (default
                    ${DEFAULT_LIMIT}; the number of points of ball4/moons)

Sampling (each repeat samples without replacement):
  --neurons N|all   neurons per repeat (default all)
  --sampling S      uniform (default), per-layer (shares proportional to the
                    layers' sizes) or importance (Ballester et al. 2024:
                    neurons weighted by how often they have the largest
                    |activation| over an input)
  --samples M|all   inputs per repeat (default all)
  --bootstrap B     number of repeats (default 1); repeat r uses the seed
                    derived from --seed and r, so results do not depend on
                    --workers
  --seed S          seed of the samples (default 0)
  --workers W       worker threads (default: the available cores; 0 computes
                    in the main thread)

Computation:
  --metric M        abs-correlation: 1-|corr| (default), sqrt-abs-correlation:
                    sqrt(1-|corr|), correlation: 1-corr; a constant (dead)
                    neuron has correlation 0 with every other
  --dim K           homology in dimensions 0..K (default 1)
  --threshold T     only simplices of diameter <= T, T > 0 (default: none)
  --precision P     float32 (default, as Ripser) or float64 distances

Output:
  --format F        json (default): {"input", "data", "parameters", "layers":
                    [{"name", "inputs", "neurons", "constantNeurons"}],
                    "repeats": [{"repeat", "seed", "inputs": [indices],
                    "neurons": {"layers": [layer index], "indices": [neuron
                    index]}, "constantNeurons": [positions], "diagrams":
                    [{"dim", "pairs": [[b, d|null], ...]}] (nettopo ph's form),
                    "features": {name: value}}], "summary": {"features":
                    {name: {"mean", "std", "min", "max"}}, "bettiCurves":
                    [{"dim", "grid", "mean", "lower", "upper", "halfWidth",
                    "curves"}]}}; text: the diagram as Ripser's barcode
                    lines (needs --bootstrap 1)
  --out FILE        write to FILE (replaced atomically) instead of stdout
                    (--output FILE is the same)
  --progress        report progress on stderr
  -h, --help        show this help

Exit status: 0 done, 1 bad input data, 2 bad usage, 130 interrupted (Ctrl-C).
`;

const OPTIONS = {
  layers: { type: "string" },
  data: { type: "string" },
  limit: { type: "string" },
  neurons: { type: "string" },
  sampling: { type: "string" },
  samples: { type: "string" },
  bootstrap: { type: "string" },
  seed: { type: "string" },
  workers: { type: "string" },
  metric: { type: "string" },
  dim: { type: "string" },
  threshold: { type: "string" },
  precision: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  output: { type: "string" },
  progress: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parsed options of `nettopo neurons`. */
export interface NeuronsCommand extends NeuronsSettings {
  readonly format: "json" | "text";
  readonly output: string | undefined;
  readonly progress: boolean;
}

/**
 * Parses the arguments of `nettopo neurons` (strictly: unknown flags are errors).
 * @returns The command, or `"help"` when help was asked for.
 * @throws UsageError for anything wrong in the arguments.
 */
export function parseNeuronsArguments(args: readonly string[]): NeuronsCommand | "help" {
  const { values, positionals } = parseCommandArgs("neurons", args, OPTIONS);
  if (values.help) return "help";
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "neurons needs an INPUT (ACTIVATIONS.npz or a MODEL); run 'nettopo neurons --help' for usage"
        : `neurons takes one INPUT; got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`,
    );
  }
  if (values.layers === undefined) {
    throw new UsageError("neurons needs --layers A,B (the layers whose neurons to analyse)");
  }
  const layers = values.layers.split(",").map((name) => name.trim());
  if (layers.some((name) => name === "")) {
    throw new UsageError(`--layers ${JSON.stringify(values.layers)} has an empty layer name`);
  }
  const repeated = layers.find((name, k) => layers.indexOf(name) !== k);
  if (repeated !== undefined) {
    throw new UsageError(`--layers names ${JSON.stringify(repeated)} twice`);
  }
  const bootstrap =
    values.bootstrap === undefined ? 1 : integerFlag("--bootstrap", values.bootstrap, 1);
  const format = oneOf("--format", values.format, ["json", "text"] as const) ?? "json";
  if (format === "text" && bootstrap !== 1) {
    throw new UsageError(
      `--format text prints one diagram (Ripser's barcode lines); it needs --bootstrap 1, got --bootstrap ${bootstrap}`,
    );
  }
  const threshold =
    values.threshold === undefined
      ? Number.POSITIVE_INFINITY
      : numberFlag("--threshold", values.threshold, { allowInfinity: true });
  if (threshold <= 0) {
    throw new UsageError(`--threshold must be > 0; got ${values.threshold}`);
  }
  if (values.data !== undefined && values.data === "") {
    throw new UsageError(
      `--data needs a data set: fashion-mnist, ${SYNTHETIC_DATA.join(", ")} or a data set file`,
    );
  }
  const output = values.out ?? values.output;
  if (values.out !== undefined && values.output !== undefined) {
    throw new UsageError("give --out or --output, not both");
  }
  if (output === "") throw new UsageError("--out needs a file name");
  return {
    inputPath: positionals[0]!,
    layers,
    data: values.data,
    limit: values.limit === undefined ? undefined : integerFlag("--limit", values.limit, 2),
    neurons: countFlag("--neurons", values.neurons),
    samples: countFlag("--samples", values.samples),
    bootstrap,
    sampling: oneOf("--sampling", values.sampling, NEURON_SAMPLINGS) ?? "uniform",
    metric:
      oneOf("--metric", values.metric, Object.keys(NEURON_METRICS) as NeuronMetric[]) ??
      "abs-correlation",
    maxDim: values.dim === undefined ? 1 : integerFlag("--dim", values.dim),
    threshold,
    precision: oneOf("--precision", values.precision, ["float32", "float64"] as const) ?? "float32",
    seed: values.seed === undefined ? 0 : seedFlag(values.seed),
    workers: values.workers === undefined ? undefined : integerFlag("--workers", values.workers),
    format,
    output,
    progress: values.progress === true,
  };
}

/** `N` (an integer >= 2) or `all` (undefined). */
function countFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined || value === "all") return undefined;
  if (!/^\d+$/.test(value)) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not an integer or all; expected e.g. ${flag} 300 or ${flag} all`,
    );
  }
  const count = Number(value);
  if (count < 2) {
    throw new UsageError(
      `${flag} ${value}: the topology of neurons needs at least 2 ${flag === "--neurons" ? "neurons" : "inputs"}`,
    );
  }
  return count;
}

function seedFlag(value: string): number {
  const seed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(seed)) {
    throw new UsageError(
      `--seed ${JSON.stringify(value)} is not an integer; expected e.g. --seed 1`,
    );
  }
  return seed;
}

/**
 * Runs `nettopo neurons`: reads the activations (or runs the model), runs
 * the bootstrap and prints the result. Ctrl-C aborts (the workers are
 * stopped; exit 130, nothing written).
 *
 * @returns The exit code.
 * @throws UsageError, TypeError / RangeError (bad data) and IoError, for the
 *   caller to report in one line.
 */
export async function runNeurons(args: readonly string[]): Promise<number> {
  const command = parseNeuronsArguments(args);
  if (command === "help") {
    process.stdout.write(NEURONS_USAGE);
    return 0;
  }
  const progress = command.progress ? reportProgress : undefined;
  return abortOnSigint(async (signal) => {
    const activations = await readNeuronActivations(command, signal, progress);
    const result = await computeNeurons(command, activations, signal, progress);
    const text =
      command.format === "text"
        ? formatRipserBarcodes(result.repeats[0]!.diagram, {
            vertexCount: result.repeats[0]!.selection.layers.length,
          })
        : `${JSON.stringify(neuronsJson(command, activations, result))}\n`;
    await writeOutput(text, command.output);
    return 0;
  });
}

let lastProgress = 0;

/** One stderr line per second at most (and the last one). */
function reportProgress(progress: Progress): void {
  const now = Date.now();
  if (now - lastProgress < 1000 && progress.done !== progress.total) return;
  lastProgress = now;
  process.stderr.write(`nettopo: ${progress.stage} ${progress.done}/${progress.total}\n`);
}
