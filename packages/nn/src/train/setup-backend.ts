import { createRequire } from "node:module";
import { dirname } from "node:path";
import { setWasmPaths, version_wasm } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";
import { version_layers } from "@tensorflow/tfjs-layers";
import { optionalChoice, requireOptions } from "../validate.js";
import { conv2dBackpropFilterKernel } from "./conv2d-backprop-filter-kernel.js";
import { conv2dBackpropInputKernel } from "./conv2d-backprop-input-kernel.js";
import { explicitTransposeMatMulGradient } from "./explicit-transpose-mat-mul-gradient.js";
import { explicitTransposeMatMulKernel } from "./explicit-transpose-mat-mul-kernel.js";
import { maxPoolGradKernel } from "./max-pool-grad-kernel.js";

/** Options of {@link setupBackend}. */
export interface SetupBackendOptions {
  /**
   * The gradient of matrix products: `"explicit-transpose"` (default)
   * transposes operands before a plain product, which the wasm backend runs
   * in XNNPACK; `"stock"` is TF.js's own, which passes transpose flags to the
   * kernel and runs about 4x slower on an MLP (kept for benchmarks). A later
   * call may switch between them.
   */
  readonly matMulGradient?: "explicit-transpose" | "stock";
}

/** What {@link setupBackend} set up. */
export interface BackendInfo {
  /** Always `"wasm"`. */
  readonly backend: "wasm";
  /** Whether the WebAssembly SIMD build runs. */
  readonly simd: boolean;
  /** Threads of the backend (1 in Node: the multi-threaded build needs browser workers). */
  readonly threads: number;
  /** The gradient of matrix products in use. */
  readonly matMulGradient: "explicit-transpose" | "stock";
  /** Versions of the TF.js packages: `{ core, layers, wasm }`. */
  readonly versions: { readonly core: string; readonly layers: string; readonly wasm: string };
}

let initialised: Promise<void> | undefined;
let stockMatMulGradient: tf.GradConfig | undefined;
let stockMatMulKernel: tf.KernelConfig | undefined;
let current: "explicit-transpose" | "stock" = "explicit-transpose";
let installed: "explicit-transpose" | "stock" | undefined;

/**
 * Makes TF.js compute on its WebAssembly backend, the fast CPU path that
 * installs everywhere (`@tensorflow/tfjs-node` needs a native download).
 * In Node the `.wasm` binaries load from the installed
 * `@tensorflow/tfjs-backend-wasm` package whatever the working directory.
 * It also adds what training on wasm lacks: a filter-gradient kernel for
 * 2-D convolutions (so CNNs train at all), faster input-gradient kernels
 * for convolutions and max pooling (together about 5x faster CNN training
 * steps than the backend's own loops), and a faster gradient of matrix
 * products (see {@link SetupBackendOptions.matMulGradient}). Idempotent;
 * call it before any TF.js work (the trainers of this package call it).
 *
 * @param options - See {@link SetupBackendOptions}.
 * @returns What is set up.
 * @throws Error when the wasm backend cannot start.
 * @example
 * ```ts
 * const info = await setupBackend();
 * info.simd; // true on current Node
 * ```
 */
export async function setupBackend(options?: SetupBackendOptions): Promise<BackendInfo> {
  const opts = requireOptions("setupBackend: options", options);
  const matMulGradient = optionalChoice(
    "setupBackend: options.matMulGradient",
    opts.matMulGradient,
    ["explicit-transpose", "stock"],
    current,
  );
  current = matMulGradient;
  initialised ??= initialise();
  await initialised;
  if (tf.getBackend() !== "wasm" && !(await tf.setBackend("wasm"))) {
    throw new Error("setupBackend: the TF.js wasm backend failed to start");
  }
  if (installed !== matMulGradient) {
    stockMatMulGradient ??= tf.getGradient(tf.BatchMatMul);
    stockMatMulKernel ??= tf.getKernel(tf.BatchMatMul, "wasm");
    const explicit = matMulGradient === "explicit-transpose";
    tf.registerGradient(explicit ? explicitTransposeMatMulGradient : stockMatMulGradient!);
    tf.unregisterKernel(tf.BatchMatMul, "wasm");
    tf.registerKernel(
      explicit ? explicitTransposeMatMulKernel(stockMatMulKernel!) : stockMatMulKernel!,
    );
    installed = matMulGradient;
  }
  return {
    backend: "wasm",
    simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT"),
    threads: 1,
    matMulGradient,
    versions: { core: tf.version_core, layers: version_layers, wasm: version_wasm },
  };
}

async function initialise(): Promise<void> {
  if (tf.findBackend("wasm") === null || tf.findBackend("wasm") === undefined) {
    // The directory of the package's compiled files, where its .wasm binaries lie.
    const entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
    setWasmPaths(`${dirname(entry)}/`);
  }
  if (!(await tf.setBackend("wasm"))) {
    throw new Error("setupBackend: the TF.js wasm backend failed to start");
  }
  await tf.ready();
  for (const kernel of [conv2dBackpropFilterKernel, conv2dBackpropInputKernel, maxPoolGradKernel]) {
    if (tf.getKernel(kernel.kernelName, "wasm") !== undefined) {
      tf.unregisterKernel(kernel.kernelName, "wasm");
    }
    tf.registerKernel(kernel);
  }
}

/**
 * Checks that TF.js has a backend ready (internal: the synchronous entry
 * points call it), naming the fix when not.
 *
 * @throws Error when no backend is initialised (the wasm backend starts asynchronously).
 */
export function requireBackend(caller: string): void {
  try {
    // The engine's backend getter initialises the best registered backend, and throws when it starts asynchronously.
    void tf.engine().backend;
  } catch {
    throw new Error(`${caller}: TF.js has no backend ready; call await setupBackend() first`);
  }
}
