import type { RealArray } from "../types.js";
import type { BinomialTable } from "./binomial-table.js";
import type { NeighborsByDistance } from "./neighbors-by-distance.js";
import { simplexVertices } from "./rips-complex.js";
import type { WorkingColumn } from "./working-column.js";

/** Stream phases: the cofacets at the simplex's own diameter, those above it, a single entry. */
const CLAMPED = 0;
const MERGING = 1;
const SINGLE = 2;

/**
 * The working column of a cohomology reduction over a dense Rips complex, held
 * as a merge of lazily enumerated coboundaries instead of a heap of all their
 * entries.
 *
 * A reduction only ever reads a column from its pivot (smallest diameter,
 * then largest index) upwards, and stops at the first pivot no other column
 * owns. Ripser pushes the whole coboundary of every simplex it adds (n - dim
 * entries) onto a heap; on neuron matrices one column can add thousands of
 * coboundaries (chains of apparent pairs) of which a reduction reads a few
 * percent, so most of the work was pushing entries never looked at. Here each
 * added coboundary is a stream that yields its cofacets in pivot order on
 * demand, and a heap of streams (one entry per stream) merges them.
 *
 * A stream enumerates the cofacets σ ∪ {v} of σ = {u_0 > ... > u_dim} in order
 * of (diameter ascending, v descending), which is pivot order because a
 * cofacet's index grows with v (colex order). The diameter of σ ∪ {v} is
 * max(diam σ, max_a d(u_a, v)), so the stream has two phases:
 * - the cofacets of diameter diam σ: every v within diam σ of all u_a. They
 *   are among the first entries (those within diam σ) of the shortest of the
 *   u_a's sorted lists, a few dozen on neuron matrices where Ripser scans all
 *   n vertices; gathered when the stream is added, sorted by v;
 * - the others, in order of m_v = max_a d(u_a, v) > diam σ: merge the lists of
 *   the u_a's neighbours sorted by distance ({@link NeighborsByDistance}),
 *   from the first distance above diam σ, and emit v at the list whose
 *   distance to v is the maximum (the first such list on ties).
 */
export class MergedCoboundaryColumn implements WorkingColumn {
  pivotDiameter = 0;
  pivotIndex = -1;
  pivotCoefficient = 0;
  private readonly distances: RealArray;
  private readonly lists: NeighborsByDistance;
  private readonly binomial: BinomialTable;
  private readonly vertexCount: number;
  private readonly modulus: number;
  /** The most vertices of a column's simplex (maxDim + 1): the stride of per-stream vertex data. */
  private readonly width: number;
  private dim = 0;
  private count = 0;
  private heapSize = 0;
  private capacity = 0;
  private heap = new Int32Array(0);
  private heapDiameter = new Float64Array(0);
  private heapIndex = new Float64Array(0);
  private vertices = new Int32Array(0);
  private positions = new Int32Array(0);
  /** Stream s's cofacets of its own diameter are pool[clampStart[s] .. clampNext[s]], read downwards. */
  private clampStart = new Int32Array(0);
  private clampNext = new Int32Array(0);
  private pool = new Int32Array(256);
  private poolSize = 0;
  private phase = new Uint8Array(0);
  private simplexDiameter = new Float64Array(0);
  private coefficient = new Uint16Array(0);
  private headDiameter = new Float64Array(0);
  private headIndex = new Float64Array(0);
  private headCoefficient = new Uint16Array(0);

  constructor(
    distances: RealArray,
    lists: NeighborsByDistance,
    binomial: BinomialTable,
    settings: { vertexCount: number; maxDim: number; modulus: number },
  ) {
    this.distances = distances;
    this.lists = lists;
    this.binomial = binomial;
    this.vertexCount = settings.vertexCount;
    this.modulus = settings.modulus;
    this.width = settings.maxDim + 1;
    this.grow(64);
  }

  /** Starts from the coboundary of the simplex (no emergent-pair test: the lazy merge finds that pivot as cheaply). */
  start(index: number, diameter: number, dim: number): boolean {
    this.dim = dim;
    this.count = 0;
    this.heapSize = 0;
    this.poolSize = 0;
    this.add(index, diameter, 1);
    return this.getPivot();
  }

  add(index: number, diameter: number, coefficient: number): void {
    const s = this.newStream();
    const vertices = this.vertices.subarray(s * this.width, (s + 1) * this.width);
    simplexVertices(this.binomial, index, this.dim, this.vertexCount, vertices);
    this.phase[s] = CLAMPED;
    this.gatherClamped(s, diameter);
    this.simplexDiameter[s] = diameter;
    this.coefficient[s] = coefficient;
    if (this.advance(s)) this.insert(s);
  }

  getPivot(): boolean {
    if (!this.popPivot()) return false;
    // Put the summed pivot back as a stream of one entry: streams added next
    // may hold entries before it (that cancel among themselves), so it must
    // be merged like any other head.
    const s = this.newStream();
    this.phase[s] = SINGLE;
    this.headDiameter[s] = this.pivotDiameter;
    this.headIndex[s] = this.pivotIndex;
    this.headCoefficient[s] = this.pivotCoefficient;
    this.insert(s);
    return true;
  }

  /** Removes the pivot, summing the coefficients of its index over all streams; false when the column is zero. */
  private popPivot(): boolean {
    const modulus = this.modulus;
    let coefficient = 0;
    let index = -1;
    let diameter = 0;
    while (this.heapSize > 0) {
      const s = this.heap[0];
      const topIndex = this.heapIndex[0];
      if (coefficient === 0) {
        index = topIndex;
        diameter = this.heapDiameter[0];
        coefficient = this.headCoefficient[s];
      } else if (topIndex !== index) {
        break;
      } else {
        coefficient = (coefficient + this.headCoefficient[s]) % modulus;
      }
      if (this.advance(s)) this.siftDown(s, this.headDiameter[s], this.headIndex[s]);
      else this.removeTop();
    }
    if (coefficient === 0) return false;
    this.pivotDiameter = diameter;
    this.pivotIndex = index;
    this.pivotCoefficient = coefficient;
    return true;
  }

  /** Moves stream s to its next cofacet (its head); false when it has none left. */
  private advance(s: number): boolean {
    const phase = this.phase[s];
    if (phase === SINGLE) return false;
    const d = this.distances;
    const dim = this.dim;
    const base = s * this.width;
    const vertices = this.vertices;
    const own = this.simplexDiameter[s];
    if (phase === CLAMPED) {
      const next = this.clampNext[s];
      if (next >= this.clampStart[s]) {
        this.clampNext[s] = next - 1;
        this.setHead(s, own, this.pool[next]);
        return true;
      }
      this.phase[s] = MERGING;
    }
    const { offsets, neighbors, distances: listed } = this.lists;
    const positions = this.positions;
    for (;;) {
      let best = -1;
      let bestDistance = 0;
      let bestVertex = 0;
      for (let a = 0; a <= dim; a++) {
        const p = positions[base + a];
        if (p === offsets[vertices[base + a] + 1]) continue;
        const distance = listed[p];
        const v = neighbors[p];
        if (
          best === -1 ||
          distance < bestDistance ||
          (distance === bestDistance && v > bestVertex)
        ) {
          best = a;
          bestDistance = distance;
          bestVertex = v;
        }
      }
      if (best === -1) return false;
      positions[base + best]++;
      let attained = true;
      const row = (bestVertex * (bestVertex - 1)) / 2;
      for (let b = 0; b <= dim; b++) {
        if (b === best) continue;
        const u = vertices[base + b];
        const distance = u > bestVertex ? d[(u * (u - 1)) / 2 + bestVertex] : d[row + u];
        if (distance > bestDistance || (distance === bestDistance && b < best)) {
          attained = false;
          break;
        }
      }
      if (attained) {
        this.setHead(s, bestDistance, bestVertex);
        return true;
      }
    }
  }

  /**
   * Sets the merge positions of stream s past its diameter, and gathers its
   * cofacets of that diameter into the pool, sorted by increasing v.
   */
  private gatherClamped(s: number, diameter: number): void {
    const d = this.distances;
    const { offsets, neighbors } = this.lists;
    const dim = this.dim;
    const base = s * this.width;
    const vertices = this.vertices;
    let shortest = 0;
    let shortestLength = Number.POSITIVE_INFINITY;
    for (let a = 0; a <= dim; a++) {
      const u = vertices[base + a];
      const p = this.firstBeyond(u, diameter);
      this.positions[base + a] = p;
      if (p - offsets[u] < shortestLength) {
        shortest = a;
        shortestLength = p - offsets[u];
      }
    }
    if (this.poolSize + shortestLength > this.pool.length) {
      const pool = new Int32Array(2 * (this.poolSize + shortestLength));
      pool.set(this.pool.subarray(0, this.poolSize));
      this.pool = pool;
    }
    const pool = this.pool;
    const start = this.poolSize;
    let end = start;
    const first = offsets[vertices[base + shortest]];
    outer: for (let q = first; q < first + shortestLength; q++) {
      const v = neighbors[q];
      const row = (v * (v - 1)) / 2;
      for (let b = 0; b <= dim; b++) {
        if (b === shortest) continue;
        const u = vertices[base + b];
        // The other vertices of σ are in the list too (within diam σ): not cofacets.
        if (u === v) continue outer;
        if ((u > v ? d[(u * (u - 1)) / 2 + v] : d[row + u]) > diameter) continue outer;
      }
      pool[end++] = v;
    }
    sortAscending(pool, start, end);
    this.poolSize = end;
    this.clampStart[s] = start;
    this.clampNext[s] = end - 1;
  }

  /** The first position in u's list with a distance above `diameter`. */
  private firstBeyond(u: number, diameter: number): number {
    const listed = this.lists.distances;
    let low = this.lists.offsets[u];
    let high = this.lists.offsets[u + 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (listed[middle] <= diameter) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Sets the head of stream s to the cofacet σ ∪ {v}: its index in the
   * combinatorial number system, and its coefficient, negated when an odd
   * number of σ's vertices lie below v (Ripser's coboundary sign).
   */
  private setHead(s: number, diameter: number, v: number): void {
    const table = this.binomial.values;
    const stride = this.binomial.stride;
    const vertices = this.vertices;
    const base = s * this.width;
    const dim = this.dim;
    let k = dim + 2;
    let index = 0;
    let a = 0;
    for (; a <= dim && vertices[base + a] > v; a++)
      index += table[k-- * stride + vertices[base + a]];
    const below = dim + 1 - a;
    index += table[k-- * stride + v];
    for (; a <= dim; a++) index += table[k-- * stride + vertices[base + a]];
    this.headDiameter[s] = diameter;
    this.headIndex[s] = index;
    const c = this.coefficient[s];
    this.headCoefficient[s] = (below & 1) === 1 ? this.modulus - c : c;
  }

  private newStream(): number {
    if (this.count === this.capacity) this.grow(2 * this.capacity);
    return this.count++;
  }

  // A binary heap of stream numbers, the stream with the pivot-most head on
  // top. Each slot keeps its stream's head key beside it (heapDiameter,
  // heapIndex), so that sifting reads contiguous memory.

  private insert(s: number): void {
    const heap = this.heap;
    const keyDiameter = this.heapDiameter;
    const keyIndex = this.heapIndex;
    const d = this.headDiameter[s];
    const x = this.headIndex[s];
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pd = keyDiameter[parent];
      if (pd < d || (pd === d && keyIndex[parent] > x)) break;
      heap[i] = heap[parent];
      keyDiameter[i] = pd;
      keyIndex[i] = keyIndex[parent];
      i = parent;
    }
    heap[i] = s;
    keyDiameter[i] = d;
    keyIndex[i] = x;
  }

  private removeTop(): void {
    const last = --this.heapSize;
    if (last > 0) this.siftDown(this.heap[last], this.heapDiameter[last], this.heapIndex[last]);
  }

  /** Puts stream s, whose head key is (d, x), at the top and sifts it down. */
  private siftDown(s: number, d: number, x: number): void {
    const heap = this.heap;
    const keyDiameter = this.heapDiameter;
    const keyIndex = this.heapIndex;
    const size = this.heapSize;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let cd = keyDiameter[child];
      let cx = keyIndex[child];
      if (child + 1 < size) {
        const rd = keyDiameter[child + 1];
        const rx = keyIndex[child + 1];
        if (rd < cd || (rd === cd && rx > cx)) {
          child++;
          cd = rd;
          cx = rx;
        }
      }
      if (d < cd || (d === cd && x > cx)) break;
      heap[i] = heap[child];
      keyDiameter[i] = cd;
      keyIndex[i] = cx;
      i = child;
    }
    heap[i] = s;
    keyDiameter[i] = d;
    keyIndex[i] = x;
  }

  private grow(capacity: number): void {
    const width = this.width;
    const copy = <T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(
      old: T,
      fresh: T,
    ): T => {
      fresh.set(old);
      return fresh;
    };
    this.heap = copy(this.heap, new Int32Array(capacity));
    this.heapDiameter = copy(this.heapDiameter, new Float64Array(capacity));
    this.heapIndex = copy(this.heapIndex, new Float64Array(capacity));
    this.vertices = copy(this.vertices, new Int32Array(capacity * width));
    this.positions = copy(this.positions, new Int32Array(capacity * width));
    this.clampStart = copy(this.clampStart, new Int32Array(capacity));
    this.clampNext = copy(this.clampNext, new Int32Array(capacity));
    this.phase = copy(this.phase, new Uint8Array(capacity));
    this.simplexDiameter = copy(this.simplexDiameter, new Float64Array(capacity));
    this.coefficient = copy(this.coefficient, new Uint16Array(capacity));
    this.headDiameter = copy(this.headDiameter, new Float64Array(capacity));
    this.headIndex = copy(this.headIndex, new Float64Array(capacity));
    this.headCoefficient = copy(this.headCoefficient, new Uint16Array(capacity));
    this.capacity = capacity;
  }
}

/** Sorts values[start..end) in place: insertion sort for the usual few, the native sort beyond. */
function sortAscending(values: Int32Array, start: number, end: number): void {
  if (end - start > 24) {
    values.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const x = values[i];
    let j = i - 1;
    while (j >= start && values[j] > x) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = x;
  }
}
