/**
 * A static 2-d tree over the points `(xs[k], ys[k])` of one side of a diagram
 * matching (internal: not re-exported from the package index). The exact
 * Wasserstein solver searches it by branch and bound with per-node maxima of a
 * weight (see {@link DiagramPointTree.maxima}): the best points for a query
 * point, and the points whose reduced cost breaks a dual bound.
 *
 * Nodes are numbered in preorder (a parent before its children), so a
 * bottom-up pass is a loop from the last node to the first. Node `v` holds the
 * points `order[start[v]] ... order[end[v] - 1]` inside the box
 * `[minX[v], maxX[v]] x [minY[v], maxY[v]]`; `left[v] === -1` marks a leaf.
 */
export class DiagramPointTree {
  /** The point indices, grouped by node. */
  readonly order: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly minX: Float64Array;
  readonly maxX: Float64Array;
  readonly minY: Float64Array;
  readonly maxY: Float64Array;
  /** The number of nodes (0 for no points). */
  readonly nodeCount: number;

  /**
   * Builds the tree by median splits along the wider side of each box.
   *
   * @param xs - The first coordinates (births).
   * @param ys - The second coordinates (deaths), as many as `xs`.
   * @param leafSize - The most points in a leaf; default 8.
   */
  constructor(xs: Float64Array, ys: Float64Array, leafSize = 8) {
    const count = xs.length;
    const capacity = Math.max(1, 2 * count);
    this.order = new Int32Array(count);
    for (let k = 0; k < count; k += 1) this.order[k] = k;
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity).fill(-1);
    this.minX = new Float64Array(capacity);
    this.maxX = new Float64Array(capacity);
    this.minY = new Float64Array(capacity);
    this.maxY = new Float64Array(capacity);
    if (count === 0) {
      this.nodeCount = 0;
      return;
    }
    let nodes = 1;
    this.start[0] = 0;
    this.end[0] = count;
    // Preorder: a stack of nodes still to split; node v is boxed when popped.
    const stack: number[] = [0];
    while (stack.length > 0) {
      const v = stack.pop()!;
      const lo = this.start[v];
      const hi = this.end[v];
      let x0 = Number.POSITIVE_INFINITY;
      let x1 = Number.NEGATIVE_INFINITY;
      let y0 = Number.POSITIVE_INFINITY;
      let y1 = Number.NEGATIVE_INFINITY;
      for (let k = lo; k < hi; k += 1) {
        const p = this.order[k];
        const x = xs[p];
        const y = ys[p];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      this.minX[v] = x0;
      this.maxX[v] = x1;
      this.minY[v] = y0;
      this.maxY[v] = y1;
      if (hi - lo <= leafSize) continue;
      const mid = (lo + hi) >>> 1;
      selectNth(this.order, lo, hi, mid, x1 - x0 >= y1 - y0 ? xs : ys);
      const l = nodes++;
      const r = nodes++;
      this.left[v] = l;
      this.right[v] = r;
      this.start[l] = lo;
      this.end[l] = mid;
      this.start[r] = mid;
      this.end[r] = hi;
      stack.push(r, l);
    }
    this.nodeCount = nodes;
  }

  /**
   * The largest `weights[point]` under every node (`-Infinity` for none).
   *
   * @param weights - One weight per point.
   * @param out - Where to write (length >= nodeCount); a new array by default.
   */
  maxima(weights: Float64Array, out?: Float64Array): Float64Array {
    const result = out ?? new Float64Array(this.nodeCount);
    for (let v = this.nodeCount - 1; v >= 0; v -= 1) {
      const l = this.left[v];
      if (l >= 0) {
        const a = result[l];
        const b = result[this.right[v]];
        result[v] = Math.max(a, b);
      } else {
        let best = Number.NEGATIVE_INFINITY;
        for (let k = this.start[v]; k < this.end[v]; k += 1) {
          const w = weights[this.order[k]];
          if (w > best) best = w;
        }
        result[v] = best;
      }
    }
    return result;
  }
}

/**
 * Reorders `order[lo..hi)` so that `order[nth]` holds the point with the
 * nth smallest key, smaller-or-equal keys before it and larger-or-equal after
 * (Hoare's selection with a middle pivot).
 */
function selectNth(
  order: Int32Array,
  lo: number,
  hi: number,
  nth: number,
  keys: Float64Array,
): void {
  let left = lo;
  let right = hi - 1;
  while (left < right) {
    const pivot = keys[order[(left + right) >>> 1]];
    let i = left;
    let j = right;
    while (i <= j) {
      while (keys[order[i]] < pivot) i += 1;
      while (keys[order[j]] > pivot) j -= 1;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else return;
  }
}
