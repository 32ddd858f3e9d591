import type { PointCloud } from "../types.js";
import { describe, notFinite, requireArrayLike, requireInteger } from "./validate.js";

/**
 * Builds a {@link PointCloud}: `count` points of R^`dimension`, copied into a
 * fresh row-major `Float64Array` (the input is never kept or mutated).
 *
 * Two forms:
 * - `pointCloud(coordinates, dimension)`: a flat row-major array or typed
 *   array; point i is `coordinates[i*dimension .. (i+1)*dimension)` and
 *   `count = coordinates.length / dimension`.
 * - `pointCloud(rows)`: an array of equally long rows (a convenience for small
 *   hand-written clouds; the dimension is the rows' length).
 *
 * Every coordinate must be a finite number. A Float32Array input is widened
 * exactly; {@link pairwiseDistances} rounds to float32 again only when asked
 * to (its euclidean default, imitating Ripser).
 *
 * @param coordinates - Flat row-major coordinates (array or typed array), or
 *   an array of rows.
 * @param dimension - Coordinates per point, an integer >= 1; required with
 *   flat coordinates, omitted with rows.
 * @returns A new point cloud (`count` may be 0).
 * @throws TypeError for a wrong kind of input, RangeError for a length that is
 *   not a multiple of `dimension`, ragged rows, or a NaN / infinite coordinate
 *   (the message names the point and coordinate).
 * @example
 * ```ts
 * const square = pointCloud([0, 0, 1, 0, 1, 1, 0, 1], 2); // 4 points in the plane
 * const same = pointCloud([[0, 0], [1, 0], [1, 1], [0, 1]]);
 * square.count; // 4
 * ```
 */
export function pointCloud(
  coordinates: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>,
  dimension?: number,
): PointCloud {
  if (dimension === undefined) {
    if (!Array.isArray(coordinates)) {
      throw new TypeError(
        `pointCloud: without a dimension, coordinates must be an array of rows; got ${describe(coordinates)}`,
      );
    }
    return fromRows(coordinates as ReadonlyArray<unknown>);
  }
  requireInteger("pointCloud: dimension", dimension, 1);
  const flat = requireArrayLike("pointCloud: coordinates", coordinates);
  if (flat.length % dimension !== 0) {
    throw new RangeError(
      `pointCloud: coordinates.length must be a multiple of dimension ${dimension}; got ${flat.length}`,
    );
  }
  const out = new Float64Array(flat.length);
  for (let k = 0; k < flat.length; k++) {
    const v = flat[k];
    if (!Number.isFinite(v)) {
      const point = Math.floor(k / dimension);
      throw notFinite(
        `pointCloud: coordinates[${k}] (point ${point}, coordinate ${k - point * dimension})`,
        v,
      );
    }
    out[k] = v as number;
  }
  return { kind: "point-cloud", count: flat.length / dimension, dimension, coordinates: out };
}

function fromRows(rows: ReadonlyArray<unknown>): PointCloud {
  if (rows.length === 0) {
    throw new RangeError(
      "pointCloud: cannot infer the dimension of zero rows; pass (coordinates, dimension) instead",
    );
  }
  const first = requireArrayLike("pointCloud: rows[0]", rows[0]);
  const dimension = first.length;
  if (dimension < 1) throw new RangeError("pointCloud: rows must have at least one coordinate; got 0");
  const out = new Float64Array(rows.length * dimension);
  for (let i = 0; i < rows.length; i++) {
    const row = requireArrayLike(`pointCloud: rows[${i}]`, rows[i]);
    if (row.length !== dimension) {
      throw new RangeError(
        `pointCloud: every row must have ${dimension} coordinates like rows[0]; rows[${i}] has ${row.length}`,
      );
    }
    for (let c = 0; c < dimension; c++) {
      const v = row[c];
      if (!Number.isFinite(v)) throw notFinite(`pointCloud: rows[${i}][${c}] (point ${i}, coordinate ${c})`, v);
      out[i * dimension + c] = v as number;
    }
  }
  return { kind: "point-cloud", count: rows.length, dimension, coordinates: out };
}
