import { describe } from "../metric/validate.js";
import type { RealArray } from "../types.js";

/**
 * The points Mapper reads: `count` rows of `dimension` values, row-major
 * (`coordinates[i*dimension + j]` is coordinate j of point i). A
 * {@link PointCloud} from `pointCloud()` is one; activations read from an
 * .npy file can stay in their Float32Array (the array type is the precision
 * the values are read in; distances are always accumulated in float64).
 */
export interface MapperPoints {
  /** Number of points (rows), an integer >= 0. */
  readonly count: number;
  /** Coordinates per point (columns), an integer >= 1. */
  readonly dimension: number;
  /** `count * dimension` finite values, row-major. */
  readonly coordinates: RealArray;
}

/**
 * Checks points at a public boundary (internal): integer sizes, a
 * Float32Array or Float64Array of the right length, and (when `scan`) finite
 * values. The message names the caller, the point and the coordinate.
 */
export function requireMapperPoints(caller: string, points: unknown, scan = true): MapperPoints {
  if (typeof points !== "object" || points === null) {
    throw new TypeError(
      `${caller}: points must be an object { count, dimension, coordinates }; got ${describe(points)}`,
    );
  }
  const { count, dimension, coordinates } = points as MapperPoints;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`${caller}: points.count must be an integer >= 0; got ${describe(count)}`);
  }
  if (!Number.isSafeInteger(dimension) || dimension < 1) {
    throw new RangeError(
      `${caller}: points.dimension must be an integer >= 1; got ${describe(dimension)}`,
    );
  }
  if (!(coordinates instanceof Float32Array) && !(coordinates instanceof Float64Array)) {
    throw new TypeError(
      `${caller}: points.coordinates must be a Float32Array or Float64Array; got ${describe(coordinates)}`,
    );
  }
  if (coordinates.length !== count * dimension) {
    throw new RangeError(
      `${caller}: points.coordinates.length must be count*dimension = ${count}*${dimension} = ${count * dimension}; got ${coordinates.length}`,
    );
  }
  if (scan) {
    for (let k = 0; k < coordinates.length; k++) {
      const value = coordinates[k]!;
      if (value - value !== 0) {
        const point = Math.floor(k / dimension);
        throw new RangeError(
          `${caller}: points.coordinates[${k}] (point ${point}, coordinate ${k - point * dimension}) must be finite; got ${describe(value)}`,
        );
      }
    }
  }
  return { count, dimension, coordinates };
}
