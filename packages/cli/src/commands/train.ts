import { writeSync } from "node:fs";
// Types only: @nettopo/nn loads TF.js, which is imported when a run starts, so
// that the other commands and --help do not pay for it.
import type {
  ActivationName,
  DataConfig,
  LossName,
  RunConfig,
  RunResult,
  StepProgress,
  TopologyRecord,
  TrainingRecord,
} from "@nettopo/nn";
import { integerFlag, numberFlag, oneOf, parseCommandArgs } from "../flags.js";
import { IoError } from "../io-error.js";
import { UsageError } from "../usage-error.js";
import { parseMonitorFlag } from "./monitor-flag.js";

/** The help text of `nettopo train`. */
export const TRAIN_USAGE = `Usage: nettopo train --arch SPEC --dataset NAME|PATH --epochs N --out RUN_DIR [options]
       nettopo train --resume RUN_DIR [--epochs N]

Trains a network with TF.js (WebAssembly backend) into a run directory:
config.json (all settings, seeds, normalisation statistics, versions),
metrics.jsonl (one JSON record per line: the start, every --every of an
epoch, each epoch end), checkpoints/epoch-NNN/ (model and optimizer state
after each epoch) and model/ (the final model, TF.js format). A run that was
killed or interrupted continues with --resume from its last checkpoint, with
the same results as an uninterrupted run.

Network (--arch): tokens joined by '-'
  N | HxW | HxWxC   first token: the input width or image size (optional
                    before a conv: the data decides)
  N | fcN           dense layer of N units, then the activation
  convN             N 3x3 filters, stride 1, 'same' padding, then the activation
  pool              2x2 max pooling, stride 2
  bn                batch norm of the layer before (before its activation)
  dropP             dropout of rate P after the layer before, e.g. drop0.5
  last token        the number of classes (logits)
  e.g. 4-64-64-2, 784-128-10, conv8-pool-conv16-pool-fc64-10,
  conv16-bn-pool-conv32-bn-pool-fc128-drop0.5-10
  Layers are named input, reshape, flatten, conv1, conv1_bn, conv1_act,
  pool1, dense1, dense1_act, dense1_drop, ..., and the output denseK.
  --activation A    relu (default), tanh, sigmoid, leaky-relu (slope 0.01)
  --batch-norm      batch norm on every hidden dense and conv layer
  --dropout P       dropout after every hidden dense layer (default 0)

Data:
  --dataset D       fashion-mnist (Debian's dataset-fashion-mnist; its own
                    60000/10000 split), ball4 or disk4 (the 4-ball in [0,1]^4;
                    ballD for D dimensions), moons, or a path: an IDX
                    directory, .npz (x_train/y_train/x_test/y_test, or one
                    inputs and one labels array), .npy, .csv, .safetensors
  --count N         synthetic sets: samples before the split (default 10000
                    for ballD, 1000 for moons)
  --noise S         moons: noise (default 0.1)
  --test-fraction F sets without their own test split (default 0.2, stratified)
  --limit N         at most N training and N test samples (the first ones)
  --normalize M     scale-255 (x/255), standardize, min-max or none; fitted on
                    the training part (default scale-255 for fashion-mnist and
                    IDX directories, none otherwise)
  --label-column C  CSV: the label column (name or index)
  --data-seed S     seed of the synthetic data and the split (default 0)

Training:
  --epochs N        epochs (required for a new run; with --resume: train on
                    to N epochs)
  --optimizer O     adam (default) or sgd
  --lr X            learning rate (default 1e-3 for adam, 1e-2 for sgd)
  --momentum M      sgd momentum (default 0)
  --weight-decay L  L2 weight decay on dense and conv kernels (default 0)
  --batch N         samples per step (default 128)
  --loss L          cross-entropy (default) or mse (on one-hot targets)
  --seed S          seed of the initialisation, shuffling and dropout (default 0)
  --every F         record every F of an epoch, 0 < F <= 1 (default 1)
  --train-eval N    training samples the train metrics use (default 10000;
                    0: all)

Monitor (topology of the neurons while training; see 'nettopo neurons'):
  --monitor neurons[:KEY=VALUE,...]
                    before training and every 'every' epochs, the activations
                    of fixed training samples are read and the bootstrapped
                    persistent homology of the neurons is computed in worker
                    threads while training goes on; one JSON line per
                    snapshot is appended to RUN_DIR/topology.jsonl. Keys:
                    every=E (epochs between snapshots, fractions allowed;
                    default 1), neurons=N|all (per repeat; default 500),
                    samples=M|all (the fixed inputs; default 1000),
                    bootstrap=B (default 4), layers=A+B (default every hidden
                    activation layer), sampling=uniform|per-layer|importance,
                    metric=abs-correlation|sqrt-abs-correlation|correlation,
                    dim=K (default 1), threshold=T, precision=float32|float64,
                    seed=S (default 0). At most one snapshot computes and one
                    waits; when another is due, training waits for the first.
                    --resume reuses the run's monitor.

Output:
  --out DIR         the run directory (new or empty)
  --resume DIR      continue the run in DIR
  --quiet           no progress on stderr
  -h, --help        show this help

Progress goes to stderr: a line per record ("epoch 3/20 train loss ... acc
... test loss ... acc ... gap ..."), and on a terminal the step within the
epoch. At the end, stdout gets one JSON line: {"run": DIR, "epochs": N,
"resumedFrom": K, "final": RECORD}, RECORD as a metrics.jsonl line: {"kind",
"epoch", "step", "train": {"loss", "accuracy"}, "test": {...}, "gap":
{"accuracy": train - test accuracy, "loss": test - train loss}, "batch":
{...}, "seconds"}.

Exit status: 0 done, 1 bad data or a failed run, 2 bad usage, 130
interrupted (Ctrl-C; the run directory resumes from its last epoch).
`;

/** The choices of --activation and --loss (as @nettopo/nn's ACTIVATIONS and LOSSES). */
const ACTIVATIONS: readonly ActivationName[] = ["relu", "tanh", "sigmoid", "leaky-relu"];
const LOSSES: readonly LossName[] = ["cross-entropy", "mse"];

const OPTIONS = {
  arch: { type: "string" },
  activation: { type: "string" },
  "batch-norm": { type: "boolean" },
  dropout: { type: "string" },
  dataset: { type: "string" },
  count: { type: "string" },
  noise: { type: "string" },
  "test-fraction": { type: "string" },
  limit: { type: "string" },
  normalize: { type: "string" },
  "label-column": { type: "string" },
  "data-seed": { type: "string" },
  epochs: { type: "string" },
  optimizer: { type: "string" },
  lr: { type: "string" },
  momentum: { type: "string" },
  "weight-decay": { type: "string" },
  batch: { type: "string" },
  loss: { type: "string" },
  seed: { type: "string" },
  every: { type: "string" },
  "train-eval": { type: "string" },
  monitor: { type: "string" },
  out: { type: "string" },
  resume: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parsed arguments of `nettopo train`. */
export type TrainCommand =
  | {
      readonly kind: "new";
      readonly out: string;
      readonly config: RunConfig;
      readonly quiet: boolean;
    }
  | {
      readonly kind: "resume";
      readonly directory: string;
      readonly epochs: number | undefined;
      readonly quiet: boolean;
    };

/**
 * Parses the arguments of `nettopo train` (strictly).
 * @returns The command, or `"help"`.
 * @throws UsageError for anything wrong in the arguments.
 */
export function parseTrainArguments(args: readonly string[]): TrainCommand | "help" {
  const { values, positionals } = parseCommandArgs("train", args, OPTIONS);
  if (values.help) return "help";
  if (positionals.length > 0) {
    throw new UsageError(
      `train takes no positional arguments; got ${positionals.map((p) => JSON.stringify(p)).join(" ")} (run 'nettopo train --help')`,
    );
  }
  const quiet = values.quiet === true;
  const epochs =
    values.epochs === undefined ? undefined : integerFlag("--epochs", values.epochs, 1);
  if (values.resume !== undefined) {
    const others = Object.keys(values).filter((k) => !["resume", "epochs", "quiet"].includes(k));
    if (others.length > 0) {
      throw new UsageError(
        `--resume continues a run with the settings in its config.json; it takes only --epochs and --quiet, not --${others[0]}`,
      );
    }
    if (values.resume === "") throw new UsageError("--resume needs a run directory");
    return { kind: "resume", directory: values.resume, epochs, quiet };
  }
  for (const [flag, value] of [
    ["--arch", values.arch],
    ["--dataset", values.dataset],
    ["--out", values.out],
  ] as const) {
    if (value === undefined || value === "") {
      throw new UsageError(
        `train needs ${flag} (e.g. nettopo train --arch 4-64-64-2 --dataset ball4 --epochs 20 --out runs/d4), or --resume RUN_DIR`,
      );
    }
  }
  if (epochs === undefined) throw new UsageError("train needs --epochs N for a new run");

  const number = (flag: string, value: string | undefined) =>
    value === undefined ? undefined : numberFlag(flag, value);
  const integer = (flag: string, value: string | undefined, min = 0) =>
    value === undefined ? undefined : integerFlag(flag, value, min);
  const fraction = (flag: string, value: string | undefined, closed: boolean) => {
    const f = number(flag, value);
    if (f !== undefined && !(f > 0 && (closed ? f <= 1 : f < 1))) {
      throw new UsageError(`${flag} ${value} must be in (0, 1${closed ? "]" : ")"}`);
    }
    return f;
  };
  const dropout = number("--dropout", values.dropout);
  if (dropout !== undefined && dropout >= 1) {
    throw new UsageError(`--dropout ${values.dropout} must be in [0, 1)`);
  }
  const lr = number("--lr", values.lr);
  if (lr === 0) throw new UsageError("--lr must be > 0");
  const labelColumn = values["label-column"];
  const data: DataConfig = stripUndefined({
    dataset: values.dataset!,
    count: integer("--count", values.count, 2),
    noise: number("--noise", values.noise),
    testFraction: fraction("--test-fraction", values["test-fraction"], false),
    limit: integer("--limit", values.limit, 1),
    normalize: oneOf("--normalize", values.normalize, [
      "scale-255",
      "standardize",
      "min-max",
      "none",
    ] as const),
    labelColumn:
      labelColumn === undefined
        ? undefined
        : /^-?\d+$/.test(labelColumn)
          ? Number(labelColumn)
          : labelColumn,
    seed: integer("--data-seed", values["data-seed"]),
  });
  const optimizerName = oneOf("--optimizer", values.optimizer, ["adam", "sgd"] as const);
  const momentum = number("--momentum", values.momentum);
  if (momentum !== undefined && momentum >= 1)
    throw new UsageError(`--momentum ${values.momentum} must be in [0, 1)`);
  if (momentum !== undefined && momentum > 0 && optimizerName !== "sgd") {
    throw new UsageError("--momentum applies to --optimizer sgd");
  }
  const config: RunConfig = stripUndefined({
    arch: values.arch!,
    data,
    epochs,
    batchSize: integer("--batch", values.batch, 1),
    optimizer: stripUndefined({
      name: optimizerName,
      learningRate: lr,
      momentum,
      weightDecay: number("--weight-decay", values["weight-decay"]),
    }),
    loss: oneOf("--loss", values.loss, LOSSES) as LossName | undefined,
    seed: integer("--seed", values.seed),
    every: fraction("--every", values.every, true),
    trainEvaluationSize: integer("--train-eval", values["train-eval"]),
    activation: oneOf("--activation", values.activation, ACTIVATIONS) as ActivationName | undefined,
    batchNorm: values["batch-norm"] === true ? true : undefined,
    dropout,
    monitor: values.monitor === undefined ? undefined : parseMonitorFlag(values.monitor),
  });
  return { kind: "new", out: values.out!, config, quiet };
}

/**
 * Runs `nettopo train`: a new run or a resumed one, with progress on stderr
 * and a JSON summary on stdout. Ctrl-C stops between steps (exit 130; the
 * directory resumes from its last checkpoint).
 *
 * @returns The exit code.
 */
export async function runTrain(args: readonly string[]): Promise<number> {
  const command = parseTrainArguments(args);
  if (command === "help") {
    process.stdout.write(TRAIN_USAGE);
    return 0;
  }
  const { parseArchitecture, resumeRun, trainRun } = await import("@nettopo/nn");
  if (command.kind === "new") {
    try {
      parseArchitecture(command.config.arch);
    } catch (error) {
      throw new UsageError(`--arch: ${(error as Error).message}`);
    }
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  const reporter = new TrainProgress(command.quiet);
  const directory = command.kind === "new" ? command.out : command.directory;
  try {
    const options = {
      signal: controller.signal,
      onStep: (p: StepProgress) => reporter.step(p),
      onRecord: (r: TrainingRecord) => reporter.record(r),
      onSnapshot: (r: TopologyRecord, queued: number) => reporter.snapshot(r, queued),
    };
    let result: RunResult;
    try {
      if (command.kind === "new") {
        reporter.epochs = command.config.epochs;
        result = await trainRun(command.out, command.config, options);
      } else {
        reporter.epochs = command.epochs;
        result = await resumeRun(command.directory, {
          ...options,
          ...(command.epochs === undefined ? {} : { epochs: command.epochs }),
        });
      }
    } catch (error) {
      throw asIoError(error, directory);
    } finally {
      reporter.end();
    }
    if (result.interrupted) {
      writeSync(
        2,
        `nettopo: interrupted (SIGINT) after ${result.epochs} complete epochs; continue with: nettopo train --resume ${directory}\n`,
      );
      return 130;
    }
    const final = result.records.at(-1);
    process.stdout.write(
      `${JSON.stringify({ run: directory, epochs: result.epochs, resumedFrom: result.resumedFrom, final })}\n`,
    );
    return 0;
  } finally {
    process.off("SIGINT", onSigint);
  }
}

/** A file-system error on the run directory as a one-line IoError. */
function asIoError(error: unknown, directory: string): unknown {
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code === "string" && /^E[A-Z]+$/.test(e.code) && !(error instanceof RangeError)) {
    const action = e.syscall === "open" && e.code === "ENOENT" ? "read" : "write";
    return new IoError(action, e.path ?? directory, error);
  }
  return error;
}

/** Progress on stderr: a line per record; the step on a terminal. */
class TrainProgress {
  epochs: number | undefined;
  private readonly tty = process.stderr.isTTY === true;
  private shown = false;
  private last = 0;

  constructor(private readonly quiet: boolean) {}

  step(p: StepProgress): void {
    if (this.quiet || !this.tty) return;
    const now = Date.now();
    if (now - this.last < 100 && p.stepInEpoch !== p.stepsPerEpoch) return;
    this.last = now;
    process.stderr.write(
      `\r\x1b[Knettopo: epoch ${p.epoch}${this.total()} step ${p.stepInEpoch}/${p.stepsPerEpoch} loss ${p.loss.toFixed(4)}`,
    );
    this.shown = true;
  }

  record(r: TrainingRecord): void {
    if (this.quiet) return;
    this.clear();
    const epoch = r.kind === "step" ? r.epoch.toFixed(2) : String(Math.round(r.epoch));
    const metrics = (m: { loss: number; accuracy: number }) =>
      `loss ${m.loss.toFixed(4)} acc ${m.accuracy.toFixed(4)}`;
    process.stderr.write(
      `nettopo: epoch ${epoch}${this.total()}  train ${metrics(r.train)}  test ${metrics(r.test)}  gap ${r.gap.accuracy.toFixed(4)}  ${r.seconds.toFixed(1)} s\n`,
    );
  }

  /** A line per monitor snapshot: bars per dimension (mean ± std over the repeats). */
  snapshot(r: TopologyRecord, queued: number): void {
    if (this.quiet) return;
    this.clear();
    const epoch = Number.isInteger(r.epoch) ? String(r.epoch) : r.epoch.toFixed(2);
    const bars = Array.from({ length: r.parameters.dim + 1 }, (_, dim) => {
      const count = r.summary.features[`h${dim}.count`];
      return `H${dim} ${count?.mean?.toFixed(1) ?? "?"}±${count?.std?.toFixed(1) ?? "?"}`;
    }).join("  ");
    process.stderr.write(
      `nettopo: topology epoch ${epoch}${this.total()}  bars ${bars}  (${r.repeats.length} repeats, ${r.seconds.toFixed(1)} s${queued > 0 ? `, ${queued} queued` : ""})
`,
    );
  }

  end(): void {
    this.clear();
  }

  private total(): string {
    return this.epochs === undefined ? "" : `/${this.epochs}`;
  }

  private clear(): void {
    if (this.shown) process.stderr.write("\r\x1b[K");
    this.shown = false;
  }
}

/** The object without its undefined fields (options must be absent, not undefined). */
function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
