import type { Cocycle, LongRunningOptions, PersistenceDiagram } from "../types.js";
import type { BinomialTable } from "./binomial-table.js";
import { CommonNeighbors } from "./common-neighbors.js";
import { DenseRipsComplex } from "./dense-rips-complex.js";
import { DiagramBuilder } from "./diagram-builder.js";
import { EntryHeap } from "./entry-heap.js";
import { HeapColumn } from "./heap-column.js";
import { MergedCoboundaryColumn } from "./merged-coboundary-column.js";
import { MAX_LISTED_VERTICES, neighborsByDistance } from "./neighbors-by-distance.js";
import { PivotMap } from "./pivot-map.js";
import { ReductionMatrix } from "./reduction-matrix.js";
import {
  type CoboundaryEnumerator,
  type RipsComplex,
  type SimplexList,
  simplexVertices,
} from "./rips-complex.js";
import { SimplexBuffer } from "./simplex-buffer.js";
import { sortByFiltration } from "./sort-by-filtration.js";
import { UnionFind } from "./union-find.js";
import type { WorkingColumn } from "./working-column.js";

/** How often (in columns) the reduction reports progress and checks for an abort. */
const CHECK_EVERY = 2048;

/**
 * Persistent cohomology of a Rips complex, the algorithm of Ripser 1.2
 * (Bauer, "Ripser: efficient computation of Vietoris–Rips persistence
 * barcodes", J. Appl. Comput. Topology 2021): H0 by union–find, then for each
 * dimension a reduction of the coboundary matrix column by column in reverse
 * filtration order, with clearing (a pivot of dimension d is not a column of
 * dimension d+1), implicit coboundaries over the combinatorial number system,
 * emergent pairs (a column whose pivot is a zero-persistence cofacet is paired
 * without building it) and apparent pairs (skipped as columns, and used to
 * shortcut reductions). The pairs come out in the order Ripser prints them.
 *
 * The column being reduced is a {@link WorkingColumn}: on a dense complex a
 * lazy merge of coboundaries ({@link MergedCoboundaryColumn}), elsewhere
 * Ripser's heap of entries ({@link HeapColumn}); both give the same pivots.
 */
export class CohomologyReducer {
  private readonly complex: RipsComplex;
  private readonly maxDim: number;
  private readonly modulus: number;
  private readonly threshold: number;
  private readonly withCocycles: boolean;
  private readonly options: LongRunningOptions;
  private readonly inverse: Uint16Array;
  private readonly cofacets: CoboundaryEnumerator;
  private readonly auxiliaryCofacets: CoboundaryEnumerator;
  /** Chosen once the edges are sorted (see computeDimension0). */
  private workingCoboundary: WorkingColumn | undefined;
  private readonly workingReduction: EntryHeap;
  private readonly scratchVertices: Int32Array;
  private readonly scratchFacet: Int32Array;
  // The facet found by the last zeroApparentFacet call.
  private facetDiameter = 0;
  private facetIndex = -1;
  private facetCoefficient = 0;

  constructor(
    complex: RipsComplex,
    settings: { maxDim: number; modulus: number; cocycles: boolean },
    options: LongRunningOptions = {},
  ) {
    this.complex = complex;
    this.maxDim = settings.maxDim;
    this.modulus = settings.modulus;
    this.threshold = complex.threshold;
    this.withCocycles = settings.cocycles;
    this.options = options;
    this.inverse = multiplicativeInverses(settings.modulus);
    this.workingReduction = new EntryHeap();
    this.cofacets = complex.createCoboundary();
    this.auxiliaryCofacets = complex.createCoboundary();
    this.scratchVertices = new Int32Array(settings.maxDim + 3);
    this.scratchFacet = new Int32Array(settings.maxDim + 3);
  }

  compute(): PersistenceDiagram {
    const builders: DiagramBuilder[] = [];
    for (let dim = 0; dim <= this.maxDim; dim++)
      builders.push(new DiagramBuilder(dim, this.withCocycles && dim > 0));
    let { columns, simplices } = this.computeDimension0(builders[0]);
    for (let dim = 1; dim <= this.maxDim; dim++) {
      const pivots = new PivotMap(columns.count);
      this.computePairs(columns, pivots, dim, builders[dim]);
      if (dim < this.maxDim)
        ({ columns, simplices } = this.assembleColumns(simplices!, pivots, dim + 1));
    }
    return { dimensions: builders.map((b) => b.build()) };
  }

  /**
   * H0 by union–find over the edges in filtration order. Returns the edges to
   * reduce in dimension 1 and, when dimension 2 is wanted, all edges (the
   * simplices whose cofacets are the next columns).
   */
  private computeDimension0(builder: DiagramBuilder): {
    columns: SimplexBuffer;
    simplices: SimplexList | undefined;
  } {
    const edges = this.complex.edges();
    const { diameters, indices } = edges;
    const order = sortByFiltration(diameters, indices, edges.count);
    const { vertexCount, binomial } = this.complex;
    // Dense complexes keep the endpoints of their edges (8 bytes an edge, a
    // fraction of what they hold already) and find the apparent pairs of
    // edges with bit rows (see CommonNeighbors); sparse ones decode as Ripser.
    const dense = this.maxDim >= 1 && this.complex instanceof DenseRipsComplex;
    const ends = dense ? edgeEnds(edges, binomial, vertexCount) : undefined;
    const common = dense ? new CommonNeighbors(vertexCount) : undefined;
    if (this.maxDim >= 1) this.workingCoboundary = this.chooseWorkingColumn(edges, order, ends);
    let inserted = order.length;
    const births = new Float64Array(vertexCount);
    for (let v = 0; v < vertexCount; v++) births[v] = this.complex.vertexValue(v);
    const components = new UnionFind(births);
    const kept = new SimplexBuffer(this.complex.precision);
    for (let t = order.length - 1; t >= 0; t--) {
      const e = order[t];
      const diameter = diameters[e];
      const index = indices[e];
      const i = ends !== undefined ? ends[2 * e] : binomial.maxVertex(index, 2, vertexCount - 1);
      const j = ends !== undefined ? ends[2 * e + 1] : index - binomial.get(i, 2);
      if (common !== undefined && ends !== undefined) {
        // Every edge of diameter <= this one, ties after it in the order included.
        while (inserted > 0 && diameters[order[inserted - 1]] <= diameter) {
          const f = order[--inserted];
          common.insert(ends[2 * f], ends[2 * f + 1]);
        }
      }
      const u = components.find(i);
      const v = components.find(j);
      if (u !== v) {
        const younger = Math.max(components.birth[u], components.birth[v]);
        if (diameter > younger) builder.add(younger, diameter);
        components.link(u, v);
      } else if (this.maxDim >= 1) {
        const apparent =
          common !== undefined
            ? this.isApparentEdge(i, j, diameter, common.largestCommon(i, j))
            : this.zeroApparentCofacet(index, diameter, 1) !== -1;
        if (!apparent) kept.push(diameter, index);
      }
    }
    for (let v = 0; v < vertexCount; v++) {
      // A vertex above the threshold is not in the filtration at all.
      if (components.find(v) === v && components.birth[v] <= this.threshold) {
        builder.add(components.birth[v], Number.POSITIVE_INFINITY);
      }
    }
    // Edges were visited in increasing filtration order; columns are reduced in decreasing order.
    reverseInPlace(kept);
    kept.trim();
    return { columns: kept, simplices: this.maxDim >= 2 ? edges : undefined };
  }

  /**
   * Whether edge {i > j} of diameter d forms an apparent pair with the
   * triangle {i, j, v}, v its largest vertex within d of both (-1: none):
   * the triangle is e's pivot cofacet, and e must be the triangle's first
   * facet of diameter d, removing the largest vertex first (as zeroPivotFacet).
   */
  private isApparentEdge(i: number, j: number, d: number, v: number): boolean {
    if (v === -1) return false;
    if (v > i) return true; // e = {i, j} is the facet without the largest vertex v
    const complex = this.complex;
    // Removing i first leaves {v, j}; when v < j, removing j next leaves {i, v}.
    if (complex.edgeValue(v, j) === d) return false;
    return v > j || complex.edgeValue(i, v) !== d;
  }

  /**
   * The lazy merged column where it applies (a dense complex whose indices
   * are all exact and whose vertices fit the 16-bit neighbour lists), else
   * the heap.
   */
  private chooseWorkingColumn(
    edges: SimplexList,
    order: Uint32Array,
    ends: Int32Array | undefined,
  ): WorkingColumn {
    const complex = this.complex;
    const settings = {
      vertexCount: complex.vertexCount,
      maxDim: this.maxDim,
      modulus: this.modulus,
      threshold: this.threshold,
    };
    if (
      !(complex instanceof DenseRipsComplex) ||
      complex.binomial.wide ||
      ends === undefined ||
      complex.vertexCount > MAX_LISTED_VERTICES
    ) {
      return new HeapColumn(complex.createCoboundary(), settings);
    }
    const lists = neighborsByDistance(complex.vertexCount, edges, order, ends);
    return new MergedCoboundaryColumn(complex.distances, lists, complex.binomial, settings);
  }

  private computePairs(
    columns: SimplexBuffer,
    pivots: PivotMap,
    dim: number,
    builder: DiagramBuilder,
  ): void {
    const modulus = this.modulus;
    const reduction = new ReductionMatrix(columns.count);
    const column = this.workingCoboundary!;
    const isFreePivot = (cofacet: number, d: number, coefficient: number): boolean =>
      !pivots.has(cofacet) && !this.zeroApparentFacet(cofacet, d, coefficient, dim + 1);
    const { onProgress, signal } = this.options;
    for (let c = 0; c < columns.count; c++) {
      if (c % CHECK_EVERY === 0) {
        if (signal?.aborted) throw signal.reason ?? new Error("aborted");
        onProgress?.({ stage: `H${dim}`, done: c, total: columns.count });
      }
      const diameter = columns.diameters[c];
      const index = columns.indices[c];
      reduction.appendColumn();
      this.workingReduction.clear();
      let found = column.start(index, diameter, dim, isFreePivot);
      for (;;) {
        if (!found) {
          builder.add(diameter, Number.POSITIVE_INFINITY, this.takeCocycle(index, dim));
          break;
        }
        const other = pivots.column(column.pivotIndex);
        if (other !== -1) {
          const otherCoefficient = pivots.coefficient(column.pivotIndex);
          const factor =
            modulus - ((column.pivotCoefficient * this.inverse[otherCoefficient]) % modulus);
          this.addReducedColumn(columns, reduction, other, factor);
          found = column.getPivot();
        } else if (
          this.zeroApparentFacet(
            column.pivotIndex,
            column.pivotDiameter,
            column.pivotCoefficient,
            dim + 1,
          )
        ) {
          this.addSimplexCoboundary(
            this.facetIndex,
            this.facetDiameter,
            modulus - this.facetCoefficient,
          );
          found = column.getPivot();
        } else {
          const death = column.pivotDiameter;
          pivots.set(column.pivotIndex, c, column.pivotCoefficient);
          if (death > diameter && this.withCocycles) {
            builder.add(diameter, death, this.storeReductionAsCocycle(index, dim, reduction));
          } else {
            if (death > diameter) builder.add(diameter, death);
            this.storeReduction(reduction);
          }
          break;
        }
      }
    }
    onProgress?.({ stage: `H${dim}`, done: columns.count, total: columns.count });
  }

  /** Pops the working reduction column into the stored matrix. */
  private storeReduction(reduction: ReductionMatrix): void {
    const column = this.workingReduction;
    while (column.popSummed(this.modulus)) {
      reduction.push(column.poppedDiameter, column.poppedIndex, column.poppedCoefficient);
    }
  }

  /** Stores the reduction column and returns it, with the column's own simplex, as a cocycle. */
  private storeReductionAsCocycle(index: number, dim: number, reduction: ReductionMatrix): Cocycle {
    const column = this.workingReduction;
    const simplices: number[] = [];
    const coefficients: number[] = [];
    this.appendSimplex(simplices, coefficients, index, 1, dim);
    while (column.popSummed(this.modulus)) {
      reduction.push(column.poppedDiameter, column.poppedIndex, column.poppedCoefficient);
      this.appendSimplex(
        simplices,
        coefficients,
        column.poppedIndex,
        column.poppedCoefficient,
        dim,
      );
    }
    return { simplices: Int32Array.from(simplices), coefficients: Int32Array.from(coefficients) };
  }

  /** The cocycle of an essential class (its reduction column is never needed again). */
  private takeCocycle(index: number, dim: number): Cocycle | undefined {
    if (!this.withCocycles) return undefined;
    const simplices: number[] = [];
    const coefficients: number[] = [];
    this.appendSimplex(simplices, coefficients, index, 1, dim);
    const column = this.workingReduction;
    while (column.popSummed(this.modulus)) {
      this.appendSimplex(
        simplices,
        coefficients,
        column.poppedIndex,
        column.poppedCoefficient,
        dim,
      );
    }
    return { simplices: Int32Array.from(simplices), coefficients: Int32Array.from(coefficients) };
  }

  private appendSimplex(
    simplices: number[],
    coefficients: number[],
    index: number,
    coefficient: number,
    dim: number,
  ): void {
    simplexVertices(
      this.complex.binomial,
      index,
      dim,
      this.complex.vertexCount,
      this.scratchVertices,
    );
    for (let a = 0; a <= dim; a++) simplices.push(this.scratchVertices[a]);
    coefficients.push(coefficient);
  }

  private addReducedColumn(
    columns: SimplexBuffer,
    reduction: ReductionMatrix,
    column: number,
    factor: number,
  ): void {
    this.addSimplexCoboundary(columns.indices[column], columns.diameters[column], factor);
    const modulus = this.modulus;
    const end = reduction.end(column);
    for (let p = reduction.start(column); p < end; p++) {
      const coefficient = (reduction.coefficients[p] * factor) % modulus;
      this.addSimplexCoboundary(reduction.indices[p], reduction.diameters[p], coefficient);
    }
  }

  /** Adds coefficient times the coboundary of a simplex to the working column, and records it in the reduction. */
  private addSimplexCoboundary(index: number, diameter: number, coefficient: number): void {
    this.workingReduction.push(diameter, index, coefficient);
    this.workingCoboundary!.add(index, diameter, coefficient);
  }

  /**
   * The first facet (largest vertex removed first) with the simplex's own
   * diameter; writes it to facetIndex/Diameter/Coefficient, or sets facetIndex -1.
   */
  private zeroPivotFacet(index: number, diameter: number, coefficient: number, dim: number): void {
    const { binomial, vertexCount } = this.complex;
    const modulus = this.modulus;
    const vertices = this.scratchFacet;
    simplexVertices(binomial, index, dim, vertexCount, vertices);
    let below = index;
    let above = 0;
    let k = dim;
    if (binomial.wide && dim + 1 === binomial.maxK) {
      // An encoded (wide) index: removing the top vertex leaves an ordinary index.
      const rest = binomial.topRest(index, vertices[0]);
      if (this.diameterWithout(vertices, dim, 0) === diameter) {
        this.facetIndex = rest;
        this.facetDiameter = diameter;
        this.facetCoefficient =
          (k & 1) === 1 ? ((modulus - 1) * coefficient) % modulus : coefficient;
        return;
      }
      below = rest;
      above = binomial.get(vertices[0], k);
      k--;
    }
    for (; k >= 0; k--) {
      const removed = dim - k; // vertices are decreasing: the largest goes first
      const j = vertices[removed];
      const facetIndex = above - binomial.get(j, k + 1) + below;
      below -= binomial.get(j, k + 1);
      above += binomial.get(j, k);
      if (this.diameterWithout(vertices, dim, removed) === diameter) {
        this.facetIndex = facetIndex;
        this.facetDiameter = diameter;
        this.facetCoefficient =
          (k & 1) === 1 ? ((modulus - 1) * coefficient) % modulus : coefficient;
        return;
      }
    }
    this.facetIndex = -1;
  }

  /** The diameter of the facet of simplex `vertices[0..dim]` that leaves out vertex position `removed`. */
  private diameterWithout(vertices: Int32Array, dim: number, removed: number): number {
    let diameter = Number.NEGATIVE_INFINITY;
    for (let a = 1; a <= dim; a++) {
      if (a === removed) continue;
      for (let b = 0; b < a; b++) {
        if (b === removed) continue;
        const value = this.complex.edgeValue(vertices[a], vertices[b]);
        if (value > diameter) diameter = value;
      }
    }
    return diameter;
  }

  /** The first cofacet with the simplex's own diameter, or -1. */
  private zeroPivotCofacet(index: number, diameter: number, dim: number): number {
    this.auxiliaryCofacets.set(index, diameter, dim);
    return this.auxiliaryCofacets.findSameDiameter();
  }

  /** Whether the simplex has a facet with which it forms an apparent pair of zero persistence (left in facet*). */
  private zeroApparentFacet(
    index: number,
    diameter: number,
    coefficient: number,
    dim: number,
  ): boolean {
    this.zeroPivotFacet(index, diameter, coefficient, dim);
    if (this.facetIndex === -1) return false;
    if (this.zeroPivotCofacet(this.facetIndex, this.facetDiameter, dim - 1) === index) return true;
    this.facetIndex = -1;
    return false;
  }

  /** The cofacet with which the simplex forms an apparent pair of zero persistence, or -1. */
  private zeroApparentCofacet(index: number, diameter: number, dim: number): number {
    const cofacet = this.zeroPivotCofacet(index, diameter, dim);
    if (cofacet === -1) return -1;
    this.zeroPivotFacet(cofacet, diameter, 1, dim + 1);
    return this.facetIndex === index ? cofacet : -1;
  }

  /**
   * The simplices of dimension `dim` that need a column: cofacets of the
   * (dim-1)-simplices below the threshold that are neither pivots (clearing)
   * nor in an apparent pair; sorted in reduction order.
   */
  private assembleColumns(
    simplices: SimplexList,
    pivots: PivotMap,
    dim: number,
  ): { columns: SimplexBuffer; simplices: SimplexList | undefined } {
    const precision = this.complex.precision;
    const next = dim < this.maxDim ? new SimplexBuffer(precision, simplices.count) : undefined;
    const found = new SimplexBuffer(precision, simplices.count);
    const cofacets = this.cofacets;
    const { signal, onProgress } = this.options;
    for (let s = 0; s < simplices.count; s++) {
      if (s % CHECK_EVERY === 0) {
        if (signal?.aborted) throw signal.reason ?? new Error("aborted");
        onProgress?.({ stage: `assembling H${dim}`, done: s, total: simplices.count });
      }
      cofacets.set(simplices.indices[s], simplices.diameters[s], dim - 1);
      while (cofacets.hasNext(false)) {
        cofacets.next();
        const d = cofacets.diameter;
        if (d > this.threshold) continue;
        const index = cofacets.index;
        next?.push(d, index);
        if (!pivots.has(index) && !this.isInZeroApparentPair(index, d, dim)) found.push(d, index);
      }
    }
    next?.trim();
    const order = sortByFiltration(found.diameters, found.indices, found.count);
    const columns = new SimplexBuffer(precision, Math.max(found.count, 1));
    for (let t = 0; t < found.count; t++)
      columns.push(found.diameters[order[t]], found.indices[order[t]]);
    return { columns, simplices: next };
  }

  private isInZeroApparentPair(index: number, diameter: number, dim: number): boolean {
    if (this.zeroApparentCofacet(index, diameter, dim) !== -1) return true;
    return this.zeroApparentFacet(index, diameter, 1, dim);
  }
}

/**
 * The endpoints {i > j} of every edge: ends[2e] = i, ends[2e + 1] = j. Edge
 * {i > j} has index C(i, 2) + j; a dense complex lists its edges by
 * increasing index, so the row i found for one edge usually fits the next
 * and the binary search runs once per row.
 */
function edgeEnds(edges: SimplexList, binomial: BinomialTable, vertexCount: number): Int32Array {
  const ends = new Int32Array(2 * edges.count);
  let i = 1;
  for (let e = 0; e < edges.count; e++) {
    const index = edges.indices[e];
    let row = (i * (i - 1)) / 2;
    if (index < row || index >= row + i) {
      i = binomial.maxVertex(index, 2, vertexCount - 1);
      row = (i * (i - 1)) / 2;
    }
    ends[2 * e] = i;
    ends[2 * e + 1] = index - row;
  }
  return ends;
}

function reverseInPlace(buffer: SimplexBuffer): void {
  buffer.diameters.subarray(0, buffer.count).reverse();
  buffer.indices.subarray(0, buffer.count).reverse();
}

/** Multiplicative inverses modulo a prime p, by Euclid's identity inv(a) = -(p/a) * inv(p mod a). */
function multiplicativeInverses(modulus: number): Uint16Array {
  const inverse = new Uint16Array(modulus);
  inverse[1] = 1;
  for (let a = 2; a < modulus; a++) {
    inverse[a] = modulus - ((Math.floor(modulus / a) * inverse[modulus % a]) % modulus);
  }
  return inverse;
}
