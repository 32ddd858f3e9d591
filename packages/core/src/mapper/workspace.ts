import type { RadiusKernel } from "./radius-kernel.js";

/**
 * Where radius-pairs keeps its large arrays (internal): ordinary typed
 * arrays, or views into the memory of the WebAssembly kernel so that its
 * functions can read and write them without copies.
 */
export interface Workspace {
  f64(count: number): Float64Array;
  f32(count: number): Float32Array;
  /** The kernel whose memory holds the arrays; null for ordinary arrays. */
  readonly kernel: RadiusKernel | null;
}

/** Ordinary typed arrays. */
export const heapWorkspace: Workspace = {
  f64: (count) => new Float64Array(count),
  f32: (count) => new Float32Array(count),
  kernel: null,
};

/** Largest memory the kernel may use (its offsets are int32). */
const MAX_BYTES = 2 ** 31 - 2 ** 17;

/**
 * Views into the kernel's memory, handed out in order (16-byte aligned,
 * zeroed) from one block of `bytes`; null when the memory cannot grow to it.
 * Growing memory detaches earlier views, so the whole block is reserved
 * first; the memory is kept for the next call (one per thread).
 */
export function wasmWorkspace(kernel: RadiusKernel, bytes: number): Workspace | null {
  if (bytes > MAX_BYTES || kernel.reserve(bytes) < 0) return null;
  const buffer = kernel.memory.buffer;
  new Uint8Array(buffer, 0, bytes).fill(0);
  let next = 0;
  const take = (size: number): number => {
    const offset = next;
    next += 16 * Math.ceil(size / 16);
    if (next > bytes)
      throw new RangeError(`wasmWorkspace: ${next} bytes needed; ${bytes} reserved`);
    return offset;
  };
  return {
    f64: (count) => new Float64Array(buffer, take(8 * count), count),
    f32: (count) => new Float32Array(buffer, take(4 * count), count),
    kernel,
  };
}

/** Bytes that {@link wasmWorkspace} hands out for arrays of these sizes (8 or 4 bytes each). */
export function workspaceBytes(f64Counts: readonly number[], f32Counts: readonly number[]): number {
  let bytes = 0;
  for (const count of f64Counts) bytes += 16 * Math.ceil((8 * count) / 16);
  for (const count of f32Counts) bytes += 16 * Math.ceil((4 * count) / 16);
  return bytes;
}
