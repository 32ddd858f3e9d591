/**
 * The filtered cubical complex of a grid, stored implicitly (internal).
 *
 * Cells live in the grid of cells: an axis with `n` samples has `2n - 1` cell
 * coordinates in the V-construction (vertices at even coordinates) and
 * `2n + 1` in the T-construction (top cells at odd coordinates). A cell's
 * dimension is its number of odd coordinates; its faces are `c ± e_k` for its
 * odd coordinates `k`, its cofaces `c ± e_k` for its even ones. Cells are
 * indexed row-major (last axis fastest), like the input.
 *
 * Filtration values are kept as dense ranks of the distinct input values
 * (every cell value is one of them), so ordering is integer work: within a
 * dimension, cells are ordered by (rank, index); across dimensions a face
 * precedes its cofaces (equal values are broken by dimension), which is a
 * valid filtration order for both constructions.
 */

/** Which cells carry the input values. */
export type Construction = "vertex" | "top";

export interface CellGrid {
  /** Number of axes. */
  readonly axes: number;
  /** Cell-grid extent per axis. */
  readonly extents: Int32Array;
  /** Row-major stride per axis. */
  readonly strides: Int32Array;
  /** Number of cells. */
  readonly cellCount: number;
  /** Dimension of the complex: axes with extent > 1. */
  readonly topDim: number;
  /** Dense rank of each cell's value in `uniqueValues`. */
  readonly rank: Int32Array;
  /** The distinct input values, ascending; `uniqueValues[rank]` is a value. */
  readonly uniqueValues: Float64Array;
  /** `order[q]`: the cells of dimension q by increasing (rank, index). */
  readonly order: readonly Int32Array[];
  /** Position of each cell in the `order` of its dimension. */
  readonly position: Int32Array;
}

/**
 * Builds the filtration of the complex of `values` (finite, row-major, of
 * `shape`); inputs are trusted (validated by the caller).
 */
export function buildCellGrid(
  values: Float64Array,
  shape: readonly number[],
  construction: Construction,
): CellGrid {
  const axes = shape.length;
  const vertex = construction === "vertex";
  const extents = new Int32Array(axes);
  const strides = new Int32Array(axes);
  let cellCount = 1;
  for (let k = axes - 1; k >= 0; k--) {
    extents[k] = vertex ? 2 * shape[k]! - 1 : 2 * shape[k]! + 1;
    strides[k] = cellCount;
    cellCount *= extents[k]!;
  }
  let topDim = 0;
  for (let k = 0; k < axes; k++) if (extents[k]! > 1) topDim++;

  const { ranks: inputRank, uniqueValues } = denseRanks(values);

  // Place the input ranks on their cells (even coordinates for V, odd for T).
  const rank = new Int32Array(cellCount);
  const offset = vertex ? 0 : 1;
  const coords = new Int32Array(axes);
  for (let i = 0; i < values.length; i++) {
    let cell = 0;
    for (let k = 0; k < axes; k++) cell += (2 * coords[k]! + offset) * strides[k]!;
    rank[cell] = inputRank[i]!;
    for (let k = axes - 1; k >= 0; k--) {
      if (++coords[k]! < shape[k]!) break;
      coords[k] = 0;
    }
  }

  // Separable extension, one axis at a time. V: a cell odd along k takes the
  // max of its two neighbours along k. T: a cell even along k takes the min of
  // its (one or two) neighbours along k. After the pass of axis k every cell
  // whose coordinates after k have the input parity is right; the others are
  // overwritten by a later pass, so after the last pass all cells are right.
  const dim = new Uint8Array(cellCount);
  for (let k = 0; k < axes; k++) {
    const m = extents[k]!;
    const inner = strides[k]!;
    const outer = cellCount / (m * inner);
    for (let o = 0; o < outer; o++) {
      for (let c = 0; c < m; c++) {
        const base = (o * m + c) * inner;
        if ((c & 1) === 1) {
          for (let i = base; i < base + inner; i++) dim[i]!++;
          if (vertex) {
            for (let i = base; i < base + inner; i++) {
              const a = rank[i - inner]!;
              const b = rank[i + inner]!;
              rank[i] = Math.max(a, b);
            }
          }
        } else if (!vertex) {
          if (c === 0) {
            for (let i = base; i < base + inner; i++) rank[i] = rank[i + inner]!;
          } else if (c === m - 1) {
            for (let i = base; i < base + inner; i++) rank[i] = rank[i - inner]!;
          } else {
            for (let i = base; i < base + inner; i++) {
              const a = rank[i - inner]!;
              const b = rank[i + inner]!;
              rank[i] = Math.min(a, b);
            }
          }
        }
      }
    }
  }

  // Stable counting sort of all cells by rank, then split by dimension.
  const distinct = uniqueValues.length;
  const start = new Int32Array(distinct + 1);
  for (let i = 0; i < cellCount; i++) start[rank[i]! + 1]!++;
  for (let r = 0; r < distinct; r++) start[r + 1]! += start[r]!;
  const sorted = new Int32Array(cellCount);
  for (let i = 0; i < cellCount; i++) sorted[start[rank[i]!]!++] = i;

  const dimCount = new Int32Array(axes + 1);
  for (let i = 0; i < cellCount; i++) dimCount[dim[i]!]!++;
  const order: Int32Array[] = [];
  for (let q = 0; q <= axes; q++) order.push(new Int32Array(dimCount[q]!));
  const filled = new Int32Array(axes + 1);
  const position = new Int32Array(cellCount);
  for (let s = 0; s < cellCount; s++) {
    const cell = sorted[s]!;
    const q = dim[cell]!;
    const p = filled[q]!++;
    order[q]![p] = cell;
    position[cell] = p;
  }
  return { axes, extents, strides, cellCount, topDim, rank, uniqueValues, order, position };
}

/** Dense ranks of `values` (equal values share a rank) and the distinct values. */
function denseRanks(values: Float64Array): { ranks: Int32Array; uniqueValues: Float64Array } {
  const sorted = Float64Array.from(values).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    // `!==` also merges -0 with +0, which are equal filtration values.
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  }
  const uniqueValues = sorted.slice(0, distinct);
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (uniqueValues[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
  }
  return { ranks, uniqueValues };
}
