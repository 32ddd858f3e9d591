import type { MapperLens } from "./mapper-lens.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";

/**
 * The L2-norm lens: the Euclidean length of each point, `||x||_2`, the
 * default lens of TopoAct (Rathore et al., "TopoAct: Visually Exploring the
 * Shape of Activations in Deep Learning", Computer Graphics Forum 2021).
 *
 * @param points - The points (see {@link MapperPoints}).
 * @returns A 1-dimensional lens.
 * @throws TypeError / RangeError for malformed points or a non-finite coordinate.
 * @example
 * ```ts
 * l2NormLens({ count: 2, dimension: 2, coordinates: Float64Array.of(3, 4, 0, 1) }).values;
 * // Float64Array [5, 1]
 * ```
 */
export function l2NormLens(points: MapperPoints): MapperLens {
  const { count, dimension, coordinates } = requireMapperPoints("l2NormLens", points);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    const base = i * dimension;
    for (let j = 0; j < dimension; j++) {
      const x = coordinates[base + j]!;
      sum += x * x;
    }
    values[i] = Math.sqrt(sum);
  }
  return { kind: "l2", count, dims: 1, values, parameters: {} };
}
