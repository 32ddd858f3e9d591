import { gaussian, seededRandom } from "../random.js";
import type { RealArray } from "../types.js";

/** The pairs of points within a distance, as local indices `first[k] < second[k]` (internal). */
export interface RadiusPairs {
  readonly count: number;
  readonly first: Int32Array;
  readonly second: Int32Array;
}

/** Largest number of projection directions of the index. */
const MAX_DIRECTIONS = 32;
/** Points of the sample the directions are fitted on. */
const SAMPLE = 1024;
/** Subspace iterations fitting the directions (any orthonormal basis is correct; better ones prune more). */
const ITERATIONS = 3;

/**
 * Every pair of the points `indices` (rows of `coordinates`) at Euclidean
 * distance <= `radius`, exactly (internal).
 *
 * The index: K <= 32 orthonormal directions u_1..u_K near the top principal
 * directions of the points (three seeded subspace iterations on a sample of
 * 1024; any orthonormal directions would be correct, good ones prune more).
 * Writing `x - mean = P x + r_x` (P x: the coordinates on the directions,
 * r_x: the residual), `||x - y||^2 = ||P x - P y||^2 + ||r_x - r_y||^2 >=
 * ||P x - P y||^2 + (||r_x|| - ||r_y||)^2`, so the embedding
 * `y(x) = (P x, ||r_x||)` in R^(K+1) never lengthens a distance. A k-d tree
 * over the embedded points (leaves of <= 32) is joined with itself: node
 * pairs whose boxes are farther apart than `radius` are skipped, then a point
 * whose distance to the other leaf's box exceeds it, then a pair whose
 * embedded distance (accumulated coordinate by coordinate, largest variance
 * first) exceeds it. The survivors' distances, of the raw coordinates, are
 * accumulated in float64 in blocks of 32 coordinates and abandoned once the
 * partial sum exceeds `radius^2` (partial sums of squares only grow, so this
 * is exact). The bounds carry a slack of 1e-6 of the data's scale (the
 * residual norm comes from `||x - mean||^2 - ||P x||^2`, whose rounding it
 * covers), so rounding never drops a pair; the final test is
 * `sum of squares <= radius^2`, as `distance <= radius` in scikit-learn.
 *
 * Local index k is the k-th entry of `indices`.
 */
export function radiusPairs(
  coordinates: RealArray,
  dimension: number,
  indices: Int32Array,
  radius: number,
): RadiusPairs {
  const n = indices.length;
  const d = dimension;
  let first = new Int32Array(Math.max(16, n));
  let second = new Int32Array(Math.max(16, n));
  let count = 0;
  if (n < 2) return { count, first, second };
  const K = Math.min(MAX_DIRECTIONS, d);
  // Centred rows in local order, contiguous.
  const mean = new Float64Array(d);
  for (let k = 0; k < n; k++) {
    const base = indices[k]! * d;
    for (let j = 0; j < d; j++) mean[j]! += coordinates[base + j]!;
  }
  for (let j = 0; j < d; j++) mean[j]! /= n;
  const rows = new Float64Array(n * d);
  const norms2 = new Float64Array(n);
  let scale = 0;
  for (let k = 0; k < n; k++) {
    const base = indices[k]! * d;
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const x = coordinates[base + j]! - mean[j]!;
      rows[k * d + j] = x;
      norm += x * x;
    }
    norms2[k] = norm;
    if (norm > scale) scale = norm;
  }
  scale = Math.sqrt(scale);
  const basis = directions(rows, n, d, K);
  // Coordinates on the directions and residual norms.
  const projected = new Float64Array(n * K);
  const residual = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const row = k * d;
    let inPlane = 0;
    for (let c = 0; c < K; c++) {
      let dot = 0;
      const b = c * d;
      for (let j = 0; j < d; j++) dot += rows[row + j]! * basis[b + j]!;
      projected[k * K + c] = dot;
      inPlane += dot * dot;
    }
    // ||r||^2 = ||x - mean||^2 - ||P x||^2: its rounding error is below 1e-13 scale^2,
    // so ||r|| is off by less than 1e-6 scale, within the slack below.
    residual[k] = Math.sqrt(Math.max(0, norms2[k]! - inPlane));
  }
  // The embedding y(x) = (P x, ||r_x||) is 1-Lipschitz: ||y(x) - y(y)|| <= ||x - y||.
  const m = K + 1;
  const embedded = new Float64Array(n * m);
  for (let k = 0; k < n; k++) {
    embedded.set(projected.subarray(k * K, (k + 1) * K), k * m);
    embedded[k * m + K] = residual[k]!;
  }
  const tree = buildTree(embedded, n, m);
  const { order } = tree;
  // Points in tree order: embedded coordinates and raw rows.
  const keys = new Float64Array(n * m);
  // Raw rows in the input's precision (float32 values are exact in float64 arithmetic).
  const sorted =
    coordinates instanceof Float32Array ? new Float32Array(n * d) : new Float64Array(n * d);
  for (let s = 0; s < n; s++) {
    const k = order[s]!;
    keys.set(embedded.subarray(k * m, (k + 1) * m), s * m);
    const base = indices[k]! * d;
    for (let j = 0; j < d; j++) sorted[s * d + j] = coordinates[base + j]!;
  }
  const slack = 1e-6 * (radius + scale);
  const window = radius + slack;
  const bound2 = window * window;
  const radius2 = radius * radius;
  const { start, end, left, right, low, high } = tree;
  const record = (x: number, y: number): void => {
    if (count === first.length) {
      const grownFirst = new Int32Array(count * 2);
      grownFirst.set(first);
      first = grownFirst;
      const grownSecond = new Int32Array(count * 2);
      grownSecond.set(second);
      second = grownSecond;
    }
    first[count] = Math.min(x, y);
    second[count] = Math.max(x, y);
    count++;
  };
  const leafPairs = (A: number, B: number): void => {
    const endA = end[A]!;
    const startB = start[B]!;
    const endB = end[B]!;
    const boxB = B * m;
    points: for (let a = start[A]!; a < endA; a++) {
      const ka = a * m;
      // Skip leaf B at once when point a is farther than the radius from its box.
      let gap = 0;
      for (let c = 0; c < m; c++) {
        const x = keys[ka + c]!;
        const below = low[boxB + c]! - x;
        const above = x - high[boxB + c]!;
        const g = Math.max(below, above);
        if (g > 0) {
          gap += g * g;
          if (gap > bound2) continue points;
        }
      }
      const rowA = a * d;
      candidates: for (let b = A === B ? a + 1 : startB; b < endB; b++) {
        const kb = b * m;
        let lower = 0;
        for (let c = 0; c < m; c++) {
          const diff = keys[kb + c]! - keys[ka + c]!;
          lower += diff * diff;
          if (lower > bound2) continue candidates;
        }
        const rowB = b * d;
        let sum = 0;
        let j = 0;
        while (j < d) {
          const stop = Math.min(j + 32, d);
          for (; j < stop; j++) {
            const diff = sorted[rowA + j]! - sorted[rowB + j]!;
            sum += diff * diff;
          }
          if (sum > radius2) continue candidates;
        }
        record(order[a]!, order[b]!);
      }
    }
  };
  // Dual-tree self-join: node pairs whose boxes are farther than the radius are skipped.
  const stackA: number[] = [0];
  const stackB: number[] = [0];
  while (stackA.length > 0) {
    const A = stackA.pop()!;
    const B = stackB.pop()!;
    if (A !== B) {
      let gap = 0;
      for (let c = 0; c < m; c++) {
        const below = low[A * m + c]! - high[B * m + c]!;
        const above = low[B * m + c]! - high[A * m + c]!;
        const g = Math.max(below, above);
        if (g > 0) gap += g * g;
      }
      if (gap > bound2) continue;
    }
    const leafA = left[A]! < 0;
    const leafB = left[B]! < 0;
    if (leafA && leafB) {
      leafPairs(A, B);
    } else if (A === B) {
      stackA.push(left[A]!, left[A]!, right[A]!);
      stackB.push(left[A]!, right[A]!, right[A]!);
    } else if (leafB || (!leafA && end[A]! - start[A]! >= end[B]! - start[B]!)) {
      stackA.push(left[A]!, right[A]!);
      stackB.push(B, B);
    } else {
      stackA.push(A, A);
      stackB.push(left[B]!, right[B]!);
    }
  }
  return { count, first, second };
}

/** Points per leaf of the k-d tree. */
const LEAF_SIZE = 32;

/** A k-d tree over `n` points of R^m (internal): nodes with their point ranges (in `order`), children and boxes. */
interface Tree {
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

/** Builds a k-d tree splitting each node at the median of its widest coordinate. */
function buildTree(points: Float64Array, n: number, m: number): Tree {
  // A split node holds more than LEAF_SIZE points, so leaves hold more than LEAF_SIZE / 2.
  const capacity = 2 * Math.ceil((2 * n) / LEAF_SIZE) + 1;
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
    if (e - s <= LEAF_SIZE || width <= 0) continue;
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

/**
 * K orthonormal directions (rows of a `K x d` array) near the top principal
 * directions of the centred rows: seeded subspace iteration on an evenly
 * spaced sample, orthonormalised twice (modified Gram-Schmidt).
 */
function directions(rows: Float64Array, n: number, d: number, K: number): Float64Array {
  const random = seededRandom(0);
  const basis = new Float64Array(K * d);
  for (let k = 0; k < basis.length; k++) basis[k] = gaussian(random);
  orthonormalRows(basis, K, d);
  const sample = Math.min(n, SAMPLE);
  const step = n / sample;
  const scores = new Float64Array(K);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Float64Array(K * d);
    for (let s = 0; s < sample; s++) {
      const row = Math.floor(s * step) * d;
      for (let c = 0; c < K; c++) {
        let dot = 0;
        const b = c * d;
        for (let j = 0; j < d; j++) dot += rows[row + j]! * basis[b + j]!;
        scores[c] = dot;
      }
      for (let c = 0; c < K; c++) {
        const score = scores[c]!;
        const b = c * d;
        for (let j = 0; j < d; j++) next[b + j]! += score * rows[row + j]!;
      }
    }
    basis.set(next);
    orthonormalRows(basis, K, d);
  }
  return basis;
}

/** Modified Gram-Schmidt, twice, on the rows of a `K x d` array; a vanishing row becomes a unit vector. */
function orthonormalRows(basis: Float64Array, K: number, d: number): void {
  for (let c = 0; c < K; c++) {
    const b = c * d;
    for (let attempt = 0; ; attempt++) {
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < c; p++) {
          let dot = 0;
          for (let j = 0; j < d; j++) dot += basis[p * d + j]! * basis[b + j]!;
          for (let j = 0; j < d; j++) basis[b + j]! -= dot * basis[p * d + j]!;
        }
      }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += basis[b + j]! * basis[b + j]!;
      norm = Math.sqrt(norm);
      if (norm > 1e-8 || attempt >= d) {
        for (let j = 0; j < d; j++) basis[b + j]! /= norm || 1;
        break;
      }
      basis.fill(0, b, b + d);
      basis[b + ((c + attempt) % d)] = 1;
    }
  }
}
