import { execFile, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The `nettopo` executable of this package. */
export const BIN = fileURLToPath(new URL("../../bin/nettopo.js", import.meta.url));

/** What a run of the CLI gave. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/nettopo.js ...args` to completion, with `stdin` as its standard input. */
export function runCli(
  args: readonly string[],
  options: { stdin?: string | Uint8Array; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.stdin ?? "",
    cwd: options.cwd,
    env: { ...process.env, NETTOPO_DEBUG: "", ...options.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** {@link runCli} without blocking, so that several runs can go at once. */
export function runCliAsync(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, NETTOPO_DEBUG: "" }, encoding: "utf8", timeout: 120_000 },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : (error as { code?: unknown }).code;
        if (typeof status !== "number") reject(error);
        else resolve({ status, stdout, stderr });
      },
    );
  });
}

/**
 * Starts the CLI, waits until its stderr matches `ready` (or `delayMs` passes),
 * sends SIGINT, and resolves with the result.
 */
export function interruptCli(
  args: readonly string[],
  ready: RegExp,
  delayMs: number,
  options: { keepStdinOpen?: boolean } = {},
): Promise<CliResult & { readonly signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: [options.keepStdinOpen ? "pipe" : "ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let sent = false;
    const interrupt = () => {
      if (sent) return;
      sent = true;
      child.kill("SIGINT");
    };
    const timer = setTimeout(interrupt, delayMs);
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr!.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      if (ready.test(stderr)) interrupt();
    });
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve({ status, signal, stdout, stderr });
    });
  });
}
