import { Script } from "node:vm";

/** What {@link runInterruptibly} gives back. */
export type Interruptible<T> =
  | { readonly interrupted: false; readonly value: T }
  | { readonly interrupted: true };

/** Where the script below finds the function to run (a registered symbol: no name clash). */
const SLOT = Symbol.for("nettopo.runInterruptibly");

let script: Script | undefined;

/**
 * Runs synchronous work on this thread so that Ctrl-C stops it at once: a
 * SIGINT during the call ends it (no `finally` of the work runs) and the
 * result says it was interrupted. Outside the call, SIGINT goes to the
 * process's handlers as usual.
 *
 * It uses Node's `breakOnSigint` of `vm` (the REPL's mechanism: a watchdog
 * thread turns the signal into a termination of the running script), which
 * costs nothing, where a worker thread would cost about 12 MB of memory and a
 * copy or transfer of the input. The script only calls `work`, handed over
 * through a global slot that is cleared afterwards.
 *
 * @param work - The work; its exceptions propagate unchanged.
 * @returns Its value, or `{ interrupted: true }` after a SIGINT.
 */
export function runInterruptibly<T>(work: () => T): Interruptible<T> {
  script ??= new Script(`globalThis[Symbol.for(${JSON.stringify(SLOT.description)})]()`, {
    filename: "nettopo-interruptible.js",
  });
  const slots = globalThis as unknown as Record<symbol, unknown>;
  const previous = slots[SLOT];
  slots[SLOT] = work;
  try {
    return {
      interrupted: false,
      value: script.runInThisContext({ breakOnSigint: true, displayErrors: false }) as T,
    };
  } catch (error) {
    if ((error as { code?: unknown })?.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED") {
      return { interrupted: true };
    }
    throw error;
  } finally {
    if (previous === undefined) delete slots[SLOT];
    else slots[SLOT] = previous;
  }
}
