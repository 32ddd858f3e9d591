/**
 * A static 2-d tree over the points of a persistence diagram whose points
 * carry weights that change over time (internal: not re-exported from the
 * package index). It answers "which point y minimises ||x - y||_q^p + w(y), and
 * what is the second smallest such value?" — the question a bidder asks in
 * the auction algorithm of {@link auctionWasserstein}, where the weights come
 * from the prices of the items (Kerber, Morozov, Nigmetov, "Geometry helps to
 * compare persistence diagrams", ACM JEA 22, 2017: a k-d tree whose
 * nodes store the smallest weight below them, so that a whole box is skipped
 * when its distance to the query plus that weight cannot beat the current
 * second best).
 *
 * The tree splits at the median of the wider side of each box, so it is
 * balanced (depth ceil(log2(n / leafSize))); leaves hold up to `LEAF_SIZE`
 * points, stored contiguously in tree order for locality. Each node keeps two
 * bounding boxes of its points, in the plane and in the rotated coordinates
 * u = (x + y) / 2, v = (y - x) / 2 (v is half the persistence), and prunes
 * with the larger of the two distance bounds: near the diagonal the weights
 * follow the persistence, and the rotated box bounds the distance along it
 * better. A weight update rewrites one leaf minimum and the minima of its
 * ancestors until one is unchanged, O(log n).
 */

const LEAF_SIZE = 8;

/**
 * How ||(dx, dy)||_q^p is evaluated, specialised for the common norms and
 * orders: 0 (q = Infinity, p = 1), 1 (q = Infinity, p = 2), 2 (q = 2, p = 1),
 * 3 (q = 2, p = 2), 4 (q = Infinity, any p), 5 (q = 1, any p), 6 (any q, p).
 */
export type PowerNormKind = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Picks the specialised evaluation of ||(dx, dy)||_q^p. */
export function powerNormKind(q: number, p: number): PowerNormKind {
  if (q === Number.POSITIVE_INFINITY) {
    if (p === 1) return 0;
    if (p === 2) return 1;
    return 4;
  }
  if (q === 2 && p === 1) return 2;
  if (q === 2 && p === 2) return 3;
  if (q === 1) return 5;
  return 6;
}

/**
 * ||(dx, dy)||_q^p for dx, dy >= 0, with the evaluation `kind` picked by
 * {@link powerNormKind} for these `q` and `p`.
 */
export function powerNorm(
  kind: PowerNormKind,
  q: number,
  p: number,
  dx: number,
  dy: number,
): number {
  switch (kind) {
    case 0:
      return Math.max(dx, dy);
    case 1: {
      const m = Math.max(dx, dy);
      return m * m;
    }
    case 2:
      return Math.sqrt(dx * dx + dy * dy);
    case 3:
      return dx * dx + dy * dy;
    case 4:
      return Math.max(dx, dy) ** p;
    case 5:
      return (dx + dy) ** p;
    default:
      return (dx ** q + dy ** q) ** (p / q);
  }
}

/** A 2-d tree answering best and second-best weighted nearest-point queries (see the file's header). */
export class WeightedKdTree {
  /** Coordinates and weights in tree order. */
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly ws: Float64Array;
  /** Tree position -> point index, and point index -> tree position. */
  private readonly order: Int32Array;
  private readonly position: Int32Array;
  /** Point index -> the leaf node holding it. */
  private readonly leafOf: Int32Array;
  /** Node (heap numbering from 1) -> its range [lo, hi) of tree positions; hi = 0 for no node. */
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly leaf: Uint8Array;
  /**
   * Node -> its bounding box in the plane (minX, maxX, minY, maxY) and in the
   * rotated coordinates u = (x + y) / 2, v = (y - x) / 2 (minU, maxU, minV,
   * maxV); the points of a node lie in both.
   */
  private readonly box: Float64Array;
  /** Node -> the smallest weight of its points. */
  private readonly minWeight: Float64Array;
  private readonly stackNode: Int32Array;
  private readonly stackBound: Float64Array;
  private readonly kind: PowerNormKind;
  private readonly q: number;
  private readonly p: number;
  private readonly rootTwoToOneOverQ: number;

  /** The point found by the last {@link query}, or -1 when none beat its initial value. */
  bestPoint = -1;
  /** The smallest value found by the last query. */
  bestValue = Number.POSITIVE_INFINITY;
  /** The second smallest value found by the last query (counting the initial value). */
  secondValue = Number.POSITIVE_INFINITY;

  /**
   * @param x - First coordinates of the points (births); at least one point.
   * @param y - Second coordinates (deaths).
   * @param weights - Initial weights, one per point.
   * @param q - The internal norm L_q, in [1, Infinity].
   * @param p - The power p >= 1 of the norm.
   */
  constructor(x: Float64Array, y: Float64Array, weights: Float64Array, q: number, p: number) {
    const n = x.length;
    this.kind = powerNormKind(q, p);
    this.q = q;
    this.p = p;
    let depth = 0;
    while (Math.ceil(n / 2 ** depth) > LEAF_SIZE) depth += 1;
    const slots = 2 ** (depth + 1);
    this.lo = new Int32Array(slots);
    this.hi = new Int32Array(slots);
    this.leaf = new Uint8Array(slots);
    this.box = new Float64Array(8 * slots);
    this.minWeight = new Float64Array(slots).fill(Number.POSITIVE_INFINITY);
    this.stackNode = new Int32Array(2 * depth + 4);
    this.stackBound = new Float64Array(2 * depth + 4);
    const order = new Int32Array(n);
    for (let k = 0; k < n; k += 1) order[k] = k;
    this.leafOf = new Int32Array(n);
    const u = new Float64Array(n);
    const v = new Float64Array(n);
    for (let k = 0; k < n; k += 1) {
      u[k] = (x[k] + y[k]) / 2;
      v[k] = (y[k] - x[k]) / 2;
    }
    this.build(1, 0, n, order, x, y, u, v);
    this.rootTwoToOneOverQ = 2 ** (1 / q);
    this.order = order;
    this.position = new Int32Array(n);
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.ws = new Float64Array(n);
    for (let t = 0; t < n; t += 1) {
      const k = order[t];
      this.position[k] = t;
      this.xs[t] = x[k];
      this.ys[t] = y[k];
      this.ws[t] = weights[k];
    }
    for (let node = slots - 1; node >= 1; node -= 1) {
      if (this.hi[node] === 0) continue;
      if (this.leaf[node] === 1) {
        let m = Number.POSITIVE_INFINITY;
        for (let t = this.lo[node]; t < this.hi[node]; t += 1) if (this.ws[t] < m) m = this.ws[t];
        this.minWeight[node] = m;
      } else {
        const l = this.minWeight[2 * node];
        const r = this.minWeight[2 * node + 1];
        this.minWeight[node] = Math.min(l, r);
      }
    }
  }

  private build(
    node: number,
    lo: number,
    hi: number,
    order: Int32Array,
    x: Float64Array,
    y: Float64Array,
    u: Float64Array,
    v: Float64Array,
  ): void {
    let minU = Number.POSITIVE_INFINITY;
    let maxU = Number.NEGATIVE_INFINITY;
    let minV = Number.POSITIVE_INFINITY;
    let maxV = Number.NEGATIVE_INFINITY;
    for (let t = lo; t < hi; t += 1) {
      const k = order[t];
      if (u[k] < minU) minU = u[k];
      if (u[k] > maxU) maxU = u[k];
      if (v[k] < minV) minV = v[k];
      if (v[k] > maxV) maxV = v[k];
    }
    this.box[8 * node + 4] = minU;
    this.box[8 * node + 5] = maxU;
    this.box[8 * node + 6] = minV;
    this.box[8 * node + 7] = maxV;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let t = lo; t < hi; t += 1) {
      const k = order[t];
      if (x[k] < minX) minX = x[k];
      if (x[k] > maxX) maxX = x[k];
      if (y[k] < minY) minY = y[k];
      if (y[k] > maxY) maxY = y[k];
    }
    this.lo[node] = lo;
    this.hi[node] = hi;
    this.box[8 * node] = minX;
    this.box[8 * node + 1] = maxX;
    this.box[8 * node + 2] = minY;
    this.box[8 * node + 3] = maxY;
    if (hi - lo <= LEAF_SIZE) {
      this.leaf[node] = 1;
      for (let t = lo; t < hi; t += 1) this.leafOf[order[t]] = node;
      return;
    }
    const mid = (lo + hi) >> 1;
    selectNth(order, lo, hi, mid, maxX - minX >= maxY - minY ? x : y);
    this.build(2 * node, lo, mid, order, x, y, u, v);
    this.build(2 * node + 1, mid, hi, order, x, y, u, v);
  }

  /** Sets the weight of point `k` (up or down) and updates the minima above it. */
  setWeight(k: number, weight: number): void {
    const t = this.position[k];
    this.ws[t] = weight;
    let node = this.leafOf[k];
    let m = Number.POSITIVE_INFINITY;
    for (let s = this.lo[node]; s < this.hi[node]; s += 1) if (this.ws[s] < m) m = this.ws[s];
    if (m === this.minWeight[node]) return;
    this.minWeight[node] = m;
    node >>= 1;
    while (node >= 1) {
      const l = this.minWeight[2 * node];
      const r = this.minWeight[2 * node + 1];
      const c = Math.min(l, r);
      if (c === this.minWeight[node]) return;
      this.minWeight[node] = c;
      node >>= 1;
    }
  }

  /**
   * A lower bound on ||(x, y) - b||_q over the points b below `node`, for
   * q < Infinity (the query inlines q = Infinity), from the gaps (gx, gy)
   * between (x, y) and the node's box and (gu, gv) between (u, v) and its
   * rotated box. With dx = du - dv and dy = du + dv, ||(dx, dy)||_q is
   * 2 max(|du|, |dv|) for q = 1, sqrt(2) ||(du, dv)||_2 for q = 2, and at least
   * max(|du| + |dv|, 2^(1/q) max(|du|, |dv|)) for any q (from
   * ||.||_q >= ||.||_inf and ||.||_q >= 2^(1/q - 1) ||.||_1).
   */
  private boxLength(gx: number, gy: number, gu: number, gv: number): number {
    const q = this.q;
    let plane: number;
    let rotated: number;
    if (q === 1) {
      plane = gx + gy;
      rotated = 2 * Math.max(gu, gv);
    } else if (q === 2) {
      plane = Math.sqrt(gx * gx + gy * gy);
      rotated = Math.SQRT2 * Math.sqrt(gu * gu + gv * gv);
    } else {
      plane = (gx ** q + gy ** q) ** (1 / q);
      const sum = gu + gv;
      const max = this.rootTwoToOneOverQ * Math.max(gu, gv);
      rotated = Math.max(sum, max);
    }
    return Math.max(plane, rotated);
  }

  /**
   * Finds the point minimising ||(x, y) - point||_q^p + weight and the two
   * smallest values, where a candidate outside the tree with value
   * `initialValue` competes too (it wins ties; `bestPoint` is then -1).
   * Results go to {@link bestPoint}, {@link bestValue}, {@link secondValue};
   * with `onlyBest` the search prunes against the best value and
   * `secondValue` is meaningless.
   */
  query(x: number, y: number, initialValue: number, onlyBest = false): void {
    const { xs, ys, ws, lo, hi, leaf, box, minWeight, stackNode, stackBound, kind, q, p } = this;
    const maxNorm = q === Number.POSITIVE_INFINITY;
    let best = -1;
    let v1 = initialValue;
    // In onlyBest mode v2 tracks v1, so that the pruning is against the best.
    let v2 = onlyBest ? initialValue : Number.POSITIVE_INFINITY;
    const u = (x + y) / 2;
    const v = (y - x) / 2;
    let sp = 0;
    stackNode[0] = 1;
    stackBound[0] = Number.NEGATIVE_INFINITY;
    sp = 1;
    while (sp > 0) {
      sp -= 1;
      if (stackBound[sp] >= v2) continue;
      const node = stackNode[sp];
      if (leaf[node] === 1) {
        const end = hi[node];
        for (let t = lo[node]; t < end; t += 1) {
          const dx = x > xs[t] ? x - xs[t] : xs[t] - x;
          const dy = y > ys[t] ? y - ys[t] : ys[t] - y;
          const c = (kind === 0 ? Math.max(dx, dy) : powerNorm(kind, q, p, dx, dy)) + ws[t];
          if (c < v2) {
            if (c < v1) {
              v2 = onlyBest ? c : v1;
              v1 = c;
              best = t;
            } else {
              v2 = c;
            }
          }
        }
        continue;
      }
      // Lower bounds of both children.
      const l = 2 * node;
      let bl = 0;
      let br = 0;
      for (let side = 0; side < 2; side += 1) {
        const b = 8 * (l + side);
        const gx = x < box[b] ? box[b] - x : x > box[b + 1] ? x - box[b + 1] : 0;
        const gy = y < box[b + 2] ? box[b + 2] - y : y > box[b + 3] ? y - box[b + 3] : 0;
        const gu = u < box[b + 4] ? box[b + 4] - u : u > box[b + 5] ? u - box[b + 5] : 0;
        const gv = v < box[b + 6] ? box[b + 6] - v : v > box[b + 7] ? v - box[b + 7] : 0;
        let length: number;
        if (maxNorm) {
          // ||(dx, dy)||_inf = |du| + |dv|.
          const plane = Math.max(gx, gy);
          const rotated = gu + gv;
          length = Math.max(plane, rotated);
        } else {
          length = this.boxLength(gx, gy, gu, gv);
        }
        const bound =
          (p === 1 ? length : p === 2 ? length * length : length ** p) + minWeight[l + side];
        if (side === 0) bl = bound;
        else br = bound;
      }
      // Push the farther child first so that the nearer one is visited first.
      if (bl <= br) {
        if (br < v2) {
          stackNode[sp] = l + 1;
          stackBound[sp++] = br;
        }
        if (bl < v2) {
          stackNode[sp] = l;
          stackBound[sp++] = bl;
        }
      } else {
        if (bl < v2) {
          stackNode[sp] = l;
          stackBound[sp++] = bl;
        }
        if (br < v2) {
          stackNode[sp] = l + 1;
          stackBound[sp++] = br;
        }
      }
    }
    this.bestPoint = best < 0 ? -1 : this.order[best];
    this.bestValue = v1;
    this.secondValue = v2;
  }
}

/** Reorders `order[lo, hi)` so that position `nth` holds the element of its rank by `key` (quickselect). */
function selectNth(
  order: Int32Array,
  lo: number,
  hi: number,
  nth: number,
  key: Float64Array,
): void {
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    // Median of three as the pivot.
    const m = (left + right) >> 1;
    const a = key[order[left]];
    const b = key[order[m]];
    const c = key[order[right]];
    const pivot = a < b ? (b < c ? b : Math.max(a, c)) : a < c ? a : Math.max(b, c);
    let i = left;
    let j = right;
    while (i <= j) {
      while (key[order[i]] < pivot) i += 1;
      while (key[order[j]] > pivot) j -= 1;
      if (i <= j) {
        const tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
        i += 1;
        j -= 1;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else return;
  }
}
