import type { Precision, RealArray } from "../types.js";
import type { BinomialTable } from "./binomial-table.js";
import type { EntryHeap } from "./entry-heap.js";

/**
 * A Vietoris–Rips (flag) complex seen through its edges: what the cohomology
 * reduction needs to know, with simplices named by their combinatorial index.
 * Implemented by a dense condensed matrix and by sparse neighbour lists.
 */
export interface RipsComplex {
  readonly vertexCount: number;
  readonly binomial: BinomialTable;
  /** Simplices with a larger diameter are not in the complex. */
  readonly threshold: number;
  /** The precision of the edge values, hence of every simplex diameter. */
  readonly precision: Precision;
  /** The filtration value of vertex v (0 for a distance matrix). */
  vertexValue(v: number): number;
  /** The value of the edge {i, j}, i !== j; Infinity when it is absent. */
  edgeValue(i: number, j: number): number;
  /** Every edge with value <= threshold, as (diameter, edge index) pairs. */
  edges(): SimplexList;
  /** A reusable enumerator of cofacets. */
  createCoboundary(): CoboundaryEnumerator;
}

/** Parallel arrays of simplex diameters and indices, `count` of them. */
export interface SimplexList {
  diameters: RealArray;
  indices: Float64Array;
  count: number;
}

/**
 * Enumerates the cofacets of one simplex in decreasing index order (Ripser's
 * `simplex_coboundary_enumerator`). After `next()`, `diameter`, `index` and
 * `negative` (the sign of the cofacet in the coboundary) describe the cofacet.
 */
export interface CoboundaryEnumerator {
  diameter: number;
  index: number;
  negative: boolean;
  set(index: number, diameter: number, dim: number): void;
  /** With `allCofacets` false, stops at the first cofacet whose new vertex is not the largest. */
  hasNext(allCofacets: boolean): boolean;
  next(): void;
  /**
   * Pushes every remaining cofacet of diameter <= threshold onto `heap`, with
   * `coefficient` or, for negative cofacets, `negated` (the hot loop of a
   * reduction, written once per complex so it runs without calls).
   */
  pushAll(heap: EntryHeap, threshold: number, coefficient: number, negated: number): void;
  /** The index of the first remaining cofacet with the simplex's own diameter, or -1. */
  findSameDiameter(): number;
}

/**
 * Writes the vertices of a simplex into `out` in decreasing order (Ripser's
 * get_simplex_vertices). A simplex of `binomial.maxK` vertices in a wide table
 * has an encoded index (see {@link BinomialTable}).
 */
export function simplexVertices(
  binomial: BinomialTable,
  index: number,
  dim: number,
  vertexCount: number,
  out: Int32Array,
): void {
  let top = vertexCount - 1;
  let k = dim + 1;
  if (binomial.wide && k === binomial.maxK && k > 1) {
    top = binomial.maxVertex(index, k, top);
    out[0] = top;
    index = binomial.topRest(index, top);
    k--;
  }
  for (; k > 1; k--) {
    top = binomial.maxVertex(index, k, top);
    out[dim + 1 - k] = top;
    index -= binomial.get(top, k);
  }
  out[dim] = index;
}
