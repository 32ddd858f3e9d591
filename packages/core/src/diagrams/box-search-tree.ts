/** Points per leaf: small enough that a leaf scan is cheap, large enough to keep the tree shallow. */
const LEAF_SIZE = 8;

/**
 * A static 2-d tree over points of the plane for L-infinity queries on a
 * shrinking set: every point starts alive, queries only see alive points, and
 * the queries that find a point can delete it. Deleting costs the depth of
 * the tree (an alive count per node is kept up to date so that emptied
 * subtrees are skipped); {@link reset} revives every point in time linear in
 * the size. This is the neighbour oracle of the geometric Hopcroft–Karp
 * matching of Efrat, Itai and Katz (Algorithmica 31, 2001), used by the
 * bottleneck distance (internal: not re-exported from the package index).
 *
 * The tree splits each node at the median of its wider coordinate. Distances
 * are `max(|x - px|, |y - py|)`, computed on the stored doubles exactly as the
 * callers compute their edge costs, so a query with radius r finds precisely
 * the points whose cost is <= r.
 */
export class BoxSearchTree {
  /** Number of points (alive or not). */
  readonly size: number;
  /** Point id at each tree position. */
  private readonly ids: Int32Array;
  /** Tree position of each point id. */
  private readonly positionOf: Int32Array;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly alive: Uint8Array;
  /** Leaf node holding each tree position. */
  private readonly leafOf: Int32Array;
  private readonly nodeStart: Int32Array;
  private readonly nodeEnd: Int32Array;
  /** Right child of each node (the left child is the next node), -1 for a leaf. */
  private readonly nodeRight: Int32Array;
  private readonly nodeParent: Int32Array;
  private readonly minX: Float64Array;
  private readonly maxX: Float64Array;
  private readonly minY: Float64Array;
  private readonly maxY: Float64Array;
  private readonly aliveCount: Int32Array;
  private readonly fullCount: Int32Array;
  /** The L-infinity distance of the last point {@link nearest} returned. */
  lastDistance = Number.POSITIVE_INFINITY;

  /**
   * @param xs - First coordinates of the points (read, not kept).
   * @param ys - Second coordinates, same length.
   */
  constructor(xs: Float64Array, ys: Float64Array) {
    const n = xs.length;
    this.size = n;
    this.ids = new Int32Array(n);
    for (let k = 0; k < n; k += 1) this.ids[k] = k;
    this.positionOf = new Int32Array(n);
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.alive = new Uint8Array(n);
    this.leafOf = new Int32Array(n);
    const nodes = nodeCount(n);
    this.nodeStart = new Int32Array(nodes);
    this.nodeEnd = new Int32Array(nodes);
    this.nodeRight = new Int32Array(nodes);
    this.nodeParent = new Int32Array(nodes);
    this.minX = new Float64Array(nodes);
    this.maxX = new Float64Array(nodes);
    this.minY = new Float64Array(nodes);
    this.maxY = new Float64Array(nodes);
    this.aliveCount = new Int32Array(nodes);
    this.fullCount = new Int32Array(nodes);
    if (n > 0) this.build(xs, ys, 0, n, -1, 0);
    for (let p = 0; p < n; p += 1) {
      const id = this.ids[p];
      this.positionOf[id] = p;
      this.xs[p] = xs[id];
      this.ys[p] = ys[id];
    }
    this.reset();
  }

  /** Builds the subtree of positions [start, end) as node `node`; returns the next free node. */
  private build(
    xs: Float64Array,
    ys: Float64Array,
    start: number,
    end: number,
    parent: number,
    node: number,
  ): number {
    const ids = this.ids;
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let p = start; p < end; p += 1) {
      const x = xs[ids[p]];
      const y = ys[ids[p]];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    this.nodeStart[node] = start;
    this.nodeEnd[node] = end;
    this.nodeParent[node] = parent;
    this.minX[node] = x0;
    this.maxX[node] = x1;
    this.minY[node] = y0;
    this.maxY[node] = y1;
    this.fullCount[node] = end - start;
    if (end - start <= LEAF_SIZE) {
      this.nodeRight[node] = -1;
      for (let p = start; p < end; p += 1) this.leafOf[p] = node;
      return node + 1;
    }
    const middle = (start + end) >>> 1;
    selectByKey(ids, x1 - x0 >= y1 - y0 ? xs : ys, start, end - 1, middle);
    const right = this.build(xs, ys, start, middle, node, node + 1);
    this.nodeRight[node] = right;
    return this.build(xs, ys, middle, end, node, right);
  }

  /** Makes every point alive again. */
  reset(): void {
    this.alive.fill(1);
    this.aliveCount.set(this.fullCount);
  }

  /** Whether point `id` is alive. */
  isAlive(id: number): boolean {
    return this.alive[this.positionOf[id]] === 1;
  }

  /** Deletes point `id` (nothing happens when it is already deleted). */
  remove(id: number): void {
    const p = this.positionOf[id];
    if (this.alive[p] === 0) return;
    this.alive[p] = 0;
    for (let node = this.leafOf[p]; node >= 0; node = this.nodeParent[node]) {
      this.aliveCount[node] -= 1;
    }
  }

  /** Revives point `id` (nothing happens when it is alive). */
  restore(id: number): void {
    const p = this.positionOf[id];
    if (this.alive[p] === 1) return;
    this.alive[p] = 1;
    for (let node = this.leafOf[p]; node >= 0; node = this.nodeParent[node]) {
      this.aliveCount[node] += 1;
    }
  }

  /**
   * Deletes every alive point within L-infinity distance `radius` of (x, y)
   * and writes their ids to `out` from index 0 (it must have room for all
   * points).
   *
   * @returns How many ids were written.
   */
  takeWithin(x: number, y: number, radius: number, out: Int32Array): number {
    if (this.size === 0 || this.aliveCount[0] === 0) return 0;
    this.found = 0;
    this.takeIn(0, x, y, radius, out);
    return this.found;
  }

  private found = 0;

  /** Deletes the alive points of the subtree `node` within the box; returns how many. */
  private takeIn(node: number, x: number, y: number, radius: number, out: Int32Array): number {
    if (this.nothingAliveNear(node, x, y, radius)) {
      return 0;
    }
    let taken = 0;
    const right = this.nodeRight[node];
    if (right < 0) {
      const end = this.nodeEnd[node];
      for (let p = this.nodeStart[node]; p < end; p += 1) {
        if (this.aliveNear(p, x, y, radius)) {
          this.alive[p] = 0;
          out[this.found++] = this.ids[p];
          taken += 1;
        }
      }
    } else {
      taken = this.takeIn(node + 1, x, y, radius, out) + this.takeIn(right, x, y, radius, out);
    }
    this.aliveCount[node] -= taken;
    return taken;
  }

  /**
   * Whether the subtree `node` certainly holds no alive point within
   * L-infinity distance `radius` of (x, y): it has none alive, or its
   * bounding box lies farther away. The pruning test of the box searches.
   */
  private nothingAliveNear(node: number, x: number, y: number, radius: number): boolean {
    return (
      this.aliveCount[node] === 0 ||
      this.minX[node] > x + radius ||
      this.maxX[node] < x - radius ||
      this.minY[node] > y + radius ||
      this.maxY[node] < y - radius
    );
  }

  /** Whether the point at position `p` is alive and within L-infinity distance `radius` of (x, y). */
  private aliveNear(p: number, x: number, y: number, radius: number): boolean {
    return (
      this.alive[p] === 1 && Math.max(Math.abs(this.xs[p] - x), Math.abs(this.ys[p] - y)) <= radius
    );
  }

  /**
   * Deletes and returns one alive point within L-infinity distance `radius`
   * of (x, y), or -1 when there is none.
   */
  takeAny(x: number, y: number, radius: number): number {
    if (this.size === 0 || this.aliveCount[0] === 0) return -1;
    const p = this.anyIn(0, x, y, radius);
    if (p < 0) return -1;
    this.alive[p] = 0;
    for (let node = this.leafOf[p]; node >= 0; node = this.nodeParent[node]) {
      this.aliveCount[node] -= 1;
    }
    return this.ids[p];
  }

  /** Position of an alive point of the subtree `node` within the box, or -1. */
  private anyIn(node: number, x: number, y: number, radius: number): number {
    if (this.nothingAliveNear(node, x, y, radius)) {
      return -1;
    }
    const right = this.nodeRight[node];
    if (right < 0) {
      const end = this.nodeEnd[node];
      for (let p = this.nodeStart[node]; p < end; p += 1) {
        if (this.aliveNear(p, x, y, radius)) {
          return p;
        }
      }
      return -1;
    }
    const p = this.anyIn(node + 1, x, y, radius);
    return p >= 0 ? p : this.anyIn(right, x, y, radius);
  }

  /**
   * The alive point nearest to (x, y) in the L-infinity distance among those
   * within `bound` (inclusive), or -1 when there is none; its distance is left
   * in {@link lastDistance}. The point stays alive.
   */
  nearest(x: number, y: number, bound: number): number {
    this.best = bound;
    this.bestId = -1;
    if (this.size > 0 && this.aliveCount[0] > 0) this.nearestIn(0, x, y);
    this.lastDistance = this.bestId < 0 ? Number.POSITIVE_INFINITY : this.best;
    return this.bestId;
  }

  private best = 0;
  private bestId = -1;

  private nearestIn(node: number, x: number, y: number): void {
    const right = this.nodeRight[node];
    if (right < 0) {
      const end = this.nodeEnd[node];
      for (let p = this.nodeStart[node]; p < end; p += 1) {
        if (this.alive[p] === 0) continue;
        const d = Math.max(Math.abs(this.xs[p] - x), Math.abs(this.ys[p] - y));
        if (d < this.best || (d === this.best && this.bestId < 0)) {
          this.best = d;
          this.bestId = this.ids[p];
        }
      }
      return;
    }
    const left = node + 1;
    const dl =
      this.aliveCount[left] === 0 ? Number.POSITIVE_INFINITY : this.boxDistance(left, x, y);
    const dr =
      this.aliveCount[right] === 0 ? Number.POSITIVE_INFINITY : this.boxDistance(right, x, y);
    // Only a strictly closer point can replace the one found (ties keep the
    // first), so equal distances prune once something was found.
    if (dl <= dr) {
      if (this.worthVisiting(dl)) this.nearestIn(left, x, y);
      if (this.worthVisiting(dr)) this.nearestIn(right, x, y);
    } else {
      if (this.worthVisiting(dr)) this.nearestIn(right, x, y);
      if (this.worthVisiting(dl)) this.nearestIn(left, x, y);
    }
  }

  /** Whether a subtree at box distance `d` may hold a better point than the best so far. */
  private worthVisiting(d: number): boolean {
    return d < this.best || (d === this.best && this.bestId < 0);
  }

  /** L-infinity distance from (x, y) to the bounding box of `node` (0 inside). */
  private boxDistance(node: number, x: number, y: number): number {
    return Math.max(
      this.minX[node] - x,
      x - this.maxX[node],
      this.minY[node] - y,
      y - this.maxY[node],
      0,
    );
  }
}

/** Nodes of a tree over `n` points split at the middle until at most LEAF_SIZE per leaf. */
function nodeCount(n: number): number {
  if (n <= LEAF_SIZE) return 1;
  const half = n >>> 1;
  return 1 + nodeCount(half) + nodeCount(n - half);
}

/**
 * Reorders `ids[lo..hi]` (inclusive) so that `ids[k]` holds the id whose key
 * would sit there in sorted order, smaller keys before it and larger after
 * (Hoare's selection with a median-of-three pivot).
 */
function selectByKey(ids: Int32Array, key: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const a = key[ids[lo]];
    const b = key[ids[mid]];
    const c = key[ids[hi]];
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key[ids[i]] < pivot) i += 1;
      while (key[ids[j]] > pivot) j -= 1;
      if (i <= j) {
        const t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
