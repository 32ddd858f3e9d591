/**
 * Shared numeric types of @nettopo/core. Numbers live in typed arrays; a
 * precision is always a named choice (`"float32"` or `"float64"`), never a
 * silent cast.
 */

/** A buffer of real values; which one it is states the precision in use. */
export type RealArray = Float32Array | Float64Array;

/** The floating-point precision a computation stores its values in. */
export type Precision = "float32" | "float64";

/**
 * A point cloud: `count` points in R^`dimension`, row-major in `coordinates`
 * (point i occupies `coordinates[i*dimension .. (i+1)*dimension)`).
 */
export interface PointCloud {
  readonly kind: "point-cloud";
  readonly count: number;
  readonly dimension: number;
  readonly coordinates: Float64Array;
}

/**
 * A symmetric distance matrix with zero diagonal stored as its strict lower
 * triangle, row by row: the distance between i > j is at `i*(i-1)/2 + j`.
 * `values.length === count*(count-1)/2`. The array type is the precision.
 */
export interface CondensedDistances {
  readonly kind: "condensed";
  readonly count: number;
  readonly values: RealArray;
}

/**
 * A sparse symmetric distance (or filtration) graph in coordinate form: edge k
 * joins `rows[k]` and `cols[k]` with value `values[k]`. Each undirected edge
 * appears once or twice (both orientations are accepted); absent pairs are at
 * infinite distance. `vertexValues`, when given, are the vertex birth values
 * (a flag filtration); otherwise every vertex is born at 0.
 */
export interface SparseDistances {
  readonly kind: "sparse";
  readonly count: number;
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly values: Float64Array;
  readonly vertexValues?: Float64Array;
}

/** Anything `ripsPersistence` accepts. */
export type RipsInput = PointCloud | CondensedDistances | SparseDistances;

/**
 * A representative cocycle of one persistence pair: `simplices` lists
 * `(dim+1)` vertex indices per simplex (flat, vertices in decreasing order as
 * Ripser prints them), `coefficients[k]` is the value in Z/p on simplex k
 * (in 1..p-1, Ripser's normalisation).
 */
export interface Cocycle {
  readonly simplices: Int32Array;
  readonly coefficients: Int32Array;
}

/**
 * The persistence pairs of one homological dimension, struct-of-arrays.
 * Essential classes have `deaths[k] === Infinity` (written `null` in JSON).
 * `cocycles`, when requested, is aligned with the pairs.
 */
export interface DiagramOfDimension {
  readonly dim: number;
  readonly births: Float64Array;
  readonly deaths: Float64Array;
  readonly cocycles?: readonly Cocycle[];
}

/** A persistence diagram: `dimensions[k]` holds the pairs of H_k. */
export interface PersistenceDiagram {
  readonly dimensions: readonly DiagramOfDimension[];
}

/** Progress report of a long computation: `done` out of `total` units of `stage`. */
export interface Progress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/**
 * The part of the standard `AbortSignal` core reads (core is compiled without
 * DOM or Node types, so it names only what it uses).
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Options every long computation accepts. */
export interface LongRunningOptions {
  /** Called now and then with the progress; default: none. */
  readonly onProgress?: (progress: Progress) => void;
  /** Aborts the computation with the signal's reason; default: none. */
  readonly signal?: AbortSignalLike;
}
