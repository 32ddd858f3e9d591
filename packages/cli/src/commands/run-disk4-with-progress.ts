import { join } from "node:path";
// Types only: @nettopo/nn loads TF.js, imported when the experiment starts.
import type {
  Disk4ExperimentResult,
  StepProgress,
  TopologyRecord,
  TrainingRecord,
} from "@nettopo/nn";
import { writeReport } from "../report/write-report.js";

/** Settings of {@link runDisk4WithProgress}. */
export interface Disk4CommandSettings {
  readonly preset: "full" | "quick" | "demo";
  /** Epochs per network; default the preset's. */
  readonly epochs: number | undefined;
  readonly seed: number;
  /** No progress on stderr. */
  readonly quiet: boolean;
}

/** What a finished experiment left: its result and the report written beside the runs. */
export interface Disk4Outcome {
  readonly result: Disk4ExperimentResult;
  /** DIR/report.html. */
  readonly report: string;
}

/**
 * Runs the disk4 experiment into `out` (nn's `runDisk4Experiment`) with a
 * line on stderr per run, epoch and snapshot (and a live step counter on a
 * terminal), then writes the report of its runs to `out/report.html`: the
 * shared body of `nettopo experiment disk4` and `nettopo demo`. Ctrl-C stops
 * the run under way and leaves the run directories resumable.
 *
 * @returns The outcome, or `"interrupted"` after Ctrl-C.
 */
export async function runDisk4WithProgress(
  out: string,
  settings: Disk4CommandSettings,
): Promise<Disk4Outcome | "interrupted"> {
  const { runDisk4Experiment } = await import("@nettopo/nn");
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  const say = (line: string) => {
    if (!settings.quiet) process.stderr.write(`nettopo: ${line}\n`);
  };
  let lastStep = 0;
  const tty = process.stderr.isTTY === true && !settings.quiet;
  try {
    const result = await runDisk4Experiment(out, {
      preset: settings.preset,
      ...(settings.epochs === undefined ? {} : { epochs: settings.epochs }),
      seed: settings.seed,
      signal: controller.signal,
      onRun: (arch, directory, state) =>
        say(
          `${arch}: ${state === "done" ? "finished already in" : state === "resumed" ? "resuming" : "training into"} ${directory}`,
        ),
      onStep: (arch: string, p: StepProgress) => {
        if (!tty || Date.now() - lastStep < 200) return;
        lastStep = Date.now();
        process.stderr.write(
          `\r\x1b[Knettopo: ${arch} epoch ${p.epoch} step ${p.stepInEpoch}/${p.stepsPerEpoch}`,
        );
      },
      onRecord: (arch: string, r: TrainingRecord) => {
        if (tty) process.stderr.write("\r\x1b[K");
        say(
          `${arch} epoch ${Math.round(r.epoch)}  test acc ${r.test.accuracy.toFixed(4)}  gap ${r.gap.accuracy.toFixed(4)}  ${r.seconds.toFixed(1)} s`,
        );
      },
      onSnapshot: (arch: string, r: TopologyRecord, queued: number) => {
        if (tty) process.stderr.write("\r\x1b[K");
        const bars = Array.from({ length: r.parameters.dim + 1 }, (_, d) => {
          const f = r.summary.features[`h${d}.count`];
          return `H${d} ${f?.mean?.toFixed(1) ?? "?"}`;
        }).join(" ");
        say(
          `${arch} topology epoch ${Number(r.epoch.toFixed(2))}  bars ${bars}  (${r.seconds.toFixed(1)} s${queued > 0 ? `, ${queued} queued` : ""})`,
        );
      },
    });
    if (result.interrupted) return "interrupted";
    const report = join(out, "report.html");
    await writeReport(
      result.runs.map((run) => run.directory),
      report,
      { title: `disk4 experiment (${settings.preset})` },
    );
    return { result, report };
  } finally {
    process.off("SIGINT", onSigint);
  }
}
