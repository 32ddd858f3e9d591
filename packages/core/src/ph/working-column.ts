/**
 * The column being reduced in a cohomology reduction: a sum of coboundaries
 * of simplices of one dimension, read from its pivot (the entry of smallest
 * diameter, then largest index; coefficients of one index summed mod p).
 * Implemented by {@link HeapColumn} (Ripser's heap of entries, for any
 * complex) and {@link MergedCoboundaryColumn} (lazy, for dense complexes).
 */
export interface WorkingColumn {
  /** The pivot found by the last `start` or `getPivot` that returned true. */
  pivotDiameter: number;
  pivotIndex: number;
  pivotCoefficient: number;
  /**
   * Sets the column to the coboundary of a `dim`-simplex; returns whether it
   * has a pivot. `isFreePivot(index, diameter, coefficient)` says whether a
   * cofacet of the simplex's own diameter would be its pivot with nothing to reduce (an
   * implementation may use it to pair the column without building it).
   */
  start(
    index: number,
    diameter: number,
    dim: number,
    isFreePivot: (index: number, diameter: number, coefficient: number) => boolean,
  ): boolean;
  /** Adds `coefficient` times the coboundary of a simplex of the dimension given to `start`. */
  add(index: number, diameter: number, coefficient: number): void;
  /** Finds the pivot (left in the column); false when the column is zero. */
  getPivot(): boolean;
}
