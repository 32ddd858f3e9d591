import type { RadiusKernel } from "./radius-kernel.js";

/**
 * The float64 linear algebra of the radius-pairs index (internal): rows of
 * `width` doubles (an even number; the caller pads with zeros), K basis rows
 * of the same width. Two implementations give the same values up to
 * rounding, which the index's slack absorbs.
 */
export interface ProjectionKernels {
  /** out[k K + c] = rows[k] . basis[c]. */
  project(
    rows: Float64Array,
    n: number,
    width: number,
    basis: Float64Array,
    K: number,
    out: Float64Array,
  ): void;
  /** rows[k] -= sum_c projections[k K + c] basis[c], in place; norms[k] = ||rows[k]||^2 after. */
  subtract(
    rows: Float64Array,
    n: number,
    width: number,
    basis: Float64Array,
    K: number,
    projections: Float64Array,
    norms: Float64Array,
  ): void;
  /** next[c] += sum_k scores[k K + c] rows[k]. */
  accumulate(
    rows: Float64Array,
    n: number,
    width: number,
    scores: Float64Array,
    K: number,
    next: Float64Array,
  ): void;
}

/** The kernels in plain JavaScript (any array). */
export const float64ProjectionKernels: ProjectionKernels = {
  project(rows, n, width, basis, K, out) {
    for (let k = 0; k < n; k++) {
      const row = k * width;
      for (let c = 0; c < K; c++) {
        const b = c * width;
        let dot = 0;
        for (let j = 0; j < width; j++) dot += rows[row + j]! * basis[b + j]!;
        out[k * K + c] = dot;
      }
    }
  },
  subtract(rows, n, width, basis, K, projections, norms) {
    for (let k = 0; k < n; k++) {
      const row = k * width;
      for (let c = 0; c < K; c++) {
        const p = projections[k * K + c]!;
        const b = c * width;
        for (let j = 0; j < width; j++) rows[row + j]! -= p * basis[b + j]!;
      }
      let norm = 0;
      for (let j = 0; j < width; j++) norm += rows[row + j]! * rows[row + j]!;
      norms[k] = norm;
    }
  },
  accumulate(rows, n, width, scores, K, next) {
    for (let k = 0; k < n; k++) {
      const row = k * width;
      for (let c = 0; c < K; c++) {
        const s = scores[k * K + c]!;
        const b = c * width;
        for (let j = 0; j < width; j++) next[b + j]! += s * rows[row + j]!;
      }
    }
  },
};

/**
 * The kernels in WebAssembly SIMD (f64x2), on arrays that live in the
 * kernel's memory (views from a {@link wasmWorkspace}): on the Mapper
 * benchmark they took about 0.6 s of CPU where the JavaScript loops took
 * about 4.8 s (profiles under load).
 */
export function simdProjectionKernels(kernel: RadiusKernel): ProjectionKernels {
  const bytes = 8;
  return {
    project(rows, n, width, basis, K, out) {
      kernel.project(rows.byteOffset, n, bytes * width, basis.byteOffset, K, out.byteOffset);
    },
    subtract(rows, n, width, basis, K, projections, norms) {
      kernel.subtract(
        rows.byteOffset,
        n,
        bytes * width,
        basis.byteOffset,
        K,
        projections.byteOffset,
        norms.byteOffset,
      );
    },
    accumulate(rows, n, width, scores, K, next) {
      kernel.accumulate(rows.byteOffset, n, bytes * width, scores.byteOffset, K, next.byteOffset);
    },
  };
}
