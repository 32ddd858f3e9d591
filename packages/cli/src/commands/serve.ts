import { integerFlag, parseCommandArgs } from "../flags.js";
import { startReportServer } from "../serve/report-server.js";
import { UsageError } from "../usage-error.js";

/** The help text of `nettopo serve`. */
export const SERVE_USAGE = `Usage: nettopo serve RUN_DIR... [--port P] [--host H] [--title T]

Serves the live run dashboard: the report page of 'nettopo report' for run
directories, updated while 'nettopo train --monitor ...' writes them (new
lines of metrics.jsonl and topology.jsonl are streamed to the page with
server-sent events). Serves only the app and the named run directories,
read-only. Ctrl-C stops it.

Options:
  --port P     the port (default 8321; 0 picks a free one)
  --host H     the interface to bind (default 127.0.0.1: this machine only;
               0.0.0.0 opens it to the network)
  --title T    the page's title (default "Training runs")
  -h, --help   show this help

Prints the URL on stderr. Exit status: 0 stopped, 1 bad run directory or
port in use, 2 bad usage.
`;

const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  title: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Runs `nettopo serve` until SIGINT or SIGTERM.
 * @returns The exit code.
 * @throws UsageError, RangeError (a bad run directory), or the listen error.
 */
export async function runServe(args: readonly string[]): Promise<number> {
  const { values: v, positionals } = parseCommandArgs("serve", args, OPTIONS);
  if (v.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    throw new UsageError("expected at least one RUN_DIR (a directory made by nettopo train)");
  }
  const port = v.port === undefined ? 8321 : integerFlag("--port", v.port, 0);
  if (port > 65535) throw new UsageError(`--port ${port} is not a port; expected 0 to 65535`);
  let server: Awaited<ReturnType<typeof startReportServer>>;
  try {
    server = await startReportServer({
      directories: positionals,
      port,
      host: v.host ?? "127.0.0.1",
      ...(v.title === undefined ? {} : { title: v.title }),
      onWarning: (message) => process.stderr.write(`nettopo: warning: ${message}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new RangeError(`port ${port} is in use; pick another with --port (0: any free port)`);
    }
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
      throw new RangeError(`cannot bind --host ${JSON.stringify(v.host)}: no such interface here`);
    }
    throw error;
  }
  process.stderr.write(
    `nettopo: serving ${positionals.length} run${positionals.length === 1 ? "" : "s"} at ${server.url} (Ctrl-C to stop)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await server.close();
  process.stderr.write("nettopo: stopped\n");
  return 0;
}
