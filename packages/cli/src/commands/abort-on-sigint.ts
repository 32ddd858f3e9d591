import { writeSync } from "node:fs";

/**
 * Says that Ctrl-C stopped the command before it wrote anything, and gives
 * the exit code of an interrupted command (130). `writeSync`, so the line is
 * out before the process exits.
 */
export function interrupted(): number {
  writeSync(2, "nettopo: interrupted (SIGINT); nothing was written\n");
  return 130;
}

/**
 * Runs a command's work with a signal that Ctrl-C aborts: an error thrown
 * after the abort ends in {@link interrupted}, any other propagates. The
 * SIGINT listener is removed afterwards.
 */
export async function abortOnSigint(
  work: (signal: AbortSignal) => Promise<number>,
): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return interrupted();
    throw error;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
