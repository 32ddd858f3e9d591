import { readFileSync } from "node:fs";
import { ACTIVATIONS_USAGE, runActivations } from "./commands/activations.js";
import { DEMO_USAGE, runDemo } from "./commands/demo.js";
import { DISTANCE_USAGE, runDistance } from "./commands/distance.js";
import { EXPERIMENT_USAGE, runExperiment } from "./commands/experiment.js";
import { FEATURES_USAGE, runFeatures } from "./commands/features.js";
import { LAYERS_USAGE, runLayers } from "./commands/layers.js";
import { MAPPER_USAGE, runMapper } from "./commands/mapper.js";
import { NEURONS_USAGE, runNeurons } from "./commands/neurons.js";
import { PH_USAGE, runPh } from "./commands/ph.js";
import { PLOT_USAGE, runPlot } from "./commands/plot.js";
import { REPORT_USAGE, runReport } from "./commands/report.js";
import { runServe, SERVE_USAGE } from "./commands/serve.js";
import { runTrain, TRAIN_USAGE } from "./commands/train.js";
import { IoError } from "./io-error.js";
import { UsageError } from "./usage-error.js";

/** The help text of `nettopo`. */
export const USAGE = `Usage: nettopo <command> [options]

Topology, geometry and statistics of deep neural networks.

Commands:
  demo              train a small network on built-in data, follow the
                    topology of its neurons, write report.html (start here)
  ph INPUT          persistent homology (Vietoris-Rips barcodes, as Ripser)
                    of a point cloud or a distance matrix
  distance A B      bottleneck, Wasserstein or sliced Wasserstein distance
                    between two persistence diagrams
  features DIAGRAM  features and vectorizations of persistence diagrams
                    (statistics, entropy, Betti curves, landscapes, images)
  plot DIAGRAM...   draw diagrams, barcodes, Betti curves, landscapes or
                    persistence images as SVG or PNG
  layers MODEL      list the layers of an ONNX or TF.js model (friendly name,
                    tensor name, op type, shape)
  activations MODEL write the activations of named layers on a data set to
                    an .npz file
  train             train an MLP or a CNN (TF.js) into a resumable run
                    directory (metrics per epoch, checkpoints, the model)
  neurons INPUT     topology of a network's neurons: persistent homology of
                    1-|corr| of their activations (.npz, or an ONNX model run
                    on a data set), bootstrapped samples, features, Betti curves
  experiment disk4  the seed experiment: four ReLU MLPs on D^4 trained with
                    the neuron monitor; how H0/H1/H2 evolve
  report RUN_DIR... one self-contained HTML report of training runs: curves,
                    neuron topology per epoch (with --figures, SVG and PNG)
  serve RUN_DIR...  the live run dashboard: the report of runs being trained,
                    updated as they write (binds 127.0.0.1)
  mapper INPUT      the Mapper graph of a layer's activations (.npy, .npz,
                    or a model run on a data set) as node-link JSON
  help [COMMAND]    show this help, or the help of COMMAND

Options:
  -h, --help        show this help
  --version         print the version

Run 'nettopo <command> --help' for the options of a command.
`;

const COMMANDS: Record<
  string,
  { usage: string; run: (args: readonly string[]) => Promise<number> }
> = {
  demo: { usage: DEMO_USAGE, run: runDemo },
  ph: { usage: PH_USAGE, run: runPh },
  distance: { usage: DISTANCE_USAGE, run: runDistance },
  features: { usage: FEATURES_USAGE, run: runFeatures },
  plot: { usage: PLOT_USAGE, run: runPlot },
  layers: { usage: LAYERS_USAGE, run: runLayers },
  activations: { usage: ACTIVATIONS_USAGE, run: runActivations },
  train: { usage: TRAIN_USAGE, run: runTrain },
  neurons: { usage: NEURONS_USAGE, run: runNeurons },
  experiment: { usage: EXPERIMENT_USAGE, run: runExperiment },
  report: { usage: REPORT_USAGE, run: runReport },
  serve: { usage: SERVE_USAGE, run: runServe },
  mapper: { usage: MAPPER_USAGE, run: runMapper },
};

/**
 * Entry point of the `nettopo` command: dispatches to a subcommand and turns
 * every error into one line on stderr (`nettopo: ...`) and an exit code: 2 for
 * usage errors, 1 for bad data and anything else. The stack of an unexpected
 * error is printed only with NETTOPO_DEBUG=1.
 *
 * @param argv - The arguments after `node nettopo.js`.
 * @returns The process exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  // A closed stdout (e.g. `nettopo ph x | head`) is not an error of ours.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") report(error);
  });
  try {
    return await dispatch(argv);
  } catch (error) {
    return report(error);
  }
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (first === "--help" || first === "-h") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (first === "--version") {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (first === "help") {
    const topic = rest[0];
    if (topic === undefined) {
      process.stdout.write(USAGE);
      return 0;
    }
    const command = COMMANDS[topic];
    if (!command || !Object.hasOwn(COMMANDS, topic)) throw unknownCommand(topic);
    process.stdout.write(command.usage);
    return 0;
  }
  if (first.startsWith("-")) {
    throw new UsageError(
      `unknown option ${JSON.stringify(first)}; expected a command first (run 'nettopo --help')`,
    );
  }
  const command = COMMANDS[first];
  if (!command || !Object.hasOwn(COMMANDS, first)) throw unknownCommand(first);
  return command.run(rest);
}

function unknownCommand(name: string): UsageError {
  return new UsageError(
    `unknown command ${JSON.stringify(name)}; expected one of: ${Object.keys(COMMANDS).join(", ")}, help`,
  );
}

/** The version of this package. */
function version(): string {
  const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(packageJson.version);
}

/** Prints one line for an error and returns its exit code. */
function report(error: unknown): number {
  const debug = process.env.NETTOPO_DEBUG === "1";
  let line: string;
  let code = 1;
  if (error instanceof UsageError) {
    line = error.message;
    code = 2;
  } else if (error instanceof TypeError || error instanceof RangeError) {
    line = error.message;
  } else if (error instanceof IoError) {
    line = error.message;
  } else {
    const e = error instanceof Error ? error : new Error(String(error));
    line = `unexpected error: ${e.name}: ${e.message}${debug ? "" : " (run with NETTOPO_DEBUG=1 for details)"}`;
  }
  process.stderr.write(`nettopo: ${oneLine(line)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return code;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
}
