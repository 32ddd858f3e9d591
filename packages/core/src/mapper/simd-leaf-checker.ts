import type { LeafChecker, LeafCheckerInput } from "./leaf-checker.js";
import { radiusKernel } from "./radius-kernel.js";

/** Largest memory the kernel may use (its offsets are int32). */
const MAX_BYTES = 2 ** 31 - 2 ** 17;

/**
 * The leaf checks of radius-pairs in WebAssembly SIMD (internal): the same
 * bounds as {@link float64LeafChecker}, four points b at a time in float32
 * (`wasm/radius-kernel.wat`), four to ten times faster. null where
 * WebAssembly SIMD is unavailable, the arrays do not fit its memory, or the
 * scale is outside [1e-20, 1e20] (there float32 would underflow or overflow
 * and the error bound below would not hold).
 *
 * The bound stays safe in float32: rounding the coordinates moves an
 * embedded point by at most 2^-24 of its norm (<= scale), so a distance by
 * at most 2^-23 scale, well inside the slack of 1e-6 (radius + scale); and a
 * lane's sum of squares goes through at most K + dPad / 2 + 8 roundings of
 * relative 2^-24 each (differences, squares, sums, the sums of the lanes), so
 * the float32 sum is at most (1 + gamma) times its exact value with gamma =
 * (K + dPad / 2 + 8) 2^-23 (twice the count, for margin). The bound is
 * scaled by 1 + gamma and rounded up to float32. Partial sums of squares
 * stay monotone in float32 (rounding to nearest never decreases a sum by
 * adding a non-negative number), so abandoning a partial sum is safe.
 */
export function simdLeafChecker(input: LeafCheckerInput): LeafChecker | null {
  const { n, d, K, order, embedded, residuals, radius, scale, leafSize } = input;
  if (!(scale >= 1e-20 && scale <= 1e20)) return null;
  const kernel = radiusKernel();
  if (kernel === null) return null;
  const m = K + 1;
  // Columns padded so that a 4-lane load from any point stays inside; rows padded to 16 floats.
  const nPad = 4 * Math.ceil(n / 4) + 4;
  const dPad = 16 * Math.ceil(d / 16);
  const columns = 64;
  const rows = columns + 4 * m * nPad;
  const out = rows + 4 * n * dPad;
  const scratch = out + 8 * leafSize * leafSize;
  const bytes = scratch + 16;
  if (bytes > MAX_BYTES || kernel.reserve(bytes) < 0) return null;
  const memory = new Float32Array(kernel.memory.buffer);
  memory.fill(0, columns / 4, scratch / 4);
  for (let s = 0; s < n; s++) {
    const k = order[s]!;
    for (let c = 0; c < m; c++) memory[columns / 4 + c * nPad + s] = embedded[k * m + c]!;
    const row = rows / 4 + s * dPad;
    for (let j = 0; j < d; j++) memory[row + j] = residuals[k * d + j]!;
  }
  const window = radius + 1e-6 * (radius + scale);
  const gamma = (K + dPad / 2 + 8) * 2 ** -23;
  const bound = Math.fround(window * window * (1 + gamma) * (1 + 2 ** -20));
  kernel.setup(columns, 4 * nPad, K, rows, 4 * dPad, out, scratch, bound);
  const found = new Int32Array(kernel.memory.buffer, out, 2 * leafSize * leafSize);
  return {
    pairs(aStart, aEnd, bStart, bEnd, emit) {
      const count = kernel.leafPairs(aStart, aEnd, bStart, bEnd);
      for (let k = 0; k < count; k++) emit(found[2 * k]!, found[2 * k + 1]!);
    },
  };
}
