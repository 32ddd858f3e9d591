/** The covers Mapper knows by name. */
export type CoverKind = "uniform" | "balanced" | "given";

/** One non-empty element of a cover: its multi-index and its points. */
export interface CoverElement {
  /** The element's multi-index: one interval number per lens dimension (`[e]` for a given cover). */
  readonly index: Int32Array;
  /** The indices of the points in the element, increasing. */
  readonly members: Int32Array;
}

/**
 * A cover of the points through their lens values: the non-empty elements in
 * lexicographic order of their multi-index (lens dimension 0 most
 * significant), with the intervals that made them.
 */
export interface MapperCover {
  /** Which cover this is. */
  readonly kind: CoverKind;
  /** Number of points covered. */
  readonly count: number;
  /** Intervals per lens dimension (`[elements]` for a given cover). */
  readonly intervals: readonly number[];
  /** The overlap fraction g (NaN for a given cover). */
  readonly overlap: number;
  /** `lower[d][i]`, `upper[d][i]`: the closed interval i of lens dimension d (empty arrays for a given cover). */
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
  /** The non-empty elements. */
  readonly elements: readonly CoverElement[];
  /** How many elements of the product of intervals hold no point (they make no node). */
  readonly emptyElements: number;
}

/** What a cover does with an element that holds no point. */
export type EmptyElementPolicy = "skip" | "error";
