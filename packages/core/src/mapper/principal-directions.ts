import { gaussian, seededRandom } from "../random.js";

/** Points of the sample the directions are fitted on. */
const SAMPLE = 1024;
/** Subspace iterations fitting the directions (any orthonormal basis is correct; better ones prune more). */
const ITERATIONS = 3;

/**
 * K orthonormal directions (rows of a `K x d` array) near the top principal
 * directions of the centred rows: seeded subspace iteration on an evenly
 * spaced sample, orthonormalised twice (modified Gram-Schmidt).
 */
export function principalDirections(
  rows: Float64Array,
  n: number,
  d: number,
  K: number,
): Float64Array {
  const random = seededRandom(0);
  const basis = new Float64Array(K * d);
  for (let k = 0; k < basis.length; k++) basis[k] = gaussian(random);
  orthonormalRows(basis, K, d);
  const sample = Math.min(n, SAMPLE);
  const step = n / sample;
  const scores = new Float64Array(K);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Float64Array(K * d);
    for (let s = 0; s < sample; s++) {
      const row = Math.floor(s * step) * d;
      for (let c = 0; c < K; c++) {
        let dot = 0;
        const b = c * d;
        for (let j = 0; j < d; j++) dot += rows[row + j]! * basis[b + j]!;
        scores[c] = dot;
      }
      for (let c = 0; c < K; c++) {
        const score = scores[c]!;
        const b = c * d;
        for (let j = 0; j < d; j++) next[b + j]! += score * rows[row + j]!;
      }
    }
    basis.set(next);
    orthonormalRows(basis, K, d);
  }
  return basis;
}

/** Modified Gram-Schmidt, twice, on the rows of a `K x d` array; a vanishing row becomes a unit vector. */
export function orthonormalRows(basis: Float64Array, K: number, d: number): void {
  for (let c = 0; c < K; c++) {
    const b = c * d;
    for (let attempt = 0; ; attempt++) {
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < c; p++) {
          let dot = 0;
          for (let j = 0; j < d; j++) dot += basis[p * d + j]! * basis[b + j]!;
          for (let j = 0; j < d; j++) basis[b + j]! -= dot * basis[p * d + j]!;
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
