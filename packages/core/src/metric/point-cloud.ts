import type { PointCloud } from "../types.js";
import { describe, notFinite, requireArrayLike, requireInteger } from "./validate.js";

/**
 * Builds a {@link PointCloud}: `count` points of R^`dimension`, copied into a
 * fresh row-major `Float64Array` (the input is never kept or mutated).
 *
 * Three forms, told apart by the number of arguments:
 * - `pointCloud(coordinates, count, dimension)`: a flat row-major array or
 *   typed array of `count*dimension` values; point i is
 *   `coordinates[i*dimension .. (i+1)*dimension)`.
 * - `pointCloud(coordinates, dimension)`: the same, with
 *   `count = coordinates.length / dimension` (the length must be a multiple).
 * - `pointCloud(rows)`: an array of equally long rows (a convenience for small
 *   hand-written clouds; `count` is the number of rows, `dimension` their
 *   length).
 *
 * Every coordinate must be a finite number. A Float32Array input is widened
 * exactly; {@link pairwiseDistances} rounds to float32 again only when asked
 * to (its euclidean default, imitating Ripser).
 *
 * @param coordinates - Flat row-major coordinates (array or typed array), or
 *   an array of rows.
 * @param countOrDimension - With three arguments the number of points (an
 *   integer >= 0); with two, the dimension; omitted with rows.
 * @param dimension - With three arguments, coordinates per point (an integer
 *   >= 1).
 * @returns A new point cloud.
 * @throws TypeError for a wrong kind of input; RangeError for a length other
 *   than `count*dimension`, ragged rows, or a NaN / infinite coordinate (the
 *   message names the point and coordinate).
 * @example
 * ```ts
 * const square = pointCloud([0, 0, 1, 0, 1, 1, 0, 1], 4, 2); // 4 points in the plane
 * const same = pointCloud([0, 0, 1, 0, 1, 1, 0, 1], 2); // count inferred
 * const again = pointCloud([[0, 0], [1, 0], [1, 1], [0, 1]]);
 * square.coordinates; // Float64Array [0, 0, 1, 0, 1, 1, 0, 1]
 * ```
 */
export function pointCloud(
  coordinates: ArrayLike<number>,
  count: number,
  dimension: number,
): PointCloud;
export function pointCloud(coordinates: ArrayLike<number>, dimension: number): PointCloud;
export function pointCloud(rows: ReadonlyArray<ArrayLike<number>>): PointCloud;
export function pointCloud(
  coordinates: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>,
  countOrDimension?: number,
  dimension?: number,
): PointCloud {
  if (countOrDimension === undefined && dimension === undefined) {
    if (!Array.isArray(coordinates)) {
      throw new TypeError(
        `pointCloud: without count and dimension, coordinates must be an array of rows; got ${describe(coordinates)}`,
      );
    }
    return fromRows(coordinates as ReadonlyArray<unknown>);
  }
  let count = countOrDimension;
  if (dimension === undefined) {
    dimension = requireInteger("pointCloud: dimension", countOrDimension, 1);
    const length = requireArrayLike("pointCloud: coordinates", coordinates).length;
    if (length % dimension !== 0) {
      throw new RangeError(
        `pointCloud: coordinates.length must be a multiple of dimension ${dimension}; got ${length}`,
      );
    }
    count = length / dimension;
  }
  requireInteger("pointCloud: count", count, 0);
  requireInteger("pointCloud: dimension", dimension, 1);
  const flat = requireArrayLike("pointCloud: coordinates", coordinates);
  const n = count as number;
  const d = dimension as number;
  if (flat.length !== n * d) {
    throw new RangeError(
      `pointCloud: coordinates.length must be count*dimension = ${n}*${d} = ${n * d}; got ${flat.length}`,
    );
  }
  const out = new Float64Array(flat.length);
  for (let k = 0; k < flat.length; k++) {
    const v = flat[k];
    if (!Number.isFinite(v)) {
      const point = Math.floor(k / d);
      throw notFinite(
        `pointCloud: coordinates[${k}] (point ${point}, coordinate ${k - point * d})`,
        v,
      );
    }
    out[k] = v as number;
  }
  return { kind: "point-cloud", count: n, dimension: d, coordinates: out };
}

function fromRows(rows: ReadonlyArray<unknown>): PointCloud {
  if (rows.length === 0) {
    throw new RangeError(
      "pointCloud: cannot infer the dimension of zero rows; pass (coordinates, count, dimension) instead",
    );
  }
  const first = requireArrayLike("pointCloud: rows[0]", rows[0]);
  const dimension = first.length;
  if (dimension < 1)
    throw new RangeError("pointCloud: rows must have at least one coordinate; got 0");
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
      if (!Number.isFinite(v))
        throw notFinite(`pointCloud: rows[${i}][${c}] (point ${i}, coordinate ${c})`, v);
      out[i * dimension + c] = v as number;
    }
  }
  return { kind: "point-cloud", count: rows.length, dimension, coordinates: out };
}
