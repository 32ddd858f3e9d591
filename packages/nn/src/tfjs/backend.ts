import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The TF.js namespace (`@tensorflow/tfjs`), as {@link ensureWasmBackend} returns it. */
export type Tfjs = typeof import("@tensorflow/tfjs");

let ready: Promise<Tfjs> | undefined;

/**
 * Loads TF.js and makes its WebAssembly backend (`@tensorflow/tfjs-backend-wasm`,
 * with SIMD where the runtime has it) the active one, once per process; every
 * TF.js model of @nettopo/nn runs on it (`@tensorflow/tfjs-node` cannot be
 * installed everywhere: it downloads a native library). The `.wasm` binaries
 * load from the installed package, whatever the working directory.
 *
 * TF.js is imported here, lazily, so that `import "@nettopo/nn"` does not pay
 * for it (about a second) when no TF.js model is used.
 *
 * @returns The TF.js namespace, with `tf.getBackend() === "wasm"`.
 * @throws Error when the wasm backend cannot start.
 *
 * @example
 * const tf = await ensureWasmBackend();
 * tf.getBackend(); // "wasm"
 */
export function ensureWasmBackend(): Promise<Tfjs> {
  ready ??= start().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function start(): Promise<Tfjs> {
  const tf = await import("@tensorflow/tfjs");
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json"));
  try {
    // A path prefix (not a URL): in Node the binaries are read from disk.
    wasm.setWasmPaths(`${join(root, "dist")}/`);
  } catch {
    // Another part of the program already started the wasm backend: keep it.
  }
  if (!(await tf.setBackend("wasm"))) {
    throw new Error("ensureWasmBackend: the TF.js wasm backend failed to start");
  }
  return tf;
}
