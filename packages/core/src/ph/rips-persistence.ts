import {
  POINT_METRICS,
  type PointMetric,
  pairwiseDistances,
  requirePointCloud,
} from "../metric/pairwise-distances.js";
import { describe, requireOptions } from "../metric/validate.js";
import type {
  CondensedDistances,
  LongRunningOptions,
  PersistenceDiagram,
  Precision,
  RipsInput,
  SparseDistances,
} from "../types.js";
import { assertIndexable } from "./binomial-table.js";
import { CohomologyReducer } from "./cohomology-reducer.js";
import { DenseRipsComplex } from "./dense-rips-complex.js";
import { neighborListsFromGrid } from "./grid-neighbor-lists.js";
import {
  neighborLists,
  neighborListsFromCondensed,
  neighborListsFromPoints,
} from "./neighbor-lists.js";
import type { RipsComplex } from "./rips-complex.js";
import { SparseRipsComplex } from "./sparse-rips-complex.js";

/** Options of {@link ripsPersistence}. */
export interface RipsOptions extends LongRunningOptions {
  /** The largest homological dimension computed; default 1. */
  readonly maxDim?: number;
  /** Only simplices of diameter (filtration value) <= threshold enter the filtration; default Infinity. */
  readonly threshold?: number;
  /** The prime p of the coefficient field Z/p, at most 65521; default 2. */
  readonly modulus?: number;
  /** Whether every pair of dimension >= 1 carries a representative cocycle; default false. */
  readonly cocycles?: boolean;
  /** The metric of a point-cloud input; default "euclidean". */
  readonly metric?: PointMetric;
  /** The precision of the distances computed from a point cloud; default "float32" (as Ripser). */
  readonly precision?: Precision;
  /**
   * How the complex is held: `"dense"` (the condensed matrix), `"sparse"`
   * (neighbour lists of the edges under the threshold) or `"auto"` (sparse
   * when at most a quarter of the pairs are edges); default "auto". The
   * diagram is the same either way.
   */
  readonly representation?: "auto" | "dense" | "sparse";
}

const MAX_MODULUS = 65521;

/**
 * Vietoris–Rips persistent homology in dimensions 0..maxDim with coefficients
 * in Z/p: the barcodes of Ripser, computed by the same algorithm (see
 * {@link CohomologyReducer}). Zero-length pairs are left out, as Ripser and
 * GUDHI do; essential classes have death Infinity.
 *
 * For a full distance matrix with no finite threshold, the filtration stops at
 * the enclosing radius min_i max_j d(i, j), where the complex is a cone: the
 * diagram is unchanged and the work much smaller.
 *
 * @param input - A point cloud, condensed distances or sparse distances (see types.ts).
 * @param options - {@link RipsOptions}: maxDim (1), threshold (Infinity),
 *   modulus (2), cocycles (false), metric ("euclidean"), precision ("float32"),
 *   representation ("auto"), onProgress, signal.
 * @returns The diagram, `dimensions[k]` for H_k, pairs in Ripser's print order.
 * @throws TypeError for a wrong kind of input; RangeError for a bad option, a
 *   negative or NaN distance, or a complex whose maxDim-simplices have
 *   indices past 2^53 (C(n, maxDim + 1) > 2^53 - 1). The (maxDim + 1)-simplices,
 *   only ever pivots, may pass it (up to about 2^62): o3_4096 with maxDim 3
 *   (C(4096, 5) ≈ 9.6e15) or 50,000 points with maxDim 2 are computed, as by
 *   Ripser's 64-bit indices (see BinomialTable).
 * @example
 * ```ts
 * const angles = Array.from({ length: 12 }, (_, i) => (2 * Math.PI * i) / 12);
 * const circle = pointCloud(angles.flatMap((a) => [Math.cos(a), Math.sin(a)]), 12, 2);
 * ripsPersistence(circle).dimensions[1].births.length; // 1: the loop
 * ```
 * @see U. Bauer, "Ripser: efficient computation of Vietoris–Rips persistence barcodes",
 *   J. Appl. Comput. Topology 5 (2021).
 */
export function ripsPersistence(input: RipsInput, options?: RipsOptions): PersistenceDiagram {
  const opts = requireOptions("ripsPersistence: options", options);
  const maxDim = opts.maxDim ?? 1;
  if (!Number.isInteger(maxDim) || maxDim < 0) {
    throw new RangeError(
      `ripsPersistence: maxDim must be an integer >= 0; got ${describe(maxDim)}`,
    );
  }
  const threshold = opts.threshold ?? Number.POSITIVE_INFINITY;
  if (typeof threshold !== "number" || Number.isNaN(threshold)) {
    throw new RangeError(
      `ripsPersistence: threshold must be a number or Infinity; got ${describe(threshold)}`,
    );
  }
  const modulus = opts.modulus ?? 2;
  if (!isPrime(modulus) || modulus > MAX_MODULUS) {
    throw new RangeError(
      `ripsPersistence: modulus must be a prime between 2 and ${MAX_MODULUS}; got ${describe(modulus)}`,
    );
  }
  const representation = opts.representation ?? "auto";
  if (representation !== "auto" && representation !== "dense" && representation !== "sparse") {
    throw new RangeError(
      `ripsPersistence: representation must be "auto", "dense" or "sparse"; got ${describe(representation)}`,
    );
  }
  if (typeof input !== "object" || input === null) {
    throw new TypeError(
      `ripsPersistence: input must be a point cloud, condensed or sparse distances; got ${describe(input)}`,
    );
  }
  // Refuse an impossible size before computing any distance.
  assertIndexable(
    input.kind === "point-cloud" || input.kind === "condensed" || input.kind === "sparse"
      ? input.count
      : 0,
    maxDim + 2,
  );
  const complex = buildComplex(input, { ...opts, maxDim, threshold, representation });
  const reducer = new CohomologyReducer(
    complex,
    { maxDim, modulus, cocycles: opts.cocycles === true },
    opts,
  );
  return reducer.compute();
}

function buildComplex(
  input: RipsInput,
  options: RipsOptions & {
    maxDim: number;
    threshold: number;
    representation: "auto" | "dense" | "sparse";
  },
): RipsComplex {
  switch (input.kind) {
    case "point-cloud": {
      const metric = options.metric ?? "euclidean";
      const precision = options.precision ?? "float32";
      if (!POINT_METRICS.includes(metric)) {
        throw new RangeError(
          `ripsPersistence: metric must be one of ${POINT_METRICS.join(", ")}; got ${describe(metric)}`,
        );
      }
      if (precision !== "float32" && precision !== "float64") {
        throw new RangeError(
          `ripsPersistence: precision must be "float32" or "float64"; got ${describe(precision)}`,
        );
      }
      if (options.threshold < Number.POSITIVE_INFINITY && options.representation !== "dense") {
        // A threshold on a point cloud: keep only the edges, never the full
        // matrix, unless (in "auto") they are over a quarter of all pairs.
        requirePointCloud(input);
        const pairs = (input.count * (input.count - 1)) / 2;
        const maxEdges = options.representation === "sparse" ? Number.POSITIVE_INFINITY : pairs / 4;
        const { threshold } = options;
        const lists =
          neighborListsFromGrid(input, metric, precision, threshold, maxEdges, options) ??
          neighborListsFromPoints(input, metric, precision, threshold, maxEdges, options);
        if (lists !== undefined)
          return new SparseRipsComplex(lists, input.count, options.threshold, options.maxDim);
      }
      const distances = pairwiseDistances(input, {
        metric,
        precision,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return condensedComplex(distances, options);
    }
    case "condensed":
      return condensedComplex(input, options);
    case "sparse":
      return sparseComplex(input, options);
    default:
      throw new TypeError(
        `ripsPersistence: input.kind must be "point-cloud", "condensed" or "sparse"; got ${describe((input as { kind?: unknown }).kind)}`,
      );
  }
}

function condensedComplex(
  input: CondensedDistances,
  options: { maxDim: number; threshold: number; representation: "auto" | "dense" | "sparse" },
): RipsComplex {
  const { count, values } = input;
  if (!Number.isInteger(count) || count < 0 || values.length !== (count * (count - 1)) / 2) {
    throw new RangeError(
      `ripsPersistence: condensed distances of ${describe(count)} points need ${(count * (count - 1)) / 2} values; got ${values.length}`,
    );
  }
  for (let e = 0; e < values.length; e++) {
    const d = values[e];
    if (!(d >= 0)) {
      throw new RangeError(
        `ripsPersistence: distance ${e} (condensed position) is ${describe(d)}; distances must be >= 0`,
      );
    }
  }
  const threshold = Math.min(options.threshold, enclosingRadius(values, count));
  let edgeCount = 0;
  for (let e = 0; e < values.length; e++) if (values[e] <= threshold) edgeCount++;
  const sparse =
    options.representation === "sparse" ||
    (options.representation === "auto" && edgeCount * 4 <= values.length);
  if (!sparse) return new DenseRipsComplex(values, count, threshold, options.maxDim);
  return new SparseRipsComplex(
    neighborListsFromCondensed(values, count, threshold),
    count,
    threshold,
    options.maxDim,
  );
}

function sparseComplex(
  input: SparseDistances,
  options: { maxDim: number; threshold: number },
): RipsComplex {
  const { count, rows, cols, values, vertexValues } = input;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(
      `ripsPersistence: sparse distances need a vertex count >= 0; got ${describe(count)}`,
    );
  }
  if (rows.length !== cols.length || rows.length !== values.length) {
    throw new RangeError(
      `ripsPersistence: sparse rows, cols and values must have one length; got ${rows.length}, ${cols.length}, ${values.length}`,
    );
  }
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const j = cols[k];
    if (!(i >= 0 && i < count && j >= 0 && j < count) || i === j) {
      throw new RangeError(
        `ripsPersistence: sparse edge ${k} joins ${i} and ${j}; vertices must be distinct and in 0..${count - 1}`,
      );
    }
    if (Number.isNaN(values[k]) || (vertexValues === undefined && values[k] < 0)) {
      throw new RangeError(
        `ripsPersistence: sparse edge ${k} has value ${describe(values[k])}; expected a number >= 0`,
      );
    }
  }
  if (vertexValues !== undefined) {
    if (vertexValues.length !== count) {
      throw new RangeError(
        `ripsPersistence: vertexValues needs ${count} values; got ${vertexValues.length}`,
      );
    }
    for (let v = 0; v < count; v++) {
      if (!Number.isFinite(vertexValues[v])) {
        throw new RangeError(
          `ripsPersistence: vertex value ${v} is ${describe(vertexValues[v])}; expected a finite number`,
        );
      }
    }
  }
  const lists = neighborLists(count, rows, cols, values, options.threshold, vertexValues);
  return new SparseRipsComplex(
    vertexValues === undefined
      ? lists
      : { ...lists, vertexValues: Float64Array.from(vertexValues, (x) => x + 0) },
    count,
    options.threshold,
    options.maxDim,
  );
}

/** min over points of the largest distance from it: beyond it the Rips complex is a cone. */
function enclosingRadius(values: ArrayLike<number>, count: number): number {
  if (count < 2) return Number.POSITIVE_INFINITY;
  const largest = new Float64Array(count);
  for (let i = 1; i < count; i++) {
    const row = (i * (i - 1)) / 2;
    for (let j = 0; j < i; j++) {
      const d = values[row + j];
      if (d > largest[i]) largest[i] = d;
      if (d > largest[j]) largest[j] = d;
    }
  }
  let radius = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) if (largest[i] < radius) radius = largest[i];
  return radius;
}

function isPrime(p: unknown): p is number {
  if (typeof p !== "number" || !Number.isInteger(p) || p < 2) return false;
  for (let d = 2; d * d <= p; d++) if (p % d === 0) return false;
  return true;
}
