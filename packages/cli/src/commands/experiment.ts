import { writeSync } from "node:fs";
import { join } from "node:path";
// Types only: @nettopo/nn loads TF.js, imported when the experiment starts.
import type { Disk4ExperimentResult, Disk4Run } from "@nettopo/nn";
import { integerFlag, parseCommandArgs } from "../flags.js";
import { UsageError } from "../usage-error.js";
import { runDisk4WithProgress } from "./run-disk4-with-progress.js";

/** The help text of `nettopo experiment`. */
export const EXPERIMENT_USAGE = `Usage: nettopo experiment disk4 [--out DIR] [--epochs N] [--seed S] [--quick]

The seed experiment of neuron topology. disk4 trains four ReLU MLPs with
softmax, 4-64-64-2, 4-128-128-2, 4-128-128-128-2 and 4-512-512-2, to tell
whether a point of [0,1]^4 lies in the ball D^4 (10000 points, 80/20 split,
Adam 1e-3, batch 128), each into a run directory DIR/SPEC with the neuron
monitor (nettopo train --monitor): before training and after every epoch,
the persistent homology (H0, H1, H2) of 1-|corr| of 100 neurons sampled from
all hidden layers, over 1000 fixed training inputs, B = 4 repeats. It prints
how H0/H1/H2 evolve (finite bars and total persistence, mean ± std over the
repeats, at the start, the middle and the end) with the final test accuracy
and generalization gap, and writes DIR/report.html (nettopo report of the
four runs: curves, Betti curves per epoch, diagrams, features with bands).

A network whose directory holds a finished run is read; an unfinished one
(Ctrl-C) is resumed: run the same command again to continue.

Options:
  --out DIR         where the runs go (default runs/disk4, or runs/disk4-quick)
  --epochs N        epochs per network (default 20; --quick 6)
  --seed S          seed of the initialisations, shuffling and monitor
                    (default 0; the data's seed is 0)
  --quick           6 epochs, 60 neurons, 500 inputs, B = 2
  --quiet           no progress on stderr
  -h, --help        show this help

Progress (stderr): a line per epoch and per snapshot. Output (stdout): the
table, then where the report is.

Exit status: 0 done, 1 a failed run, 2 bad usage, 130 interrupted (Ctrl-C).
`;

const OPTIONS = {
  out: { type: "string" },
  epochs: { type: "string" },
  seed: { type: "string" },
  quick: { type: "boolean" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parsed arguments of `nettopo experiment`. */
export interface ExperimentCommand {
  readonly name: "disk4";
  readonly out: string;
  readonly epochs: number | undefined;
  readonly seed: number;
  readonly quick: boolean;
  readonly quiet: boolean;
}

/**
 * Parses the arguments of `nettopo experiment` (strictly).
 * @returns The command, or `"help"`.
 * @throws UsageError for anything wrong in the arguments.
 */
export function parseExperimentArguments(args: readonly string[]): ExperimentCommand | "help" {
  const { values, positionals } = parseCommandArgs("experiment", args, OPTIONS);
  if (values.help) return "help";
  if (positionals.length !== 1 || positionals[0] !== "disk4") {
    throw new UsageError(
      positionals.length === 0
        ? "experiment needs a name: disk4 (run 'nettopo experiment --help')"
        : `unknown experiment ${positionals.map((p) => JSON.stringify(p)).join(" ")}; expected disk4`,
    );
  }
  const quick = values.quick === true;
  if (values.out === "") throw new UsageError("--out needs a directory");
  let seed = 0;
  if (values.seed !== undefined) {
    seed = /^-?\d+$/.test(values.seed) ? Number(values.seed) : Number.NaN;
    if (!Number.isSafeInteger(seed)) {
      throw new UsageError(
        `--seed ${JSON.stringify(values.seed)} is not an integer; expected e.g. --seed 1`,
      );
    }
  }
  return {
    name: "disk4",
    out: values.out ?? (quick ? join("runs", "disk4-quick") : join("runs", "disk4")),
    epochs: values.epochs === undefined ? undefined : integerFlag("--epochs", values.epochs, 1),
    seed,
    quick,
    quiet: values.quiet === true,
  };
}

/**
 * Runs `nettopo experiment disk4`: the runs (progress on stderr), the table
 * and the report (written beside the runs; its path on stdout). Ctrl-C stops the run under way (exit 130;
 * the same command continues it).
 *
 * @returns The exit code.
 */
export async function runExperiment(args: readonly string[]): Promise<number> {
  const command = parseExperimentArguments(args);
  if (command === "help") {
    process.stdout.write(EXPERIMENT_USAGE);
    return 0;
  }
  const outcome = await runDisk4WithProgress(command.out, {
    preset: command.quick ? "quick" : "full",
    epochs: command.epochs,
    seed: command.seed,
    quiet: command.quiet,
  });
  if (outcome === "interrupted") {
    writeSync(
      2,
      `nettopo: interrupted (SIGINT); continue with: nettopo experiment disk4${command.quick ? " --quick" : ""} --out ${command.out}\n`,
    );
    return 130;
  }
  process.stdout.write(formatDisk4Table(outcome.result));
  process.stdout.write(`\nReport: ${outcome.report} (open it in a browser; it works offline)\n`);
  return 0;
}

/** The table of the experiment: per network and dimension, bars and total persistence at the chosen epochs. */
export function formatDisk4Table(result: Disk4ExperimentResult): string {
  const { settings } = result;
  const m = settings.monitor;
  const lines = [
    `disk4: ${result.runs.length} networks, ${settings.epochs} epochs, ${settings.count} points, seed ${settings.seed}; H0-H${m.dim ?? 1} of ${m.neurons ?? 500} neurons over ${m.samples ?? 1000} inputs, B = ${m.bootstrap ?? 4} (mean ± std over the repeats)`,
    "",
  ];
  const pm = (x: { mean: number; std: number }, digits: number) =>
    `${x.mean.toFixed(digits)}±${x.std.toFixed(digits)}`;
  const epochs = result.runs[0]?.evolution.map((p) => formatEpoch(p.epoch)) ?? [];
  const header = [
    "network",
    "test acc",
    "gap",
    "time",
    "H",
    ...epochs.map((e) => `bars @${e}`),
    ...epochs.map((e) => `total pers. @${e}`),
  ];
  const rows: string[][] = [];
  for (const run of result.runs) {
    const dims = run.evolution[0]?.dimensions.length ?? 0;
    for (let d = 0; d < dims; d++) {
      rows.push([
        d === 0 ? run.architecture : "",
        d === 0 ? run.test.accuracy.toFixed(4) : "",
        d === 0 ? run.gapAccuracy.toFixed(4) : "",
        d === 0 ? secondsOf(run) : "",
        `H${d}`,
        ...run.evolution.map((p) => pm(p.dimensions[d]!.bars, 1)),
        ...run.evolution.map((p) => pm(p.dimensions[d]!.totalPersistence, 2)),
      ]);
    }
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd();
  lines.push(line(header), ...rows.map(line));
  return `${lines.join("\n")}\n`;
}

function formatEpoch(epoch: number): string {
  return Number.isInteger(epoch) ? String(epoch) : epoch.toFixed(2);
}

function secondsOf(run: Disk4Run): string {
  return run.seconds === 0 ? "(done)" : `${run.seconds.toFixed(0)} s`;
}
