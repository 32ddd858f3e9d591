import { describe } from "../metric/validate.js";

/** The lenses Mapper knows by name (`"given"`: values supplied by the user). */
export type LensKind =
  | "l2"
  | "coordinate"
  | "pca"
  | "eccentricity"
  | "density"
  | "dtm"
  | "umap"
  | "given";

/**
 * A lens (filter function) evaluated on every point: `count` rows of `dims`
 * values, row-major, with the parameters that made it (written to the JSON
 * `meta.lens`).
 */
export interface MapperLens {
  /** Which lens this is. */
  readonly kind: LensKind;
  /** Number of points. */
  readonly count: number;
  /** Values per point (the dimension of the lens), an integer >= 1. */
  readonly dims: number;
  /** `count * dims` finite values, row-major. */
  readonly values: Float64Array;
  /** The lens's parameters (e.g. `{ components: 2, seed: 0 }`), as JSON-able values. */
  readonly parameters: Readonly<Record<string, number | string | boolean | readonly number[]>>;
}

/**
 * Checks that every lens value is finite (internal); a NaN or an infinity is
 * a one-line RangeError naming the lens, the point and the value.
 */
export function requireFiniteLens(caller: string, lens: MapperLens): MapperLens {
  const { values, dims } = lens;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (value - value !== 0) {
      const point = Math.floor(k / dims);
      throw new RangeError(
        `${caller}: the ${lens.kind} lens is ${describe(value)} at point ${point}${dims > 1 ? `, dimension ${k - point * dims}` : ""}; lens values must be finite`,
      );
    }
  }
  return lens;
}
