import {
  type Dataset,
  DEFAULT_ACTIVATION_BUDGET_BYTES,
  formatBytes,
  loadModel,
  normalize,
  type OnnxModel,
  type TfjsModel,
  writeActivationsNpz,
} from "@nettopo/nn";
import { openDataArgument } from "../data-argument.js";
import { integerFlag, oneOf, parseCommandArgs, sizeFlag } from "../flags.js";
import { IoError } from "../io-error.js";
import { UsageError } from "../usage-error.js";
import { interrupted } from "./abort-on-sigint.js";

/** The help text of `nettopo activations`. */
export const ACTIVATIONS_USAGE = `Usage: nettopo activations [options] MODEL --data DATA --layers A,B,... --out FILE.npz

Runs MODEL on a data set in batches and writes the activations of the named
layers to FILE.npz (NumPy's format, stored, not compressed): one float32 array
per layer, keyed by the layer's name as given, of shape [samples, ...shape of
one sample's activation], followed by the int32 array "labels" (one class per
sample) when the data set has labels - unless a layer is called "labels",
whose activations then take the key and the labels are left out.

MODEL: an ONNX model (.onnx) or a TF.js model (model.json, or its directory;
Layers and Graph models). 'nettopo layers MODEL' lists the layer names; a layer
may be asked for by its tensor name or its friendly name.

Data (--data DATA):
  fashion-mnist         Fashion-MNIST's test split (10000 images 28x28) from
                        Debian's dataset-fashion-mnist; fashion-mnist:train
                        for the training split (60000)
  ball4, disk4          the ball-in-cube D^4: points uniform in [0,1]^4,
                        labelled inside/outside the ball of radius 1/2
                        (--count points, default 1000; --seed S, default 0)
  moons                 two moons without noise (--count, default 100; --seed)
  PATH                  .npy (samples), .npz or .safetensors (arrays x/inputs
                        and y/labels), .csv/.tsv (numeric columns), an IDX
                        images file, or a directory of IDX files (its test
                        split; DIR:train for the training split)
  Samples are fitted to the model's input: gray [28, 28] images feed a
  [batch, 1, 28, 28] (ONNX) or [batch, 28, 28, 1] (TF.js) input as they are,
  channels-last [H, W, C] images are transposed for a [batch, C, H, W] input,
  and any sample feeds a flat [batch, D] input of D values.

Options:
  --layers A,B,...      the layers, comma-separated (required)
  --out FILE.npz        the output file, replaced atomically (required)
  --normalize METHOD    how the inputs are scaled before the model sees them:
                        scale-255 (x / 255, as torchvision's ToTensor),
                        standardize ((x - mean) / std per input value, the
                        statistics of this data set itself, as scikit-learn's
                        StandardScaler), or none. Default: scale-255 for IDX
                        image data (fashion-mnist, IDX files of images), none
                        for every other data set. Use what the model was
                        trained with.
  --batch N             samples per run of the model (default 256)
  --limit N             only the first N samples (default all)
  --budget SIZE         the most memory the activations may take (default
                        1G; units K, M, G, T are powers of 1024). Within it
                        they are collected in memory and written at once;
                        beyond it each layer streams to a temporary .npy file
                        and the .npz is assembled from them (zip64 beyond
                        4 GiB), which needs twice the output's size on disk
  --temp-dir DIR        where the streamed .npy files go (default: the output's
                        directory); they are removed at the end
  --count N, --seed S   size and seed of a synthetic data set
  --threads N           onnxruntime threads for an ONNX model (default 1)
  --progress            show progress on stderr even when it is not a
                        terminal (a line a second); on a terminal it shows
                        anyway: batches done / total and samples per second
  --quiet               no progress and no summary on stderr
  -h, --help            show this help

Output: nothing on stdout; FILE.npz, and on stderr a summary line (arrays,
samples, size, memory or streamed, time, samples per second).

Exit status: 0 done, 1 bad model or data (an unknown layer, samples that do
not fit the model's input, NaN in the data, a truncated file...), 2 bad usage,
130 interrupted (Ctrl-C: stops between batches; no output or temporary file
is left).
`;

const OPTIONS = {
  data: { type: "string" },
  layers: { type: "string" },
  out: { type: "string" },
  normalize: { type: "string" },
  batch: { type: "string" },
  limit: { type: "string" },
  budget: { type: "string" },
  "temp-dir": { type: "string" },
  count: { type: "string" },
  seed: { type: "string" },
  threads: { type: "string" },
  progress: { type: "boolean" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** How `--normalize` scales the inputs. */
export type NormalizeFlag = "scale-255" | "standardize" | "none";

/** Parsed options of `nettopo activations`. */
export interface ActivationsCommand {
  readonly modelPath: string;
  readonly data: string;
  readonly layers: readonly string[];
  readonly out: string;
  readonly normalize: NormalizeFlag | undefined;
  readonly batchSize: number;
  readonly limit: number | undefined;
  readonly budgetBytes: number;
  readonly temporaryDirectory: string | undefined;
  readonly count: number | undefined;
  readonly seed: number | undefined;
  readonly threads: number;
  readonly progress: "auto" | "always" | "never";
}

/**
 * Parses the arguments of `nettopo activations`.
 * @returns The command, or `"help"`.
 * @throws UsageError for anything wrong in the arguments.
 */
export function parseActivationsArguments(args: readonly string[]): ActivationsCommand | "help" {
  const { values, positionals } = parseCommandArgs("activations", args, OPTIONS);
  if (values.help) return "help";
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "activations needs a MODEL file (.onnx or model.json); run 'nettopo activations --help' for usage"
        : `activations takes one MODEL; got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`,
    );
  }
  for (const flag of ["data", "layers", "out"] as const) {
    if (values[flag] === undefined || values[flag] === "") {
      throw new UsageError(
        `activations needs --${flag}; run 'nettopo activations --help' for usage`,
      );
    }
  }
  const layers = values.layers!.split(",").map((name) => name.trim());
  if (layers.some((name) => name === "")) {
    throw new UsageError(
      `--layers ${JSON.stringify(values.layers)} has an empty name; expected names separated by commas, e.g. --layers conv1,fc1`,
    );
  }
  const repeated = layers.find((name, k) => layers.indexOf(name) !== k);
  if (repeated !== undefined) {
    throw new UsageError(`--layers names ${JSON.stringify(repeated)} twice`);
  }
  if (values.progress && values.quiet) {
    throw new UsageError("--progress and --quiet contradict each other; give one");
  }
  return {
    modelPath: positionals[0]!,
    data: values.data!,
    layers,
    out: values.out!,
    normalize: oneOf("--normalize", values.normalize, [
      "scale-255",
      "standardize",
      "none",
    ] as const),
    batchSize: values.batch === undefined ? 256 : integerFlag("--batch", values.batch, 1),
    limit: values.limit === undefined ? undefined : integerFlag("--limit", values.limit, 1),
    budgetBytes:
      values.budget === undefined
        ? DEFAULT_ACTIVATION_BUDGET_BYTES
        : sizeFlag("--budget", values.budget),
    temporaryDirectory: values["temp-dir"],
    count: values.count === undefined ? undefined : integerFlag("--count", values.count, 1),
    seed: values.seed === undefined ? undefined : integerFlag("--seed", values.seed, 0),
    threads: values.threads === undefined ? 1 : integerFlag("--threads", values.threads, 1),
    progress: values.progress ? "always" : values.quiet ? "never" : "auto",
  };
}

/**
 * Runs `nettopo activations`: loads the model and the data, normalises the
 * data as `--normalize` says, and writes the activations with
 * `writeActivationsNpz`. Ctrl-C aborts between batches (exit 130, nothing
 * written).
 *
 * @returns The exit code.
 */
export async function runActivations(args: readonly string[]): Promise<number> {
  const command = parseActivationsArguments(args);
  if (command === "help") {
    process.stdout.write(ACTIVATIONS_USAGE);
    return 0;
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  const reporter = new ProgressReporter(command.progress);
  try {
    const started = Date.now();
    let model: OnnxModel | TfjsModel;
    try {
      model = await loadModel(command.modelPath, { threads: command.threads });
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code !== undefined && !(error instanceof RangeError)) {
        throw new IoError("read", command.modelPath, error);
      }
      throw error;
    }
    if (controller.signal.aborted) return interrupted();
    const { dataset: raw, kind } = await openDataArgument(command.data, command);
    if (controller.signal.aborted) return interrupted();
    const method = command.normalize ?? (kind === "idx-images" ? "scale-255" : "none");
    const dataset = normalized(raw, method);
    const count = Math.min(command.limit ?? dataset.count, dataset.count);
    if (command.layers.includes("labels") && dataset.labels && command.progress !== "never") {
      process.stderr.write(
        'nettopo: a layer is called "labels": its activations take that key, the data set\'s labels are not written\n',
      );
    }
    const extractionStart = Date.now();
    let extractionSeconds = 0;
    const written = await writeActivationsNpz(model, dataset, command.layers, command.out, {
      batchSize: command.batchSize,
      ...(command.limit === undefined ? {} : { limit: command.limit }),
      budgetBytes: command.budgetBytes,
      ...(dataset.labels === undefined ? {} : { labels: dataset.labels }),
      ...(command.temporaryDirectory === undefined
        ? {}
        : { temporaryDirectory: command.temporaryDirectory }),
      threads: command.threads,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.stage === "activations") {
          const done = Math.min(progress.done * command.batchSize, count);
          const seconds = (Date.now() - extractionStart) / 1000;
          if (progress.done === progress.total) extractionSeconds = seconds;
          reporter.batches(progress.done, progress.total, done, seconds);
        } else {
          reporter.bytes(command.out, progress.done, progress.total);
        }
      },
    }).catch((error: unknown) => {
      if (controller.signal.aborted) return undefined;
      const system = error as NodeJS.ErrnoException;
      if (
        system?.code !== undefined &&
        !(error instanceof RangeError || error instanceof TypeError)
      ) {
        // The output's directory or the temporary directory cannot be written.
        const inTemporary =
          command.temporaryDirectory !== undefined &&
          system.path?.startsWith(command.temporaryDirectory) === true;
        throw new IoError("write", inTemporary ? command.temporaryDirectory! : command.out, error);
      }
      throw error;
    });
    reporter.end();
    if (written === undefined) return interrupted();
    if (command.progress !== "never") {
      const total = (Date.now() - started) / 1000;
      const rate =
        extractionSeconds > 0 ? `, ${formatRate(written.count / extractionSeconds)} samples/s` : "";
      process.stderr.write(
        `nettopo: wrote ${command.out}: ${written.arrays.join(", ")}; ${written.count} samples of ${dataset.name} (normalize ${method}), ${formatBytes(written.fileBytes)}, ${written.mode === "memory" ? "collected in memory" : `streamed (over the ${formatBytes(command.budgetBytes)} budget)`}; ${total.toFixed(1)} s${rate}\n`,
      );
    }
    return 0;
  } catch (error) {
    reporter.end();
    if (controller.signal.aborted) return interrupted();
    throw error;
  } finally {
    process.off("SIGINT", onSigint);
  }
}

/** The data set scaled as `--normalize` says. */
function normalized(dataset: Dataset, method: NormalizeFlag): Dataset {
  if (method === "none") return dataset;
  return normalize(
    dataset,
    method === "scale-255" ? { method } : { method: "standardize", per: "feature" },
  ).dataset;
}

function formatRate(rate: number): string {
  return Math.round(rate).toLocaleString("en-US");
}

/**
 * Progress on stderr: on a terminal one updating line, a bar with batches
 * done / total and samples per second; elsewhere, with --progress, a line a
 * second.
 */
class ProgressReporter {
  private last = 0;
  private shown = false;
  private readonly tty = process.stderr.isTTY === true;
  private readonly on: boolean;

  constructor(mode: "auto" | "always" | "never") {
    this.on = mode === "always" || (mode === "auto" && this.tty);
  }

  batches(done: number, total: number, samples: number, seconds: number): void {
    const rate = seconds > 0 ? `  ${formatRate(samples / seconds)} samples/s` : "";
    this.show(`${bar(done / total)} ${done}/${total} batches${rate}`, done === total);
  }

  bytes(path: string, done: number, total: number): void {
    this.show(
      `writing ${path} ${bar(total > 0 ? done / total : 1)} ${formatBytes(done)} / ${formatBytes(total)}`,
      done === total,
    );
  }

  private show(text: string, last: boolean): void {
    if (!this.on) return;
    const now = Date.now();
    if (now - this.last < (this.tty ? 100 : 1000) && !last) return;
    this.last = now;
    if (this.tty) {
      process.stderr.write(`\r\x1b[K${text}`);
      this.shown = true;
    } else {
      process.stderr.write(`nettopo: ${text}\n`);
    }
  }

  end(): void {
    if (this.shown) process.stderr.write("\r\x1b[K");
    this.shown = false;
  }
}

/** `[##########..........]` for a fraction in [0, 1], 20 characters wide. */
function bar(fraction: number): string {
  const filled = Math.round(20 * Math.min(1, Math.max(0, fraction)));
  return `[${"#".repeat(filled)}${".".repeat(20 - filled)}]`;
}
