import type { LeafChecker, LeafCheckerInput } from "./leaf-checker.js";

/** Residual coordinates added between two abandon tests (a test per coordinate costs more than it saves). */
const BLOCK = 16;

/**
 * The leaf checks of radius-pairs in float64 JavaScript (internal): the
 * fallback where WebAssembly SIMD is unavailable, and the reference of the
 * SIMD kernel in tests. A point a farther than the bound from the box of
 * the other leaf is skipped; for the others and the points b of that leaf:
 * `||P a - P b||^2` for all b at once (coordinate by coordinate over the
 * leaf, which the JIT runs fast), plus `(||r_a|| - ||r_b||)^2`; a pair
 * within the bound is completed with `||r_a - r_b||^2` block by block,
 * abandoned once above it. The bound carries a slack of 1e-6 of the data's
 * scale, far above the rounding of the projections and residuals.
 */
export function float64LeafChecker(input: LeafCheckerInput): LeafChecker {
  const { n, d, K, tree, embedded, residuals, radius, scale, leafSize } = input;
  const { order, start, end, low, high } = tree;
  const m = K + 1;
  // In tree order: embedded coordinates column by column, residual vectors row by row.
  const columns = new Float64Array(m * n);
  const rows = new Float64Array(n * d);
  for (let s = 0; s < n; s++) {
    const k = order[s]!;
    for (let c = 0; c < m; c++) columns[c * n + s] = embedded[k * m + c]!;
    rows.set(residuals.subarray(k * d, (k + 1) * d), s * d);
  }
  const window = radius + 1e-6 * (radius + scale);
  const bound = window * window;
  const projected = new Float64Array(leafSize);
  const normColumn = K * n;
  return {
    pairs(A, B, emit) {
      const aEnd = end[A]!;
      const bStart = start[B]!;
      const bEnd = end[B]!;
      const box = B * m;
      points: for (let a = start[A]!; a < aEnd; a++) {
        // Skip leaf B at once when point a is farther than the bound from its box.
        let gap = 0;
        for (let c = 0; c < m; c++) {
          const x = columns[c * n + a]!;
          const g = Math.max(low[box + c]! - x, x - high[box + c]!);
          if (g > 0) {
            gap += g * g;
            if (gap > bound) continue points;
          }
        }
        const first = A === B ? a + 1 : bStart;
        const length = bEnd - first;
        if (length <= 0) continue;
        projected.fill(0, 0, length);
        for (let c = 0; c < K; c++) {
          const x = columns[c * n + a]!;
          const column = c * n + first;
          for (let t = 0; t < length; t++) {
            const diff = columns[column + t]! - x;
            projected[t]! += diff * diff;
          }
        }
        const normA = columns[normColumn + a]!;
        const rowA = a * d;
        candidates: for (let t = 0; t < length; t++) {
          let sum = projected[t]!;
          const b = first + t;
          const g = columns[normColumn + b]! - normA;
          if (sum + g * g > bound) continue;
          const rowB = b * d;
          let j = 0;
          while (j < d) {
            const stop = Math.min(j + BLOCK, d);
            for (; j < stop; j++) {
              const diff = rows[rowA + j]! - rows[rowB + j]!;
              sum += diff * diff;
            }
            if (sum > bound) continue candidates;
          }
          emit(a, b, false);
        }
      }
    },
  };
}
