/** Most points in a leaf of the k-d tree. */
export const LEAF_SIZE = 128;

/** A k-d tree over `n` points of R^m (internal): nodes with their point ranges (in `order`), children and boxes. */
export interface KdTree {
  readonly order: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Child nodes; -1 at leaves. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Bounding boxes, `m` values per node. */
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** Most nodes of a tree over n points: a split node holds more than LEAF_SIZE points, so leaves more than LEAF_SIZE / 2. */
export function kdTreeCapacity(n: number): number {
  return 2 * Math.ceil((2 * n) / LEAF_SIZE) + 1;
}

/**
 * Builds a k-d tree over `n` points of R^m (rows of `points`), splitting each
 * node at the median of its widest coordinate (internal).
 */
export function buildKdTree(points: Float64Array, n: number, m: number): KdTree {
  const capacity = kdTreeCapacity(n);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const start = new Int32Array(capacity);
  const end = new Int32Array(capacity);
  const left = new Int32Array(capacity).fill(-1);
  const right = new Int32Array(capacity).fill(-1);
  const low = new Float64Array(capacity * m);
  const high = new Float64Array(capacity * m);
  let nodes = 1;
  start[0] = 0;
  end[0] = n;
  const pending = [0];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const s = start[node]!;
    const e = end[node]!;
    let widest = 0;
    let width = -1;
    for (let c = 0; c < m; c++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let k = s; k < e; k++) {
        const x = points[order[k]! * m + c]!;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      low[node * m + c] = lo;
      high[node * m + c] = hi;
      if (hi - lo > width) {
        width = hi - lo;
        widest = c;
      }
    }
    // Nodes of equal points are split too, so no leaf holds more than LEAF_SIZE.
    if (e - s <= LEAF_SIZE) continue;
    const middle = (s + e) >> 1;
    select(points, m, widest, order, s, e - 1, middle);
    const l = nodes++;
    const r = nodes++;
    start[l] = s;
    end[l] = middle;
    start[r] = middle;
    end[r] = e;
    left[node] = l;
    right[node] = r;
    pending.push(l, r);
  }
  return { order, start, end, left, right, low, high };
}

/** Quickselect: reorders `order[lo..hi]` so position `k` holds the k-th smallest coordinate `c`. */
function select(
  points: Float64Array,
  m: number,
  c: number,
  order: Int32Array,
  lo: number,
  hi: number,
  k: number,
): void {
  while (hi > lo) {
    const pivot = points[order[(lo + hi) >> 1]! * m + c]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (points[order[i]! * m + c]! < pivot) i++;
      while (points[order[j]! * m + c]! > pivot) j--;
      if (i <= j) {
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
