import type { ProjectionKernels } from "./projection-kernels.js";
import { wasmHex } from "./wasm/radius-kernel-bytes.js";

/** The exports of the WebAssembly SIMD kernel of `wasm/radius-kernel.wat` (internal). */
export interface RadiusKernel {
  readonly memory: { readonly buffer: ArrayBuffer };
  /** Byte offsets of the arrays, the strides and the float32 bound (see the .wat). */
  setup(
    columns: number,
    stride: number,
    directions: number,
    residuals: number,
    rowBytes: number,
    out: number,
    scratch: number,
    bound: number,
    points: number,
    pointBytes: number,
    sure: number,
  ): void;
  /** Writes the candidate pairs of two leaves at `out`; returns how many. */
  leafPairs(aStart: number, aEnd: number, bStart: number, bEnd: number, box: number): number;
  /** See {@link ProjectionKernels}: the same operations on byte offsets, widths in bytes. */
  project(rows: number, n: number, rowBytes: number, basis: number, K: number, out: number): void;
  subtract(
    rows: number,
    n: number,
    rowBytes: number,
    basis: number,
    K: number,
    projections: number,
    norms: number,
  ): void;
  accumulate(
    rows: number,
    n: number,
    rowBytes: number,
    scores: number,
    K: number,
    next: number,
  ): void;
  /** Grows the memory to at least `bytes`; 0, or -1 when it cannot. */
  reserve(bytes: number): number;
}

/** What this file needs of the WebAssembly API (core has no DOM or Node typings). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

// Compiled once per thread and kept, with its memory, for the next calls:
// compiling costs more than a small clustering. undefined: not tried yet.
let kernel: RadiusKernel | null | undefined;

/** The most memory kept between calls (WebAssembly memory never shrinks). */
const KEPT_BYTES = 64 * 2 ** 20;

/**
 * The radius-pairs SIMD kernel, instantiated on first use (internal); null
 * where WebAssembly or its SIMD instructions are unavailable (the caller then
 * runs its float64 JavaScript path, which gives the same pairs).
 */
export function radiusKernel(): RadiusKernel | null {
  if (kernel !== undefined) return kernel;
  kernel = null;
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (api === undefined) return null;
  const bytes = new Uint8Array(wasmHex.length / 2);
  for (let k = 0; k < bytes.length; k++) {
    bytes[k] = Number.parseInt(wasmHex.slice(2 * k, 2 * k + 2), 16);
  }
  try {
    kernel = new api.Instance(new api.Module(bytes), {}).exports as RadiusKernel;
  } catch {
    // An engine without SIMD rejects the module: keep null.
  }
  return kernel;
}

/**
 * Drops the kernel when its memory has grown past 64 MiB (internal), so that
 * the garbage collector can free it after a large clustering; the next call
 * compiles it again (well under a millisecond).
 */
export function releaseLargeRadiusKernel(): void {
  if (kernel && kernel.memory.buffer.byteLength > KEPT_BYTES) kernel = undefined;
}
