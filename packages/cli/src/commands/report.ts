import { parseCommandArgs } from "../flags.js";
import { writeReport } from "../report/write-report.js";
import { UsageError } from "../usage-error.js";

/** The help text of `nettopo report`. */
export const REPORT_USAGE = `Usage: nettopo report RUN_DIR... --out report.html [--figures DIR] [--title T]

Writes one self-contained HTML report of training runs (directories made by
'nettopo train'): a table of the runs (architecture, data, epochs, final
train and test accuracy, gap); accuracy, loss and generalization gap over
epochs, runs overlaid in one colour each; and, for runs with a
topology.jsonl (nettopo train --monitor neurons), the neurons' Betti curves
per epoch with their bootstrap bands, the diagram and barcode of any epoch
(a slider), and topological features over epochs with bootstrap bands, runs
compared on the same axes. A run without topology.jsonl gets its training
curves and a note. The file opens offline from disk (no network).

Options:
  --out FILE      the HTML file to write (required)
  --figures DIR   also write every figure as DIR/NAME.svg and DIR/NAME.png
                  (accuracy, loss, gap, RUN-betti-hK, RUN-diagram-epoch-E,
                  RUN-barcode-epoch-E, feature-hK.NAME)
  --title T       the report's title (default "Training report")
  -h, --help      show this help

Exit status: 0 done, 1 bad input data, 2 bad usage.
`;

const OPTIONS = {
  out: { type: "string" },
  figures: { type: "string" },
  title: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Runs `nettopo report`.
 * @returns The exit code.
 * @throws UsageError, RangeError (a bad run directory or damaged line) and
 *   IoError, for the caller to report in one line.
 */
export async function runReport(args: readonly string[]): Promise<number> {
  const { values: v, positionals } = parseCommandArgs("report", args, OPTIONS);
  if (v.help) {
    process.stdout.write(REPORT_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    throw new UsageError("expected at least one RUN_DIR (a directory made by nettopo train)");
  }
  if (v.out === undefined) {
    throw new UsageError("--out FILE.html is required (the report to write)");
  }
  const written = await writeReport(positionals, v.out, {
    ...(v.title === undefined ? {} : { title: v.title }),
    figures: v.figures,
  });
  process.stderr.write(
    `nettopo: wrote ${v.out} (${written.runs} run${written.runs === 1 ? "" : "s"}, ${written.withTopology} with neuron topology)\n`,
  );
  if (v.figures !== undefined) {
    process.stderr.write(
      `nettopo: wrote ${written.figures} figures as SVG and PNG in ${v.figures}\n`,
    );
  }
  return 0;
}
