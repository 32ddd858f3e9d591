import { gaussian, seededRandom } from "../random.js";
import type { ProjectionKernels } from "./projection-kernels.js";

/** Points of the sample the directions are fitted on. */
const SAMPLE = 1024;
/** Subspace iterations fitting the directions (any orthonormal basis is correct; better ones prune more). */
const ITERATIONS = 3;

/** Rows of the sample the directions are fitted on (see {@link principalDirections}). */
export function directionSampleSize(n: number): number {
  return Math.min(n, SAMPLE);
}

/**
 * K orthonormal directions (rows of a `K x width` array, in `basis`) near
 * the top principal directions of the centred rows (n rows of `width`
 * doubles, the first `d` of them coordinates, the rest zeros): seeded
 * subspace iteration on an evenly spaced sample of
 * {@link directionSampleSize} rows, orthonormalised twice (modified
 * Gram-Schmidt). `sample`, `scores` and `next` are scratch arrays of
 * sample x width, sample x K and K x width doubles; the products run in
 * `kernels`, so that they can run in WebAssembly on its memory.
 */
export function principalDirections(
  rows: Float64Array,
  n: number,
  d: number,
  width: number,
  K: number,
  kernels: ProjectionKernels,
  arrays: { basis: Float64Array; sample: Float64Array; scores: Float64Array; next: Float64Array },
): void {
  const { basis, sample, scores, next } = arrays;
  const random = seededRandom(0);
  basis.fill(0);
  for (let c = 0; c < K; c++) {
    for (let j = 0; j < d; j++) basis[c * width + j] = gaussian(random);
  }
  orthonormalRows(basis, K, d, width);
  const size = directionSampleSize(n);
  const step = n / size;
  for (let s = 0; s < size; s++) {
    const row = Math.floor(s * step) * width;
    sample.set(rows.subarray(row, row + width), s * width);
  }
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    kernels.project(sample, size, width, basis, K, scores);
    next.fill(0);
    kernels.accumulate(sample, size, width, scores, K, next);
    basis.set(next);
    orthonormalRows(basis, K, d, width);
  }
}

/**
 * Modified Gram-Schmidt, twice, on the rows of a `K x width` array (the
 * first `d` entries of each; the others stay zero); a vanishing row becomes
 * a unit vector.
 */
export function orthonormalRows(basis: Float64Array, K: number, d: number, width: number): void {
  for (let c = 0; c < K; c++) {
    const b = c * width;
    for (let attempt = 0; ; attempt++) {
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < c; p++) {
          const q = p * width;
          let dot = 0;
          for (let j = 0; j < d; j++) dot += basis[q + j]! * basis[b + j]!;
          for (let j = 0; j < d; j++) basis[b + j]! -= dot * basis[q + j]!;
        }
      }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += basis[b + j]! * basis[b + j]!;
      norm = Math.sqrt(norm);
      if (norm > 1e-8 || attempt >= d) {
        for (let j = 0; j < d; j++) basis[b + j]! /= norm || 1;
        break;
      }
      basis.fill(0, b, b + d);
      basis[b + ((c + attempt) % d)] = 1;
    }
  }
}
