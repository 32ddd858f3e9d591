import type { RealArray } from "../types.js";

/** Squared Euclidean distance between rows i and j of a row-major array (internal). */
export function squaredDistance(
  coordinates: RealArray,
  dimension: number,
  i: number,
  j: number,
): number {
  let sum = 0;
  const a = i * dimension;
  const b = j * dimension;
  for (let k = 0; k < dimension; k++) {
    const diff = coordinates[a + k]! - coordinates[b + k]!;
    sum += diff * diff;
  }
  return sum;
}
