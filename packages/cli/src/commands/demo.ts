import { writeSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseCommandArgs } from "../flags.js";
import { UsageError } from "../usage-error.js";
import { formatDisk4Table } from "./experiment.js";
import { runDisk4WithProgress } from "./run-disk4-with-progress.js";

/** The help text of `nettopo demo`. */
export const DEMO_USAGE = `Usage: nettopo demo [--out DIR] [--quiet]

A small version of the disk4 experiment (nettopo experiment disk4), on
built-in data, nothing downloaded: trains the ReLU MLP 4-64-64-2 for 12
epochs to tell whether a point of [0,1]^4 lies in the ball D^4, and every
half epoch computes the persistent homology (H0, H1, H2) of its neurons
(1-|corr| of 60 sampled neurons over 500 fixed inputs, 4 bootstrap repeats)
in worker threads while it trains. Then it writes DIR/report.html and says
what it shows. About 20-60 s on two cores.

Options:
  --out DIR     where the run and the report go (default nettopo-demo); a
                finished run there is read again, an interrupted one resumed
  --quiet       no progress on stderr
  -h, --help    show this help

Exit status: 0 done, 1 a failed run, 2 bad usage, 130 interrupted (Ctrl-C).
`;

const OPTIONS = {
  out: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Runs `nettopo demo`: the demo preset of the disk4 experiment, its report,
 * and a few lines on what the report shows.
 *
 * @returns The exit code.
 */
export async function runDemo(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("demo", args, OPTIONS);
  if (values.help) {
    process.stdout.write(DEMO_USAGE);
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(`demo takes no arguments; got ${positionals.join(" ")}`);
  }
  if (values.out === "") throw new UsageError("--out needs a directory");
  const out = values.out ?? "nettopo-demo";
  const started = Date.now();
  const outcome = await runDisk4WithProgress(out, {
    preset: "demo",
    epochs: undefined,
    seed: 0,
    quiet: values.quiet === true,
  });
  if (outcome === "interrupted") {
    writeSync(2, `nettopo: interrupted (SIGINT); run the same command again to continue\n`);
    return 130;
  }
  const run = outcome.result.runs[0]!;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `${formatDisk4Table(outcome.result)}
The network learned D^4 to ${(100 * run.test.accuracy).toFixed(1)}% test accuracy in ${seconds} s.

Report: ${pathToFileURL(resolve(outcome.report)).href}
Open it in a browser (it works offline). It shows:
  - accuracy, loss and the generalization gap over the epochs;
  - the Betti curves of the neurons at every snapshot, coloured by epoch,
    with their bootstrap bands: how the functional topology of the network
    forms as it learns (Corneanu et al. 2019; Ballester et al. 2024);
  - the persistence diagram and barcode of any snapshot (the epoch slider);
  - topological features over training (bars, total persistence,
    entropy per dimension) with bands over the bootstrap repeats.
Next: nettopo experiment disk4 (four architectures), nettopo serve ${out}
(the live dashboard), nettopo --help.
`,
  );
  return 0;
}
