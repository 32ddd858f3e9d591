import { UMAP } from "umap-js";
import { describe } from "../metric/validate.js";
import { seededRandom } from "../random.js";
import type { MapperLens } from "./mapper-lens.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";

/** Options of {@link umapLens}. */
export interface UmapLensOptions {
  /** Embedding dimension (the lens dimension), 1 or 2 (or more); default 2. */
  readonly components?: number;
  /** UMAP's `n_neighbors`; default 15 (capped at count - 1). */
  readonly neighbors?: number;
  /** UMAP's `min_dist`; default 0.1. */
  readonly minDistance?: number;
  /** Optimisation epochs; default umap-js's choice (500 below 10k points, 200 above). */
  readonly epochs?: number;
  /** Seed of every random choice (nearest-neighbour descent, initialisation, sampling); default 0. */
  readonly seed?: number;
}

/**
 * The UMAP lens: a seeded UMAP embedding of the points, computed by the
 * `umap-js` package (McInnes, Healy & Melville, "UMAP: Uniform Manifold
 * Approximation and Projection for Dimension Reduction", arXiv:1802.03426).
 * The same seed gives the same embedding; it is not the embedding of the
 * Python `umap-learn` package (different random streams).
 *
 * @param points - The points (at least 3).
 * @param options - `components` (default 2), `neighbors` (15), `minDistance` (0.1), `epochs`, `seed` (0).
 * @returns A lens of `components` dimensions.
 * @example
 * ```ts
 * const lens = umapLens(points, { components: 2, seed: 1 }); // points: MapperPoints
 * ```
 */
export function umapLens(points: MapperPoints, options: UmapLensOptions = {}): MapperLens {
  const { count: n, dimension: d, coordinates } = requireMapperPoints("umapLens", points);
  const components = options.components ?? 2;
  const seed = options.seed ?? 0;
  const minDistance = options.minDistance ?? 0.1;
  if (!Number.isSafeInteger(components) || components < 1) {
    throw new RangeError(
      `umapLens: options.components must be an integer >= 1; got ${describe(components)}`,
    );
  }
  if (n < 3) throw new RangeError(`umapLens: needs at least 3 points; got ${n}`);
  const neighbors = Math.min(options.neighbors ?? 15, n - 1);
  if (!Number.isSafeInteger(neighbors) || neighbors < 2) {
    throw new RangeError(
      `umapLens: options.neighbors must be an integer >= 2; got ${describe(options.neighbors)}`,
    );
  }
  if (typeof minDistance !== "number" || !(minDistance >= 0)) {
    throw new RangeError(
      `umapLens: options.minDistance must be a number >= 0; got ${describe(minDistance)}`,
    );
  }
  if (
    options.epochs !== undefined &&
    (!Number.isSafeInteger(options.epochs) || options.epochs < 1)
  ) {
    throw new RangeError(
      `umapLens: options.epochs must be an integer >= 1; got ${describe(options.epochs)}`,
    );
  }
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = Array.from(coordinates.subarray(i * d, (i + 1) * d));
  const umap = new UMAP({
    nComponents: components,
    nNeighbors: neighbors,
    minDist: minDistance,
    random: seededRandom(seed),
    ...(options.epochs === undefined ? {} : { nEpochs: options.epochs }),
  });
  const embedding = umap.fit(rows);
  const values = new Float64Array(n * components);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < components; c++) values[i * components + c] = embedding[i]![c]!;
  }
  return {
    kind: "umap",
    count: n,
    dims: components,
    values,
    parameters: {
      components,
      neighbors,
      minDistance,
      seed,
      ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
    },
  };
}
