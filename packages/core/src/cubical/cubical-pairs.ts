/**
 * Persistence pairs of a filtered cubical complex (internal kernels; inputs
 * are trusted). Pairs are recorded as value ranks; `-1` as death means an
 * essential class. Zero-length pairs are dropped as they are found.
 *
 * - H0: union–find over the vertices, edges in filtration order, elder rule.
 * - H_{D-1} (D the complex's dimension): union–find on the dual graph, whose
 *   nodes are the top cells plus one node outside the grid and whose edges
 *   are the (D-1)-cells, in reverse filtration order (Alexander duality; the
 *   "joint pairs" of CubicalRipser, Kaji, Sudo & Ahara 2020, arXiv:2005.12692).
 * - H_q for 0 < q < D-1 (only H1 of a 3-D grid): cohomology reduction over
 *   Z/2 with clearing, columns the q-cells by decreasing filtration, pivot the
 *   earliest coface (de Silva, Morozov & Vejdemo-Johansson 2011; Bauer 2021,
 *   Ripser). Grids in R^1..R^3 have torsion-free homology, so Z/2 gives the
 *   same diagram as any field.
 */

import type { CellGrid } from "./cell-grid.js";

/** Growable list of (birth rank, death rank) pairs. */
export class RankPairs {
  births = new Int32Array(64);
  deaths = new Int32Array(64);
  length = 0;

  push(birth: number, death: number): void {
    if (this.length === this.births.length) {
      const births = new Int32Array(this.length * 2);
      births.set(this.births);
      this.births = births;
      const deaths = new Int32Array(this.length * 2);
      deaths.set(this.deaths);
      this.deaths = deaths;
    }
    this.births[this.length] = birth;
    this.deaths[this.length] = death;
    this.length++;
  }
}

/** Called every few thousand steps of a stage; may throw to abort. */
export type Checkpoint = (done: number, total: number) => void;

/** Steps between two checkpoints (a power of two minus one, used as a mask). */
const CHECK_MASK = 0xffff;

/**
 * H0 pairs by union–find. Marks in `cleared` (indexed by edge position) the
 * edges that merge two components: they are the pivots of the vertex
 * coboundaries, so the H1 cohomology reduction skips them (clearing).
 */
export function vertexPairs(
  grid: CellGrid,
  cleared: Uint8Array | undefined,
  checkpoint: Checkpoint,
): RankPairs {
  const { rank, position, strides, axes } = grid;
  const vertices = grid.order[0]!;
  const edges = grid.order[1] ?? new Int32Array(0);
  const pairs = new RankPairs();
  // Nodes are vertex positions; a root is the oldest (smallest) position of
  // its component, so the younger of two roots is the larger.
  const parent = new Int32Array(vertices.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const grand = parent[parent[x]!]!;
      parent[x] = grand;
      x = grand;
    }
    return x;
  };
  for (let e = 0; e < edges.length; e++) {
    if ((e & CHECK_MASK) === 0) checkpoint(e, edges.length);
    const cell = edges[e]!;
    const step = oddAxisStride(cell, strides, axes);
    const a = find(position[cell - step]!);
    const b = find(position[cell + step]!);
    if (a === b) continue;
    const younger = Math.max(a, b);
    parent[younger] = Math.min(a, b);
    if (cleared !== undefined) cleared[e] = 1;
    const birth = rank[vertices[younger]!]!;
    const death = rank[cell]!;
    if (birth !== death) pairs.push(birth, death);
  }
  if (vertices.length > 0) pairs.push(rank[vertices[0]!]!, -1);
  return pairs;
}

/**
 * H_{D-1} pairs by union–find on the dual graph, (D-1)-cells taken by
 * decreasing filtration. A root is the latest top cell of its component (the
 * outside node is later than all); when two components meet, the one with the
 * earlier root dies, pairing the (D-1)-cell with that root.
 */
export function topPairs(grid: CellGrid, checkpoint: Checkpoint): RankPairs {
  const { rank, position, extents, strides, axes, topDim } = grid;
  const tops = grid.order[topDim]!;
  const walls = grid.order[topDim - 1]!;
  const pairs = new RankPairs();
  const outside = tops.length;
  const parent = new Int32Array(tops.length + 1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const grand = parent[parent[x]!]!;
      parent[x] = grand;
      x = grand;
    }
    return x;
  };
  for (let w = walls.length - 1; w >= 0; w--) {
    const done = walls.length - 1 - w;
    if ((done & CHECK_MASK) === 0) checkpoint(done, walls.length);
    const cell = walls[w]!;
    // The one axis of extent > 1 along which the wall's coordinate is even.
    let axis = -1;
    let coordinate = 0;
    let rest = cell;
    for (let k = 0; k < axes; k++) {
      const c = Math.floor(rest / strides[k]!);
      rest -= c * strides[k]!;
      if ((c & 1) === 0 && extents[k]! > 1) {
        axis = k;
        coordinate = c;
      }
    }
    const step = strides[axis]!;
    const a = find(coordinate > 0 ? position[cell - step]! : outside);
    const b = find(coordinate < extents[axis]! - 1 ? position[cell + step]! : outside);
    if (a === b) continue;
    const younger = Math.min(a, b);
    parent[younger] = Math.max(a, b);
    const birth = rank[cell]!;
    const death = rank[tops[younger]!]!;
    if (birth !== death) pairs.push(birth, death);
  }
  return pairs;
}

/**
 * H_q pairs by cohomology reduction with clearing, for 0 < q < D-1.
 * `cleared` (by q-cell position) marks the q-cells that were pivots in
 * dimension q-1; `nextCleared`, when given, receives the (q+1)-cells that
 * become pivots here.
 */
export function middlePairs(
  grid: CellGrid,
  q: number,
  cleared: Uint8Array,
  nextCleared: Uint8Array | undefined,
  checkpoint: Checkpoint,
): RankPairs {
  const { rank, position, extents, strides, axes } = grid;
  const columns = grid.order[q]!;
  const cofaces = grid.order[q + 1]!;
  const pairs = new RankPairs();
  // pivotOwner[p]: the stored column whose pivot is the coface at position p.
  const pivotOwner = new Int32Array(cofaces.length).fill(-1);
  // Stored reduced columns: sorted coface positions in `pool`.
  let pool = new Int32Array(1 << 16);
  let poolLength = 0;
  let columnStart = new Int32Array(1 << 12);
  let columnLength = new Int32Array(1 << 12);
  let stored = 0;
  let work = new Int32Array(64);
  let spare = new Int32Array(64);

  for (let j = columns.length - 1; j >= 0; j--) {
    const done = columns.length - 1 - j;
    if ((done & CHECK_MASK) === 0) checkpoint(done, columns.length);
    if (cleared[j] === 1) continue;
    const cell = columns[j]!;

    // The coboundary: c ± e_k for the even coordinates k, sorted by position.
    let length = 0;
    let rest = cell;
    for (let k = 0; k < axes; k++) {
      const c = Math.floor(rest / strides[k]!);
      rest -= c * strides[k]!;
      if ((c & 1) === 1) continue;
      if (c > 0) work[length++] = position[cell - strides[k]!]!;
      if (c < extents[k]! - 1) work[length++] = position[cell + strides[k]!]!;
    }
    for (let i = 1; i < length; i++) {
      const x = work[i]!;
      let t = i - 1;
      while (t >= 0 && work[t]! > x) {
        work[t + 1] = work[t]!;
        t--;
      }
      work[t + 1] = x;
    }

    // Reduce: add the stored column owning the pivot until the pivot is new.
    while (length > 0) {
      const owner = pivotOwner[work[0]!]!;
      if (owner < 0) break;
      const from = columnStart[owner]!;
      const to = from + columnLength[owner]!;
      if (spare.length < length + (to - from)) spare = new Int32Array(2 * (length + (to - from)));
      let n = 0;
      let x = 0;
      let y = from;
      while (x < length && y < to) {
        const u = work[x]!;
        const v = pool[y]!;
        if (u < v) {
          spare[n++] = u;
          x++;
        } else if (v < u) {
          spare[n++] = v;
          y++;
        } else {
          x++;
          y++;
        }
      }
      while (x < length) spare[n++] = work[x++]!;
      while (y < to) spare[n++] = pool[y++]!;
      const swap = work;
      work = spare;
      spare = swap;
      length = n;
    }

    if (length === 0) {
      pairs.push(rank[cell]!, -1);
      continue;
    }
    const pivot = work[0]!;
    if (stored === columnStart.length) {
      const starts = new Int32Array(stored * 2);
      starts.set(columnStart);
      columnStart = starts;
      const lengths = new Int32Array(stored * 2);
      lengths.set(columnLength);
      columnLength = lengths;
    }
    if (poolLength + length > pool.length) {
      const grown = new Int32Array(Math.max(pool.length * 2, poolLength + length));
      grown.set(pool.subarray(0, poolLength));
      pool = grown;
    }
    pool.set(work.subarray(0, length), poolLength);
    columnStart[stored] = poolLength;
    columnLength[stored] = length;
    poolLength += length;
    pivotOwner[pivot] = stored++;
    if (nextCleared !== undefined) nextCleared[pivot] = 1;
    const birth = rank[cell]!;
    const death = rank[cofaces[pivot]!]!;
    if (birth !== death) pairs.push(birth, death);
  }
  return pairs;
}

/** The stride of the one odd axis of an edge. */
function oddAxisStride(cell: number, strides: Int32Array, axes: number): number {
  let rest = cell;
  for (let k = 0; k < axes; k++) {
    const c = Math.floor(rest / strides[k]!);
    rest -= c * strides[k]!;
    if ((c & 1) === 1) return strides[k]!;
  }
  return 0;
}
