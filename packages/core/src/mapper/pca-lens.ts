import { describe } from "../metric/validate.js";
import { gaussian, seededRandom } from "../random.js";
import type { MapperLens } from "./mapper-lens.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";
import { symmetricEigen } from "./symmetric-eigen.js";

/** Options of {@link pcaLens}. */
export interface PcaLensOptions {
  /** Number of principal components (the lens dimension), an integer in [1, min(dimension, 16)]; default 1. */
  readonly components?: number;
  /** Seed of the random start of the subspace iteration; default 0 (the result does not depend on it beyond rounding). */
  readonly seed?: number;
  /** Largest number of subspace iterations; default 3000. */
  readonly maxIterations?: number;
}

/** The covariance is formed explicitly up to this dimension; above it the iteration multiplies by the centred data. */
const MAX_COVARIANCE_DIMENSION = 2048;

/**
 * The PCA lens: each point's coordinates on the top principal components of
 * the (centred) points, as scikit-learn's `PCA(n_components).fit_transform`.
 * The components are found by seeded subspace (block power) iteration with
 * Rayleigh-Ritz on the covariance, run until the residual
 * `||C v - lambda v||` of every wanted component is below 1e-10 of the top
 * eigenvalue, so they are exact up to rounding when the eigenvalues are
 * distinct. Signs follow scikit-learn's `svd_flip`: the projection with the
 * largest magnitude on each component is positive.
 *
 * Cost: `count * dimension^2 / 2` to form the covariance (dimension <= 2048),
 * then `dimension^2` per iteration and component.
 *
 * @param points - The points (at least 2).
 * @param options - `components` (default 1), `seed` (default 0), `maxIterations` (default 3000).
 * @returns A lens of `components` dimensions; `parameters.explainedVariance` lists the eigenvalues.
 * @throws RangeError for bad options or fewer than 2 points.
 * @see Halko, Martinsson & Tropp, "Finding structure with randomness", SIAM Review 2011 (subspace iteration).
 * @example
 * ```ts
 * const line = { count: 3, dimension: 2, coordinates: Float64Array.of(0, 0, 1, 1, 2, 2) };
 * pcaLens(line).values; // ≈ Float64Array [-1.414, 0, 1.414] (up to sign: the largest |score| is positive)
 * ```
 */
export function pcaLens(points: MapperPoints, options: PcaLensOptions = {}): MapperLens {
  const { count: n, dimension: d, coordinates } = requireMapperPoints("pcaLens", points);
  const components = options.components ?? 1;
  const seed = options.seed ?? 0;
  const maxIterations = options.maxIterations ?? 3000;
  if (!Number.isSafeInteger(components) || components < 1 || components > Math.min(d, 16)) {
    throw new RangeError(
      `pcaLens: options.components must be an integer in [1, ${Math.min(d, 16)}]; got ${describe(components)}`,
    );
  }
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(
      `pcaLens: options.maxIterations must be an integer >= 1; got ${describe(maxIterations)}`,
    );
  }
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new TypeError(`pcaLens: options.seed must be a finite number; got ${describe(seed)}`);
  }
  if (n < 2) throw new RangeError(`pcaLens: needs at least 2 points; got ${n}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += coordinates[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= n;

  // The operator v -> C v with C the covariance (divided by n - 1).
  let multiply: (block: Float64Array, width: number) => Float64Array;
  if (d <= MAX_COVARIANCE_DIMENSION) {
    const cov = new Float64Array(d * d);
    const row = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) row[j] = coordinates[i * d + j]! - mean[j]!;
      for (let a = 0; a < d; a++) {
        const ra = row[a]!;
        if (ra === 0) continue;
        const base = a * d;
        for (let b = a; b < d; b++) cov[base + b]! += ra * row[b]!;
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        const value = cov[a * d + b]! / (n - 1);
        cov[a * d + b] = value;
        cov[b * d + a] = value;
      }
    }
    multiply = (block, width) => {
      const out = new Float64Array(d * width);
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) {
          const c = cov[a * d + b]!;
          if (c === 0) continue;
          for (let w = 0; w < width; w++) out[a * width + w]! += c * block[b * width + w]!;
        }
      }
      return out;
    };
  } else {
    multiply = (block, width) => {
      const out = new Float64Array(d * width);
      const score = new Float64Array(width);
      for (let i = 0; i < n; i++) {
        score.fill(0);
        for (let j = 0; j < d; j++) {
          const x = coordinates[i * d + j]! - mean[j]!;
          for (let w = 0; w < width; w++) score[w]! += x * block[j * width + w]!;
        }
        for (let j = 0; j < d; j++) {
          const x = (coordinates[i * d + j]! - mean[j]!) / (n - 1);
          for (let w = 0; w < width; w++) out[j * width + w]! += x * score[w]!;
        }
      }
      return out;
    };
  }

  const width = Math.min(d, components + 8);
  const random = seededRandom(seed);
  let q: Float64Array = new Float64Array(d * width);
  for (let k = 0; k < q.length; k++) q[k] = gaussian(random);
  orthonormalize(q, d, width);
  let values: Float64Array = new Float64Array(width);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const z = multiply(q, width);
    // Rayleigh-Ritz: T = Q^T C Q, rotate Q onto T's eigenvectors.
    const t = new Float64Array(width * width);
    for (let a = 0; a < width; a++) {
      for (let b = 0; b < width; b++) {
        let sum = 0;
        for (let j = 0; j < d; j++) sum += q[j * width + a]! * z[j * width + b]!;
        t[a * width + b] = sum;
      }
    }
    for (let a = 0; a < width; a++) {
      for (let b = a + 1; b < width; b++) {
        const m = (t[a * width + b]! + t[b * width + a]!) / 2;
        t[a * width + b] = m;
        t[b * width + a] = m;
      }
    }
    const eigen = symmetricEigen(t, width);
    values = eigen.values;
    const rotatedQ = rotate(q, eigen.vectors, d, width);
    const rotatedZ = rotate(z, eigen.vectors, d, width);
    let converged = true;
    const scale = Math.max(Math.abs(values[0]!), Number.MIN_VALUE);
    for (let c = 0; c < components && converged; c++) {
      let residual = 0;
      for (let j = 0; j < d; j++) {
        residual += (rotatedZ[j * width + c]! - values[c]! * rotatedQ[j * width + c]!) ** 2;
      }
      if (Math.sqrt(residual) > 1e-10 * scale) converged = false;
    }
    if (converged) {
      q = rotatedQ;
      break;
    }
    q = rotatedZ;
    orthonormalize(q, d, width);
  }

  const lens = new Float64Array(n * components);
  for (let c = 0; c < components; c++) {
    let largest = 0;
    let sign = 1;
    for (let i = 0; i < n; i++) {
      let score = 0;
      for (let j = 0; j < d; j++) score += (coordinates[i * d + j]! - mean[j]!) * q[j * width + c]!;
      lens[i * components + c] = score;
      if (Math.abs(score) > largest) {
        largest = Math.abs(score);
        sign = score < 0 ? -1 : 1;
      }
    }
    if (sign < 0) for (let i = 0; i < n; i++) lens[i * components + c] = -lens[i * components + c]!;
  }
  return {
    kind: "pca",
    count: n,
    dims: components,
    values: lens,
    parameters: { components, seed, explainedVariance: Array.from(values.subarray(0, components)) },
  };
}

/** Modified Gram-Schmidt on the columns of a row-major `rows x width` block, in place. */
function orthonormalize(block: Float64Array, rows: number, width: number): void {
  let restarts = 0;
  for (let c = 0; c < width; c++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < c; p++) {
        let dot = 0;
        for (let j = 0; j < rows; j++) dot += block[j * width + p]! * block[j * width + c]!;
        for (let j = 0; j < rows; j++) block[j * width + c]! -= dot * block[j * width + p]!;
      }
    }
    let norm = 0;
    for (let j = 0; j < rows; j++) norm += block[j * width + c]! ** 2;
    norm = Math.sqrt(norm);
    if (norm < 1e-300 && restarts < 2 * rows) {
      // A rank-deficient block: restart this column from a unit vector.
      for (let j = 0; j < rows; j++) block[j * width + c] = 0;
      block[(restarts % rows) * width + c] = 1;
      restarts += 1;
      c -= 1;
      continue;
    }
    for (let j = 0; j < rows; j++) block[j * width + c]! /= norm;
  }
}

/** `block * rotation` for a row-major `rows x width` block and a `width x width` rotation. */
function rotate(
  block: Float64Array,
  rotation: Float64Array,
  rows: number,
  width: number,
): Float64Array {
  const out = new Float64Array(rows * width);
  for (let j = 0; j < rows; j++) {
    for (let a = 0; a < width; a++) {
      const x = block[j * width + a]!;
      if (x === 0) continue;
      for (let b = 0; b < width; b++) out[j * width + b]! += x * rotation[a * width + b]!;
    }
  }
  return out;
}
