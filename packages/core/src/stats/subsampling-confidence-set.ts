import { type Barcode, requireBarcode } from "../diagrams/barcode.js";
import {
  distancePair,
  POINT_METRICS,
  type PointMetric,
  pairwiseDistances,
} from "../metric/pairwise-distances.js";
import { describe, notFinite, requireChoice, requireOptions } from "../metric/validate.js";
import { seededRandom } from "../random.js";
import type { CondensedDistances, PointCloud } from "../types.js";
import { empiricalQuantile } from "./empirical-quantile.js";
import { requireConfidence, requireRepeats, requireSeed } from "./resampling-options.js";

/**
 * The filtration a barcode of {@link subsamplingConfidenceSet} comes from,
 * which fixes how a Hausdorff radius becomes a radius around the diagram:
 * - `"rips"`: the Vietoris–Rips filtration with a simplex entering at its
 *   diameter (the longest edge), as {@link ripsPersistence}, Ripser and GUDHI's
 *   RipsComplex give it;
 * - `"distance-function"`: the sublevel sets of the distance to the points,
 *   i.e. unions of balls of radius r (the Čech filtration by radius; an alpha
 *   complex by radius, not by the squared radius GUDHI's AlphaComplex uses).
 */
export type ConfidenceSetFiltration = "rips" | "distance-function";

/** Options of {@link subsamplingConfidenceSet}. */
export interface SubsamplingConfidenceSetOptions {
  /**
   * The size b of each subsample, an integer in [1, n - 1]; default
   * `floor(n / ln n)` (clamped to [1, n - 1]): the paper's theorem asks for
   * b = o(n / log n), b → ∞.
   */
  readonly subsampleSize?: number;
  /** The number B of subsamples, an integer >= 1; default 100. */
  readonly repeats?: number;
  /** The coverage 1 - alpha, strictly between 0 and 1; default 0.95. */
  readonly confidence?: number;
  /** The seed of the subsample draws (any integer); default 0. */
  readonly seed?: number;
  /** The metric of a point cloud (ignored for condensed distances); default `"euclidean"`. */
  readonly metric?: PointMetric;
  /** The filtration of `bars` (see {@link ConfidenceSetFiltration}); default `"rips"`. */
  readonly filtration?: ConfidenceSetFiltration;
}

/** The result of {@link subsamplingConfidenceSet}. */
export interface SubsamplingConfidenceSet {
  /**
   * c = 2 × the `confidence` quantile of the B subsample Hausdorff distances:
   * with (asymptotic) probability `confidence`, the Hausdorff distance between
   * the points and the support of their distribution is at most c.
   */
  readonly hausdorffRadius: number;
  /**
   * The radius of the confidence set around the diagram in the bottleneck
   * distance: `hausdorffRadius` for `"distance-function"`, `2 × hausdorffRadius`
   * for `"rips"` (diameter scale).
   */
  readonly diagramRadius: number;
  /**
   * Per pair of `bars`, 1 when it is significant: `death - birth > 2 × diagramRadius`
   * (strictly; always for an essential pair), else 0.
   */
  readonly significant: Uint8Array;
  /** The B Hausdorff distances between the points and each subsample, in draw order. */
  readonly hausdorffDistances: Float64Array;
  /** The subsample size b used. */
  readonly subsampleSize: number;
}

/**
 * The subsampling confidence set of Fasy, Lecci, Rinaldo, Wasserman,
 * Balakrishnan and Singh for the persistence diagram of a sample: which pairs
 * of a barcode of the sample are topological signal at level `confidence`.
 *
 * Method (the paper's Section 4.1). Draw B subsamples S_1..S_B of b of the n
 * points, uniformly without replacement, and compute each Hausdorff distance
 * `T_j = H(S_j, X) = max over x in X of min over s in S_j of d(x, s)` (the
 * other direction is 0, since S_j ⊂ X). With `q` the `confidence` quantile of
 * the T_j (the k-th smallest, k = ceil(confidence × B), numpy's
 * `method="inverted_cdf"`), the estimate is `c = 2q`: the factor 2 is the
 * paper's (its `c_b = 2 L_b^{-1}(alpha)`, Theorem 3), which bounds the
 * Hausdorff distance H(X, M) between the sample and the support M of its
 * distribution: P(H(X, M) > c) <= alpha + o(1) as n → ∞ (Theorem 3 gives
 * the rate). The R package TDA's `hausdInterval` computes the same c but
 * interpolates the quantile (R's default type 7); this follows the paper's
 * `L_b^{-1}`, which does not.
 *
 * From the Hausdorff radius to the diagram:
 * - `"distance-function"` (the paper's setting): by the stability theorem,
 *   the bottleneck distance between the diagram of the distance function to
 *   X and that of the distance to M is at most ||d_X - d_M||_∞ = H(X, M) <= c.
 *   The confidence set is the bottleneck ball of radius c around the diagram.
 * - `"rips"`: Rips filtrations (diameter scale) of two subsets X, M of one
 *   metric space are 2H(X, M)-interleaved (Rips_t(X) ⊂ Rips_t(M), and the
 *   nearest-point map sends Rips_t(M) into Rips_{t+2H}(X)), so their
 *   diagrams are within 2H(X, M) <= 2c (Chazal, de Silva, Oudot 2014: the
 *   bottleneck distance is at most 2 d_GH). The ball has radius 2c, and the
 *   set covers the Rips diagram of M, whose features at large scales need not
 *   be homology of M (the Rips complex of a circle has spheres in higher
 *   dimensions). Note the Čech and Rips diagrams themselves are only
 *   multiplicatively interleaved (Čech_r ⊂ Rips_2r ⊂ Čech_2r, radius r vs
 *   diameter 2r; sqrt(2d/(d+1)) r instead of 2r in R^d by Jung's theorem), so
 *   the bound does not pass through the Čech diagram; it comes from the Rips
 *   stability directly.
 *
 * A pair of the estimated diagram farther than the radius from the diagonal
 * in the L∞ distance, i.e. `(death - birth) / 2 > diagramRadius`, cannot be
 * matched to the diagonal by a diagram inside the ball, so the true diagram
 * has a feature there: the pair is significant when
 * `death - birth > 2 × diagramRadius` (> 2c for the distance function, > 4c
 * for Rips). In a diagram plot this is the band of vertical height
 * `2 × diagramRadius` above the diagonal.
 *
 * Caveats: the guarantee is asymptotic and holds under the paper's
 * assumptions (X an i.i.d. sample of a distribution whose support M is
 * compact, with P(B(x, r)) >= min(1, a r^d) on M), which need b = o(n / log n)
 * with b → ∞. It is conservative in practice, all the more with the Rips
 * factor 2: with the default b = floor(n / ln n), the loop of 1000 noisy
 * points on a unit circle is not yet significant (the radius shrinks slowly
 * with n). A larger b (say n / 2) gives a smaller radius but steps outside
 * the theorem's regime; R TDA leaves b to the user. The set says nothing
 * about features the sample misses entirely.
 *
 * The Hausdorff distances use an early break (a point stops scanning the
 * subsample once it is within the largest distance found so far, which
 * cannot change the maximum), in float64.
 *
 * @param input - The sample: a point cloud (with `options.metric`) or
 *   condensed distances of n >= 2 points.
 * @param bars - The pairs to classify, from a persistence diagram of `input`
 *   in the filtration `options.filtration` (e.g. `barcodeOf(ripsPersistence(cloud), 1)`).
 * @param options - `subsampleSize` (default floor(n / ln n) in [1, n - 1]),
 *   `repeats` (default 100), `confidence` (default 0.95), `seed` (default 0),
 *   `metric` (default "euclidean"), `filtration` (default "rips").
 * @returns The radii, the significant pairs and the subsample distances.
 * @throws TypeError for a wrong kind of argument; RangeError for a bad
 *   option, fewer than 2 points, a non-finite coordinate or a negative or
 *   non-finite distance, or a bad barcode.
 * @example
 * ```ts
 * const angles = Array.from({ length: 200 }, (_, i) => (2 * Math.PI * i) / 200);
 * const circle = pointCloud(angles.flatMap((a) => [Math.cos(a), Math.sin(a)]), 200, 2);
 * const loops = barcodeOf(ripsPersistence(circle), 1); // one bar, lifetime 1.71
 * const set = subsamplingConfidenceSet(circle, loops, { subsampleSize: 100, seed: 1 });
 * set.significant; // Uint8Array [1]: the loop is signal (lifetime > 4c ≈ 1.26)
 * subsamplingConfidenceSet(circle, loops, { seed: 1 }).significant; // Uint8Array [0]: b = 37 is too cautious here
 * ```
 * @see B. T. Fasy, F. Lecci, A. Rinaldo, L. Wasserman, S. Balakrishnan,
 *   A. Singh, "Confidence sets for persistence diagrams", Annals of
 *   Statistics 42(6) (2014), Section 4.1 and Theorem 3.
 * @see F. Chazal, V. de Silva, S. Oudot, "Persistence stability for geometric
 *   complexes", Geometriae Dedicata 173 (2014), for the Rips stability.
 */
export function subsamplingConfidenceSet(
  input: PointCloud | CondensedDistances,
  bars: Barcode,
  options?: SubsamplingConfidenceSetOptions,
): SubsamplingConfidenceSet {
  const caller = "subsamplingConfidenceSet";
  const opts = requireOptions(`${caller}: options`, options);
  const confidence = requireConfidence(caller, opts.confidence);
  const repeats = requireRepeats(caller, opts.repeats, 100);
  const seed = requireSeed(caller, opts.seed);
  const metric = requireChoice(
    `${caller}: options.metric`,
    opts.metric,
    POINT_METRICS,
    "euclidean",
  );
  const filtration = opts.filtration ?? "rips";
  if (filtration !== "rips" && filtration !== "distance-function") {
    throw new RangeError(
      `${caller}: options.filtration must be "rips" or "distance-function"; got ${describe(filtration)}`,
    );
  }
  requireSample(caller, input);
  requireBarcode(`${caller}: bars`, bars);
  const n = input.count;
  const subsampleSize = requireSubsampleSize(caller, opts.subsampleSize, n);

  const distance = sampleDistance(input, metric);
  const random = seededRandom(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const hausdorffDistances = new Float64Array(repeats);
  for (let j = 0; j < repeats; j++) {
    drawSubset(order, subsampleSize, random);
    hausdorffDistances[j] = subsetHausdorff(distance, order, subsampleSize);
  }

  const hausdorffRadius = 2 * empiricalQuantile(hausdorffDistances, confidence);
  const diagramRadius = filtration === "rips" ? 2 * hausdorffRadius : hausdorffRadius;
  const significant = new Uint8Array(bars.births.length);
  for (let k = 0; k < significant.length; k++) {
    if ((bars.deaths[k] as number) - (bars.births[k] as number) > 2 * diagramRadius) {
      significant[k] = 1;
    }
  }
  return { hausdorffRadius, diagramRadius, significant, hausdorffDistances, subsampleSize };
}

/**
 * A uniform random b-subset by a partial Fisher–Yates shuffle: afterwards
 * `order[0..b)` is the subset and `order[b..n)` the rest. `order` must be a
 * permutation of 0..n-1 (any one: the draw is uniform from every start).
 */
export function drawSubset(order: Int32Array, b: number, random: () => number): void {
  const n = order.length;
  for (let q = 0; q < b; q++) {
    const r = q + Math.floor(random() * (n - q));
    const swap = order[q] as number;
    order[q] = order[r] as number;
    order[r] = swap;
  }
}

/**
 * The Hausdorff distance between all the points `order[0..n)` and the subset
 * `order[0..b)`: the largest distance from a point `order[b..n)` to its
 * nearest point of the subset (0 when b = n). Exact, with an early break: a
 * point stops scanning once it is within the largest distance found so far.
 */
export function subsetHausdorff(
  distance: (i: number, j: number) => number,
  order: Int32Array,
  b: number,
): number {
  const n = order.length;
  let largest = 0;
  for (let p = b; p < n; p++) {
    const x = order[p] as number;
    let nearest = Number.POSITIVE_INFINITY;
    for (let q = 0; q < b; q++) {
      const d = distance(x, order[q] as number);
      if (d < nearest) {
        nearest = d;
        if (nearest <= largest) break;
      }
    }
    if (nearest > largest) largest = nearest;
  }
  return largest;
}

/**
 * The float64 distance between points i and j of a validated sample: a lookup
 * in condensed distances; for a point cloud, {@link distancePair}'s arithmetic
 * (euclidean, manhattan, chebyshev) or, for cosine, a lookup in
 * {@link pairwiseDistances}'s float64 matrix.
 */
export function sampleDistance(
  input: PointCloud | CondensedDistances,
  metric: PointMetric,
): (i: number, j: number) => number {
  if (input.kind === "point-cloud" && metric !== "cosine") {
    return distancePair(input, metric, "float64");
  }
  const values =
    input.kind === "condensed"
      ? input.values
      : pairwiseDistances(input, { metric, precision: "float64" }).values;
  return (i, j) =>
    i > j ? (values[(i * (i - 1)) / 2 + j] as number) : (values[(j * (j - 1)) / 2 + i] as number);
}

function requireSample(
  caller: string,
  input: unknown,
): asserts input is PointCloud | CondensedDistances {
  const kind =
    typeof input === "object" && input !== null ? (input as { kind?: unknown }).kind : undefined;
  if (kind === "point-cloud") {
    const c = input as PointCloud;
    if (
      !(c.coordinates instanceof Float64Array) ||
      !Number.isSafeInteger(c.count) ||
      !Number.isSafeInteger(c.dimension)
    ) {
      throw new TypeError(
        `${caller}: input must be a PointCloud (make one with pointCloud()); got ${describe(input)}`,
      );
    }
    if (c.dimension < 1 || c.count * c.dimension !== c.coordinates.length) {
      throw new RangeError(
        `${caller}: input.coordinates.length must be count*dimension = ${c.count}*${c.dimension}; got ${c.coordinates.length}`,
      );
    }
    for (let k = 0; k < c.coordinates.length; k++) {
      if (!Number.isFinite(c.coordinates[k])) {
        const point = Math.floor(k / c.dimension);
        throw notFinite(
          `${caller}: input.coordinates[${k}] (point ${point}, coordinate ${k - point * c.dimension})`,
          c.coordinates[k],
        );
      }
    }
  } else if (kind === "condensed") {
    const c = input as CondensedDistances;
    if (
      !(c.values instanceof Float64Array || c.values instanceof Float32Array) ||
      !Number.isSafeInteger(c.count)
    ) {
      throw new TypeError(
        `${caller}: input must be condensed distances {kind, count, values: Float32Array | Float64Array}; got ${describe(input)}`,
      );
    }
    if (c.count < 0 || c.values.length !== (c.count * (c.count - 1)) / 2) {
      throw new RangeError(
        `${caller}: condensed distances of ${c.count} points need ${(c.count * (c.count - 1)) / 2} values; got ${c.values.length}`,
      );
    }
    for (let e = 0; e < c.values.length; e++) {
      const d = c.values[e] as number;
      if (!(d >= 0 && d < Number.POSITIVE_INFINITY)) {
        throw new RangeError(
          `${caller}: input.values[${e}] is ${describe(d)}; distances must be finite and >= 0`,
        );
      }
    }
  } else {
    throw new TypeError(
      `${caller}: input must be a point cloud or condensed distances; got ${describe(input)}`,
    );
  }
  const count = (input as { count: number }).count;
  if (count < 2) {
    throw new RangeError(`${caller}: the sample needs at least 2 points; got ${count}`);
  }
}

function requireSubsampleSize(caller: string, value: unknown, n: number): number {
  if (value === undefined) return Math.min(n - 1, Math.max(1, Math.floor(n / Math.log(n))));
  if (typeof value !== "number") {
    throw new TypeError(
      `${caller}: options.subsampleSize must be a number; got ${describe(value)}`,
    );
  }
  if (!Number.isSafeInteger(value) || value < 1 || value > n - 1) {
    throw new RangeError(
      `${caller}: options.subsampleSize must be an integer in [1, ${n - 1}] (below the ${n} points); got ${describe(value)}`,
    );
  }
  return value;
}
