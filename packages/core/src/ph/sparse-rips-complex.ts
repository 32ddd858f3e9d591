import type { Precision, RealArray } from "../types.js";
import { BinomialTable, type BinomialTableOptions } from "./binomial-table.js";
import type { EntryHeap } from "./entry-heap.js";
import type { NeighborLists } from "./neighbor-lists.js";
import type { CoboundaryEnumerator, RipsComplex, SimplexList } from "./rips-complex.js";

/**
 * The Rips (flag) complex of a sparse graph: for every vertex, its neighbours
 * in increasing order with the edge values (Ripser's `sparse_distance_matrix`).
 * Cofacets are found by intersecting the neighbour lists of a simplex's
 * vertices, so the cost follows the number of edges, not n^2.
 */
export class SparseRipsComplex implements RipsComplex {
  readonly vertexCount: number;
  readonly binomial: BinomialTable;
  readonly threshold: number;
  /** Neighbours of v are `neighbors[offsets[v] .. offsets[v+1])`, increasing. */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly values: RealArray;
  readonly precision: Precision;
  private readonly vertexValues: Float64Array | undefined;

  constructor(
    graph: NeighborLists & { vertexValues?: Float64Array },
    vertexCount: number,
    threshold: number,
    maxDim: number,
    binomialOptions?: BinomialTableOptions,
  ) {
    this.vertexCount = vertexCount;
    this.threshold = threshold;
    this.offsets = graph.offsets;
    this.neighbors = graph.neighbors;
    this.values = graph.values;
    this.precision = graph.values instanceof Float32Array ? "float32" : "float64";
    this.vertexValues = graph.vertexValues;
    this.binomial = new BinomialTable(vertexCount, maxDim + 2, binomialOptions);
  }

  vertexValue(v: number): number {
    return this.vertexValues === undefined ? 0 : this.vertexValues[v];
  }

  edgeValue(i: number, j: number): number {
    let low = this.offsets[i];
    let high = this.offsets[i + 1] - 1;
    const nb = this.neighbors;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const w = nb[mid];
      if (w === j) return this.values[mid];
      if (w < j) low = mid + 1;
      else high = mid - 1;
    }
    return Number.POSITIVE_INFINITY;
  }

  edges(): SimplexList {
    const { offsets, neighbors, values } = this;
    let count = 0;
    for (let i = 0; i < this.vertexCount; i++) {
      for (let p = offsets[i]; p < offsets[i + 1] && neighbors[p] < i; p++) {
        if (values[p] <= this.threshold) count++;
      }
    }
    const diameters =
      values instanceof Float32Array ? new Float32Array(count) : new Float64Array(count);
    const indices = new Float64Array(count);
    let k = 0;
    for (let i = 0; i < this.vertexCount; i++) {
      const base = (i * (i - 1)) / 2;
      for (let p = offsets[i]; p < offsets[i + 1] && neighbors[p] < i; p++) {
        if (values[p] <= this.threshold) {
          diameters[k] = values[p];
          indices[k++] = base + neighbors[p];
        }
      }
    }
    return { diameters, indices, count };
  }

  createCoboundary(): CoboundaryEnumerator {
    // A wide table gets its own enumerator class, so that the ordinary one has no wide branches.
    return this.binomial.wide ? new WideSparseCoboundary(this) : new SparseCoboundary(this);
  }
}

class SparseCoboundary implements CoboundaryEnumerator {
  diameter = 0;
  index = 0;
  negative = false;
  protected readonly complex: SparseRipsComplex;
  /** Vertices in increasing order, as Ripser keeps them here. */
  protected readonly vertices: Int32Array;
  /** Per vertex of the simplex: a cursor walking its neighbour list downwards, and where the list starts. */
  protected readonly cursor: Int32Array;
  private readonly start: Int32Array;
  protected dim = 0;
  protected simplexDiameter = 0;
  protected below = 0;
  protected above = 0;
  protected k = 0;
  protected neighbor = 0;
  protected neighborDiameter = 0;
  /**
   * dim + 1 when the cofacets are encoded wide indices (set by
   * WideSparseCoboundary in the top dimension), else -1: `above` then leaves
   * out the top vertex's term C(u_top, maxK).
   */
  protected wideTopK = -1;

  constructor(complex: SparseRipsComplex) {
    this.complex = complex;
    const size = complex.binomial.maxK + 1;
    this.vertices = new Int32Array(size);
    this.cursor = new Int32Array(size);
    this.start = new Int32Array(size);
  }

  set(index: number, diameter: number, dim: number): void {
    const { binomial, vertexCount, offsets } = this.complex;
    let top = vertexCount - 1;
    let rest = index;
    for (let k = dim + 1; k > 1; k--) {
      top = binomial.maxVertex(rest, k, top);
      this.vertices[k - 1] = top;
      rest -= binomial.get(top, k);
    }
    this.vertices[0] = rest;
    for (let a = 0; a <= dim; a++) {
      const v = this.vertices[a];
      this.start[a] = offsets[v];
      this.cursor[a] = offsets[v + 1] - 1;
    }
    this.dim = dim;
    this.simplexDiameter = diameter;
    this.below = index;
    this.above = 0;
    this.k = dim + 1;
  }

  hasNext(allCofacets: boolean): boolean {
    const { neighbors, values, binomial } = this.complex;
    const cursor = this.cursor;
    const start = this.start;
    outer: for (; cursor[0] >= start[0]; cursor[0]--) {
      const neighbor = neighbors[cursor[0]];
      let diameter = values[cursor[0]];
      for (let a = 1; a <= this.dim; a++) {
        let p = cursor[a];
        while (p >= start[a] && neighbors[p] > neighbor) p--;
        cursor[a] = p;
        if (p < start[a]) return false;
        if (neighbors[p] !== neighbor) continue outer;
        if (values[p] > diameter) diameter = values[p];
      }
      while (this.k > 0 && this.vertices[this.k - 1] > neighbor) {
        if (!allCofacets) return false;
        const v = this.vertices[this.k - 1];
        this.below -= binomial.get(v, this.k);
        if (this.k !== this.wideTopK) this.above += binomial.get(v, this.k + 1);
        this.k--;
      }
      this.neighbor = neighbor;
      this.neighborDiameter = diameter;
      return true;
    }
    return false;
  }

  next(): void {
    this.cursor[0]--;
    this.diameter = Math.max(this.simplexDiameter, this.neighborDiameter);
    this.index = this.above + this.complex.binomial.get(this.neighbor, this.k + 1) + this.below;
    this.negative = (this.k & 1) === 1;
  }

  pushAll(heap: EntryHeap, threshold: number, coefficient: number, negated: number): void {
    while (this.hasNext(true)) {
      this.next();
      if (this.diameter <= threshold)
        heap.push(this.diameter, this.index, this.negative ? negated : coefficient);
    }
  }

  findSameDiameter(): number {
    while (this.hasNext(true)) {
      this.next();
      if (this.diameter === this.simplexDiameter) return this.index;
    }
    return -1;
  }
}

/**
 * The enumerator of a wide table (see BinomialTable): in the top dimension
 * (cofacets of maxK vertices) it names cofacets by encoded indices,
 * `binomial.encodeTop(top vertex, rest)`; `above` then leaves out the top
 * vertex's term C(u_top, maxK).
 */
class WideSparseCoboundary extends SparseCoboundary {
  override set(index: number, diameter: number, dim: number): void {
    super.set(index, diameter, dim);
    this.wideTopK = dim + 2 === this.complex.binomial.maxK ? dim + 1 : -1;
  }

  override next(): void {
    if (this.wideTopK < 0) {
      super.next();
      return;
    }
    this.cursor[0]--;
    this.diameter = Math.max(this.simplexDiameter, this.neighborDiameter);
    const binomial = this.complex.binomial;
    this.index =
      this.k === this.wideTopK
        ? binomial.encodeTop(this.neighbor, this.below)
        : binomial.encodeTop(
            this.vertices[this.dim],
            this.above + binomial.get(this.neighbor, this.k + 1) + this.below,
          );
    this.negative = (this.k & 1) === 1;
  }
}
