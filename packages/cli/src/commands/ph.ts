import { writeSync } from "node:fs";
import { diagramToJSON, formatRipserBarcodes } from "@nettopo/core";
import { integerFlag, numberFlag, oneOf, parseCommandArgs } from "../flags.js";
import type { ParsedInput } from "../readers/parsed-input.js";
import {
  INPUT_FORMATS,
  type InputData,
  type InputFormat,
  readInput,
} from "../readers/read-input.js";
import { UsageError } from "../usage-error.js";
import { writeOutput } from "../write-output.js";
import {
  CORRELATION_METRICS,
  type MetricName,
  type PhJob,
  type PhSettings,
  POINT_METRICS,
  runPhJob,
  vertexCountOf,
} from "./ph-job.js";
import { type Interruptible, runInterruptibly } from "./run-interruptibly.js";

/** The help text of `nettopo ph`. */
export const PH_USAGE = `Usage: nettopo ph [options] INPUT

Vietoris-Rips persistent homology of INPUT (a file, or - for standard input),
the same barcodes as Ripser 1.2.1.

Input:
  --input FORMAT    how to read INPUT: lower-distance, upper-distance, distance
                    (full matrix), point-cloud, sparse (lines "i j value"), npy,
                    csv. Default: a .npy file is an n x d point cloud (n x n
                    distances with --input distance), a .csv file a point cloud
                    (a header row of names is skipped), other text lower-distance.
                    Text values are separated by whitespace and commas.
  --metric NAME     for point clouds: euclidean (default), manhattan, cosine,
                    chebyshev; for samples x neurons matrices (rows are samples,
                    columns neurons): correlation (1-corr), abs-correlation
                    (1-|corr|), sqrt-abs-correlation (sqrt(1-|corr|))

Computation:
  --dim K           compute homology in dimensions 0..K (default 1)
  --threshold T     only simplices of diameter <= T (default: none)
  --modulus P       coefficients in Z/P, P a prime (default 2)
  --cocycles        representative cocycles of the pairs in dimensions >= 1
                    (JSON output only)
  --precision P     float32 (default, as Ripser) or float64 distances

Output:
  --format F        json (default): {"diagrams":[{"dim":0,"pairs":[[b,d],...]},...]}
                    with an infinite death as null, and with --cocycles one
                    list of rows [v_k,...,v_0,coefficient] per pair;
                    text: Ripser's barcode lines ("persistence intervals in
                    dim k:", then " [b,d)" per bar, " [b, )" if essential)
  --output FILE     write to FILE (replaced atomically) instead of stdout
  --progress        report progress on stderr
  -h, --help        show this help

Exit status: 0 done, 1 bad input data, 2 bad usage, 130 interrupted (Ctrl-C).
`;

const OPTIONS = {
  input: { type: "string" },
  metric: { type: "string" },
  dim: { type: "string" },
  threshold: { type: "string" },
  modulus: { type: "string" },
  cocycles: { type: "boolean" },
  precision: { type: "string" },
  format: { type: "string" },
  output: { type: "string" },
  progress: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** The largest modulus the core accepts. */
const MAX_MODULUS = 65521;

/** Parsed options of `nettopo ph`. */
export interface PhCommand extends PhSettings {
  readonly inputPath: string;
  readonly inputFormat: InputFormat | undefined;
  readonly format: "json" | "text";
  readonly output: string | undefined;
  readonly progress: boolean;
}

/**
 * Parses the arguments of `nettopo ph` (strictly: unknown flags are errors).
 * @returns The command, or `"help"` when help was asked for.
 * @throws UsageError for anything wrong in the arguments.
 */
export function parsePhArguments(args: readonly string[]): PhCommand | "help" {
  const { values, positionals } = parseCommandArgs("ph", args, OPTIONS);
  if (values.help) return "help";
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "ph needs an INPUT file (or - for standard input); run 'nettopo ph --help' for usage"
        : `ph takes one INPUT; got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`,
    );
  }
  const inputFormat = oneOf("--input", values.input, INPUT_FORMATS);
  const metricNames = [...POINT_METRICS, ...Object.keys(CORRELATION_METRICS)] as MetricName[];
  const metric = oneOf("--metric", values.metric, metricNames);
  const format = oneOf("--format", values.format, ["json", "text"] as const) ?? "json";
  const precision =
    oneOf("--precision", values.precision, ["float32", "float64"] as const) ?? "float32";
  const maxDim = values.dim === undefined ? 1 : integerFlag("--dim", values.dim);
  const modulus = values.modulus === undefined ? 2 : integerFlag("--modulus", values.modulus);
  if (!isPrime(modulus) || modulus > MAX_MODULUS) {
    throw new UsageError(
      `--modulus ${values.modulus} is not a prime up to ${MAX_MODULUS}; expected a prime such as 2, 3, 5 or 7`,
    );
  }
  const threshold =
    values.threshold === undefined
      ? Number.POSITIVE_INFINITY
      : numberFlag("--threshold", values.threshold, { allowInfinity: true });
  const cocycles = values.cocycles === true;
  if (cocycles && format === "text") {
    throw new UsageError(
      "--cocycles needs --format json (the text format is Ripser's barcode lines, without cocycles)",
    );
  }
  if (values.output === "") throw new UsageError("--output needs a file name");
  return {
    inputPath: positionals[0]!,
    inputFormat,
    metric,
    maxDim,
    threshold,
    modulus,
    cocycles,
    precision,
    format,
    output: values.output,
    progress: values.progress === true,
  };
}

/**
 * Runs `nettopo ph`: reads INPUT, computes its diagram and prints it. The
 * reading and the computation run synchronously on this thread (a file is
 * streamed into the result, nothing is copied to another thread); Ctrl-C
 * stops them at once (exit 130, nothing written).
 *
 * @returns The exit code.
 * @throws UsageError, TypeError / RangeError (bad data) and system errors, for
 *   the caller to report in one line.
 */
export async function runPh(args: readonly string[]): Promise<number> {
  const command = parsePhArguments(args);
  if (command === "help") {
    process.stdout.write(PH_USAGE);
    return 0;
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  try {
    let data: InputData;
    let source = command.inputPath;
    if (command.inputPath === "-") {
      try {
        data = await readStandardInput(controller.signal);
      } catch (error) {
        if (controller.signal.aborted) return interrupted();
        throw error;
      }
      source = "<stdin>";
    } else {
      data = { path: command.inputPath };
    }
    if (controller.signal.aborted) return interrupted();
    const reporter = command.progress ? new ProgressReporter() : undefined;
    let run: Interruptible<string>;
    try {
      run = runInterruptibly(() => {
        const input = readInput(data, source, command.inputFormat, command.precision);
        // Standard input's chunks are not needed any more (unless the input lies in them).
        data = [];
        return computeText(command, input, source, reporter);
      });
    } finally {
      reporter?.end();
    }
    if (run.interrupted || controller.signal.aborted) return interrupted();
    await writeOutput(run.value, command.output);
    return 0;
  } finally {
    process.off("SIGINT", onSigint);
  }
}

/** Computes the diagram of the input and formats it. */
function computeText(
  command: PhCommand,
  input: ParsedInput,
  source: string,
  reporter: ProgressReporter | undefined,
): string {
  if (command.metric !== undefined && input.kind !== "matrix") {
    throw new UsageError(
      `--metric applies to point clouds and samples x neurons matrices (point-cloud, csv, npy); ${source} was read as ${input.kind === "sparse" ? "sparse distances" : "a distance matrix"}`,
    );
  }
  const job: PhJob = { ...command, input };
  const diagram = runPhJob(
    job,
    reporter ? { onProgress: (p) => reporter.report(p.stage, p.done, p.total) } : {},
  );
  return command.format === "text"
    ? formatRipserBarcodes(diagram, { vertexCount: vertexCountOf(job) })
    : `${JSON.stringify(diagramToJSON(diagram, { precision: command.precision }))}\n`;
}

function interrupted(): number {
  // Written synchronously to the descriptor: the interruption may have cut a
  // progress write to process.stderr short and left that stream stalled.
  writeSync(2, "nettopo: interrupted (SIGINT); nothing was written\n");
  return 130;
}

/**
 * Reads standard input whole, as the chunks it came in (the readers read them
 * in place: no concatenated copy); stops early when `signal` aborts.
 */
async function readStandardInput(signal: AbortSignal): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const onAbort = () => process.stdin.destroy();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  return chunks;
}

/** Progress on stderr: one updating line on a terminal, otherwise a line a second. */
class ProgressReporter {
  private last = 0;
  private readonly tty = process.stderr.isTTY === true;
  private shown = false;

  report(stage: string, done: number, total: number): void {
    const now = Date.now();
    if (now - this.last < (this.tty ? 100 : 1000) && done !== total) return;
    this.last = now;
    const percent = total > 0 ? ` (${Math.floor((100 * done) / total)}%)` : "";
    const line = `nettopo: ${stage} ${done}/${total}${percent}`;
    if (this.tty) {
      process.stderr.write(`\r\x1b[K${line}`);
      this.shown = true;
    } else {
      process.stderr.write(`${line}\n`);
    }
  }

  end(): void {
    if (this.shown) process.stderr.write("\r\x1b[K");
  }
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d += 1) if (n % d === 0) return false;
  return true;
}
