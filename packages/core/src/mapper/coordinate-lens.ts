import { describe } from "../metric/validate.js";
import type { MapperLens } from "./mapper-lens.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";

/** Options of {@link coordinateLens}. */
export interface CoordinateLensOptions {
  /** The columns to use, in order (each an integer in [0, dimension)); default `[0]`. */
  readonly coordinates?: readonly number[];
}

/**
 * The coordinate lens: chosen columns of the points (e.g. one neuron's
 * activation, or two for a 2-dimensional cover).
 *
 * @param points - The points.
 * @param options - `coordinates` (default `[0]`).
 * @returns A lens of `coordinates.length` dimensions.
 * @throws RangeError for a column outside [0, dimension) or an empty list.
 * @example
 * ```ts
 * coordinateLens({ count: 2, dimension: 3, coordinates: Float64Array.of(1, 2, 3, 4, 5, 6) },
 *   { coordinates: [2] }).values; // Float64Array [3, 6]
 * ```
 */
export function coordinateLens(
  points: MapperPoints,
  options: CoordinateLensOptions = {},
): MapperLens {
  const { count, dimension, coordinates } = requireMapperPoints("coordinateLens", points);
  const columns = options.coordinates ?? [0];
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new RangeError(
      `coordinateLens: options.coordinates must be a non-empty array of column indices; got ${describe(columns)}`,
    );
  }
  for (const column of columns) {
    if (!Number.isSafeInteger(column) || column < 0 || column >= dimension) {
      throw new RangeError(
        `coordinateLens: options.coordinates holds ${describe(column)}; columns must be integers in [0, ${dimension})`,
      );
    }
  }
  const dims = columns.length;
  const values = new Float64Array(count * dims);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < dims; c++) values[i * dims + c] = coordinates[i * dimension + columns[c]!]!;
  }
  return { kind: "coordinate", count, dims, values, parameters: { coordinates: [...columns] } };
}
