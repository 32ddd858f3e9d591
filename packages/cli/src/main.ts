import { readFileSync } from "node:fs";
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
                    persistence images as SVG or PNG, or an interactive page
                    of diagrams, barcodes and Betti curves (--out view.html)
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
                    or a model run on a data set) as node-link JSON, and the
                    interactive Mapper explorer (--html mapper.html)
  help [COMMAND]    show this help, or the help of COMMAND

Options:
  -h, --help        show this help
  --version         print the version

Run 'nettopo <command> --help' for the options of a command.
`;

/** A subcommand: its help text and what runs it. */
interface Command {
  readonly usage: string;
  readonly run: (args: readonly string[]) => Promise<number>;
}

// Each command's module is loaded only when it runs: `nettopo ph` or
// `--help` need not load onnxruntime and TF.js (about a second).
const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => {
    const m = await import("./commands/demo.js");
    return { usage: m.DEMO_USAGE, run: m.runDemo };
  },
  ph: async () => {
    const m = await import("./commands/ph.js");
    return { usage: m.PH_USAGE, run: m.runPh };
  },
  distance: async () => {
    const m = await import("./commands/distance.js");
    return { usage: m.DISTANCE_USAGE, run: m.runDistance };
  },
  features: async () => {
    const m = await import("./commands/features.js");
    return { usage: m.FEATURES_USAGE, run: m.runFeatures };
  },
  plot: async () => {
    const m = await import("./commands/plot.js");
    return { usage: m.PLOT_USAGE, run: m.runPlot };
  },
  layers: async () => {
    const m = await import("./commands/layers.js");
    return { usage: m.LAYERS_USAGE, run: m.runLayers };
  },
  activations: async () => {
    const m = await import("./commands/activations.js");
    return { usage: m.ACTIVATIONS_USAGE, run: m.runActivations };
  },
  train: async () => {
    const m = await import("./commands/train.js");
    return { usage: m.TRAIN_USAGE, run: m.runTrain };
  },
  neurons: async () => {
    const m = await import("./commands/neurons.js");
    return { usage: m.NEURONS_USAGE, run: m.runNeurons };
  },
  experiment: async () => {
    const m = await import("./commands/experiment.js");
    return { usage: m.EXPERIMENT_USAGE, run: m.runExperiment };
  },
  report: async () => {
    const m = await import("./commands/report.js");
    return { usage: m.REPORT_USAGE, run: m.runReport };
  },
  serve: async () => {
    const m = await import("./commands/serve.js");
    return { usage: m.SERVE_USAGE, run: m.runServe };
  },
  mapper: async () => {
    const m = await import("./commands/mapper.js");
    return { usage: m.MAPPER_USAGE, run: m.runMapper };
  },
};

/** The command named `name` (a UsageError listing the commands otherwise). */
function command(name: string): Promise<Command> {
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) throw unknownCommand(name);
  return load();
}

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
    process.stdout.write((await command(topic)).usage);
    return 0;
  }
  if (first.startsWith("-")) {
    throw new UsageError(
      `unknown option ${JSON.stringify(first)}; expected a command first (run 'nettopo --help')`,
    );
  }
  return (await command(first)).run(rest);
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
