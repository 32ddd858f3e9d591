import type { RealArray } from "@nettopo/core";

/**
 * What the readers return: plain arrays with a shape, before the core turns
 * them into a Rips input (the metric is chosen there).
 */
export type ParsedInput = ParsedMatrix | ParsedDistances | ParsedSparse;

/** A rows x columns matrix, row-major (a point cloud, or samples x neurons). */
export interface ParsedMatrix {
  readonly kind: "matrix";
  readonly rows: number;
  readonly columns: number;
  readonly values: Float64Array;
}

/**
 * A distance matrix as its strict lower triangle, row by row (the distance
 * between i > j at `i*(i-1)/2 + j`), already checked: finite, and not
 * negative beyond rounding noise (see DISTANCE_TOLERANCE; such noise is
 * stored as 0). The values are in the precision the reader was asked for, so
 * they can be the core's condensed distances as they are.
 */
export interface ParsedDistances {
  readonly kind: "distances";
  readonly count: number;
  readonly values: RealArray;
}

/** Sparse distances, one entry per undirected edge (i !== j), checked: finite and >= 0. */
export interface ParsedSparse {
  readonly kind: "sparse";
  readonly count: number;
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly values: Float64Array;
}
