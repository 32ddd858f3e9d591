import { describe } from "../metric/validate.js";
import { type CoordinateLensOptions, coordinateLens } from "./coordinate-lens.js";
import { type DensityLensOptions, densityLens } from "./density-lens.js";
import {
  type DistanceToMeasureLensOptions,
  distanceToMeasureLens,
} from "./distance-to-measure-lens.js";
import { type EccentricityLensOptions, eccentricityLens } from "./eccentricity-lens.js";
import { givenLens } from "./given-lens.js";
import { l2NormLens } from "./l2-norm-lens.js";
import { type MapperLens, requireFiniteLens } from "./mapper-lens.js";
import type { MapperPoints } from "./mapper-points.js";
import { type PcaLensOptions, pcaLens } from "./pca-lens.js";
import { type UmapLensOptions, umapLens } from "./umap-lens.js";

/**
 * A lens named with its options (what `mapper`'s `lens` option takes), or a
 * lens already computed ({@link MapperLens}).
 */
export type LensSpec =
  | { readonly kind: "l2" }
  | ({ readonly kind: "coordinate" } & CoordinateLensOptions)
  | ({ readonly kind: "pca" } & PcaLensOptions)
  | ({ readonly kind: "eccentricity" } & EccentricityLensOptions)
  | ({ readonly kind: "density" } & DensityLensOptions)
  | ({ readonly kind: "dtm" } & DistanceToMeasureLensOptions)
  | ({ readonly kind: "umap" } & UmapLensOptions)
  | { readonly kind: "given"; readonly values: ArrayLike<number>; readonly dims?: number };

/**
 * Evaluates a lens spec on the points (a computed {@link MapperLens} is
 * checked and returned). Every lens value must be finite: a NaN is a
 * one-line RangeError naming the point.
 *
 * @param points - The points.
 * @param spec - The lens; see {@link LensSpec}.
 * @returns The lens values.
 * @throws RangeError for an unknown kind, a lens of another number of points, or a non-finite value.
 * @example
 * ```ts
 * lensFromSpec(points, { kind: "pca", components: 2 }).dims; // 2
 * ```
 */
export function lensFromSpec(points: MapperPoints, spec: LensSpec | MapperLens): MapperLens {
  if (typeof spec !== "object" || spec === null) {
    throw new TypeError(
      `mapper: options.lens must be a lens spec { kind, ... }; got ${describe(spec)}`,
    );
  }
  let lens: MapperLens;
  if ("values" in spec && spec.values instanceof Float64Array && "count" in spec) {
    lens = spec as MapperLens;
  } else {
    const s = spec as LensSpec;
    switch (s.kind) {
      case "l2":
        lens = l2NormLens(points);
        break;
      case "coordinate":
        lens = coordinateLens(points, s);
        break;
      case "pca":
        lens = pcaLens(points, s);
        break;
      case "eccentricity":
        lens = eccentricityLens(points, s);
        break;
      case "density":
        lens = densityLens(points, s);
        break;
      case "dtm":
        lens = distanceToMeasureLens(points, s);
        break;
      case "umap":
        lens = umapLens(points, s);
        break;
      case "given":
        lens = givenLens(s.values, s.dims ?? 1);
        break;
      default:
        throw new RangeError(
          `mapper: options.lens.kind ${describe((s as { kind: unknown }).kind)} is not known; expected one of l2, coordinate, pca, eccentricity, density, dtm, umap, given`,
        );
    }
  }
  if (lens.count !== points.count) {
    throw new RangeError(
      `mapper: the lens has values for ${lens.count} points but there are ${points.count} points`,
    );
  }
  return requireFiniteLens("mapper", lens);
}
