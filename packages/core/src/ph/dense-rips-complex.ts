import type { Precision, RealArray } from "../types.js";
import { BinomialTable, type BinomialTableOptions } from "./binomial-table.js";
import type { EntryHeap } from "./entry-heap.js";
import type { CoboundaryEnumerator, RipsComplex, SimplexList } from "./rips-complex.js";

/**
 * The Rips complex of a full distance matrix held as a condensed lower
 * triangle (Ripser's `compressed_lower_distance_matrix`). Cofacets are
 * enumerated by trying every other vertex, O(n) per simplex.
 */
export class DenseRipsComplex implements RipsComplex {
  readonly vertexCount: number;
  readonly binomial: BinomialTable;
  readonly threshold: number;
  readonly distances: RealArray;
  readonly precision: Precision;

  /** `binomialOptions` is internal (tests force wide indices with it). */
  constructor(
    distances: RealArray,
    vertexCount: number,
    threshold: number,
    maxDim: number,
    binomialOptions?: BinomialTableOptions,
  ) {
    this.distances = distances;
    this.precision = distances instanceof Float32Array ? "float32" : "float64";
    this.vertexCount = vertexCount;
    this.threshold = threshold;
    this.binomial = new BinomialTable(vertexCount, maxDim + 2, binomialOptions);
  }

  vertexValue(): number {
    return 0;
  }

  edgeValue(i: number, j: number): number {
    return i > j ? this.distances[(i * (i - 1)) / 2 + j] : this.distances[(j * (j - 1)) / 2 + i];
  }

  edges(): SimplexList {
    const d = this.distances;
    let count = 0;
    for (let e = 0; e < d.length; e++) if (d[e] <= this.threshold) count++;
    const diameters = d instanceof Float32Array ? new Float32Array(count) : new Float64Array(count);
    const indices = new Float64Array(count);
    let k = 0;
    for (let e = 0; e < d.length; e++) {
      if (d[e] <= this.threshold) {
        diameters[k] = d[e];
        indices[k++] = e; // the condensed position of {i > j} is its edge index C(i,2) + j
      }
    }
    return { diameters, indices, count };
  }

  createCoboundary(): CoboundaryEnumerator {
    // A wide table gets its own enumerator class, so that the ordinary one has no wide branches.
    return this.binomial.wide ? new WideDenseCoboundary(this) : new DenseCoboundary(this);
  }
}

class DenseCoboundary implements CoboundaryEnumerator {
  diameter = 0;
  index = 0;
  negative = false;
  protected readonly complex: DenseRipsComplex;
  protected readonly vertices: Int32Array;
  protected dim = 0;
  protected simplexDiameter = 0;
  protected below = 0;
  protected above = 0;
  protected v = 0;
  protected k = 0;

  constructor(complex: DenseRipsComplex) {
    this.complex = complex;
    this.vertices = new Int32Array(complex.binomial.maxK + 1);
  }

  set(index: number, diameter: number, dim: number): void {
    const { binomial, vertexCount } = this.complex;
    let top = vertexCount - 1;
    let rest = index;
    for (let k = dim + 1; k > 1; k--) {
      top = binomial.maxVertex(rest, k, top);
      this.vertices[dim + 1 - k] = top;
      rest -= binomial.get(top, k);
    }
    this.vertices[dim] = rest;
    this.dim = dim;
    this.simplexDiameter = diameter;
    this.below = index;
    this.above = 0;
    this.v = vertexCount - 1;
    this.k = dim + 1;
  }

  hasNext(allCofacets: boolean): boolean {
    return (
      this.v >= this.k && (allCofacets || this.complex.binomial.get(this.v, this.k) > this.below)
    );
  }

  next(): void {
    const binomial = this.complex.binomial;
    let v = this.v;
    let k = this.k;
    let c = binomial.get(v, k);
    while (c <= this.below) {
      this.below -= c;
      this.above += binomial.get(v, k + 1);
      v--;
      k--;
      c = binomial.get(v, k);
    }
    const d = this.complex.distances;
    const vertices = this.vertices;
    let diameter = this.simplexDiameter;
    const row = (v * (v - 1)) / 2;
    for (let a = 0; a <= this.dim; a++) {
      const w = vertices[a];
      const value = w < v ? d[row + w] : d[(w * (w - 1)) / 2 + v];
      if (value > diameter) diameter = value;
    }
    this.diameter = diameter;
    this.index = this.above + binomial.get(v, k + 1) + this.below;
    this.negative = (k & 1) === 1;
    this.v = v - 1;
    this.k = k;
  }

  pushAll(heap: EntryHeap, threshold: number, coefficient: number, negated: number): void {
    const { binomial, distances: d } = this.complex;
    const table = binomial.values;
    const stride = binomial.stride;
    const vertices = this.vertices;
    const dim = this.dim;
    let below = this.below;
    let above = this.above;
    let k = this.k;
    for (let v = this.v; v >= k; v--) {
      const c = table[k * stride + v];
      if (c <= below) {
        below -= c;
        above += table[(k + 1) * stride + v];
        k--;
        continue;
      }
      let diameter = this.simplexDiameter;
      const row = (v * (v - 1)) / 2;
      for (let a = 0; a <= dim; a++) {
        const w = vertices[a];
        const value = w < v ? d[row + w] : d[(w * (w - 1)) / 2 + v];
        if (value > diameter) diameter = value;
      }
      if (diameter <= threshold) {
        heap.push(
          diameter,
          above + table[(k + 1) * stride + v] + below,
          (k & 1) === 1 ? negated : coefficient,
        );
      }
    }
    this.v = k - 1;
  }

  findSameDiameter(): number {
    const { binomial, distances: d } = this.complex;
    const table = binomial.values;
    const stride = binomial.stride;
    const vertices = this.vertices;
    const dim = this.dim;
    const target = this.simplexDiameter;
    let below = this.below;
    let above = this.above;
    let k = this.k;
    outer: for (let v = this.v; v >= k; v--) {
      const c = table[k * stride + v];
      if (c <= below) {
        below -= c;
        above += table[(k + 1) * stride + v];
        k--;
        continue;
      }
      const row = (v * (v - 1)) / 2;
      for (let a = 0; a <= dim; a++) {
        const w = vertices[a];
        if ((w < v ? d[row + w] : d[(w * (w - 1)) / 2 + v]) > target) continue outer;
      }
      return above + table[(k + 1) * stride + v] + below;
    }
    return -1;
  }
}

/**
 * The enumerator of a wide table (see BinomialTable): in the top dimension
 * (cofacets of maxK vertices) it names cofacets by encoded indices. While
 * k = dim + 1 the new vertex v is the cofacet's top vertex (index C(v, maxK) +
 * below); once the simplex's top vertex u0 is passed, u0 is (index C(u0, maxK)
 * + above + C(v, k + 1) + below), and `above` leaves out the term C(u0, maxK).
 */
class WideDenseCoboundary extends DenseCoboundary {
  private wideTop = false;

  override set(index: number, diameter: number, dim: number): void {
    super.set(index, diameter, dim);
    this.wideTop = dim + 2 === this.complex.binomial.maxK;
  }

  override next(): void {
    if (!this.wideTop) {
      super.next();
      return;
    }
    const binomial = this.complex.binomial;
    const topK = this.dim + 1;
    let v = this.v;
    let k = this.k;
    let c = binomial.get(v, k);
    while (c <= this.below) {
      this.below -= c;
      if (k !== topK) this.above += binomial.get(v, k + 1);
      v--;
      k--;
      c = binomial.get(v, k);
    }
    const d = this.complex.distances;
    const vertices = this.vertices;
    let diameter = this.simplexDiameter;
    const row = (v * (v - 1)) / 2;
    for (let a = 0; a <= this.dim; a++) {
      const w = vertices[a];
      const value = w < v ? d[row + w] : d[(w * (w - 1)) / 2 + v];
      if (value > diameter) diameter = value;
    }
    this.diameter = diameter;
    this.index =
      k === topK
        ? binomial.encodeTop(v, this.below)
        : binomial.encodeTop(vertices[0], this.above + binomial.get(v, k + 1) + this.below);
    this.negative = (k & 1) === 1;
    this.v = v - 1;
    this.k = k;
  }

  override pushAll(heap: EntryHeap, threshold: number, coefficient: number, negated: number): void {
    if (!this.wideTop) {
      super.pushAll(heap, threshold, coefficient, negated);
      return;
    }
    const { binomial, distances: d } = this.complex;
    const table = binomial.values;
    const stride = binomial.stride;
    const vertices = this.vertices;
    const dim = this.dim;
    const topK = dim + 1;
    const u0 = vertices[0];
    let below = this.below;
    let above = this.above;
    let k = this.k;
    for (let v = this.v; v >= k; v--) {
      const c = table[k * stride + v];
      if (c <= below) {
        below -= c;
        if (k !== topK) above += table[(k + 1) * stride + v];
        k--;
        continue;
      }
      let diameter = this.simplexDiameter;
      const row = (v * (v - 1)) / 2;
      for (let a = 0; a <= dim; a++) {
        const w = vertices[a];
        const value = w < v ? d[row + w] : d[(w * (w - 1)) / 2 + v];
        if (value > diameter) diameter = value;
      }
      if (diameter <= threshold) {
        const index =
          k === topK
            ? binomial.encodeTop(v, below)
            : binomial.encodeTop(u0, above + table[(k + 1) * stride + v] + below);
        heap.push(diameter, index, (k & 1) === 1 ? negated : coefficient);
      }
    }
    this.v = k - 1;
  }

  override findSameDiameter(): number {
    if (!this.wideTop) return super.findSameDiameter();
    const { binomial, distances: d } = this.complex;
    const table = binomial.values;
    const stride = binomial.stride;
    const vertices = this.vertices;
    const dim = this.dim;
    const topK = dim + 1;
    const target = this.simplexDiameter;
    let below = this.below;
    let above = this.above;
    let k = this.k;
    outer: for (let v = this.v; v >= k; v--) {
      const c = table[k * stride + v];
      if (c <= below) {
        below -= c;
        if (k !== topK) above += table[(k + 1) * stride + v];
        k--;
        continue;
      }
      const row = (v * (v - 1)) / 2;
      for (let a = 0; a <= dim; a++) {
        const w = vertices[a];
        if ((w < v ? d[row + w] : d[(w * (w - 1)) / 2 + v]) > target) continue outer;
      }
      return k === topK
        ? binomial.encodeTop(v, below)
        : binomial.encodeTop(vertices[0], above + table[(k + 1) * stride + v] + below);
    }
    return -1;
  }
}
