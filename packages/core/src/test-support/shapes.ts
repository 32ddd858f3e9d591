/**
 * Test support: seeded samples of the shapes whose homology is known (circle,
 * sphere, torus, projective plane), as flat row-major coordinates.
 */
import { gaussian, seededRandom } from "../random.js";

/** `count` evenly spaced points on the unit circle (plus optional jitter). */
export function circle(count: number, jitter = 0, seed = 1): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    const angle = (2 * Math.PI * i) / count;
    out[2 * i] = Math.cos(angle) + jitter * gaussian(random);
    out[2 * i + 1] = Math.sin(angle) + jitter * gaussian(random);
  }
  return out;
}

/** `count` uniform points on the unit sphere S^(dimension-1) in R^dimension. */
export function sphere(count: number, dimension = 3, seed = 1): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(dimension * count);
  for (let i = 0; i < count; i++) {
    let norm = 0;
    for (let k = 0; k < dimension; k++) {
      const x = gaussian(random);
      out[i * dimension + k] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < dimension; k++) out[i * dimension + k] /= norm;
  }
  return out;
}

/** `count` points of the flat (Clifford) torus in R^4, on a jittered grid so both loops are well sampled. */
export function cliffordTorus(side: number, seed = 1): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(4 * side * side);
  let p = 0;
  for (let a = 0; a < side; a++) {
    for (let b = 0; b < side; b++) {
      const s = (2 * Math.PI * (a + 0.2 * random())) / side;
      const t = (2 * Math.PI * (b + 0.2 * random())) / side;
      out[p++] = Math.cos(s);
      out[p++] = Math.sin(s);
      out[p++] = Math.cos(t);
      out[p++] = Math.sin(t);
    }
  }
  return out;
}
