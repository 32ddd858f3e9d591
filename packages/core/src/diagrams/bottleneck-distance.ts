import { type Barcode, requireBarcode } from "./barcode.js";
import { BottleneckMatcher, type MatchingSnapshot } from "./bottleneck-matcher.js";
import type { DistanceWithMatching } from "./diagram-matching.js";
import { pairEssentialClasses } from "./essential-pairing.js";

/** Probing thresholds stops once at most this many points stay unmatched. */
const PROBING_DEFICIENCY = 16;
/**
 * Guessed probes aim at a deficiency whose square root is this fraction of
 * the current one, but no lower than TARGET_ROOT: a probe above the distance
 * wastes its work, and extrapolating far overshoots.
 */
const ROOT_REDUCTION = 0.5;
/** The square root of the smallest deficiency that guessed probes aim at. */
const TARGET_ROOT = 3;
/** The first probe above the lower bound, as a factor of it. */
const FIRST_PROBE = 1.1;

/**
 * The bottleneck distance between two barcodes: the least, over the
 * matchings of their pairs with each other or with the diagonal, of the
 * largest cost of a matched couple, where two pairs cost the L-infinity
 * distance `max(|b - b'|, |d - d'|)` and a pair matched with the diagonal
 * costs its L-infinity distance to it, `max(d - m, m - b)` with
 * `m = (b + d) / 2` (GUDHI's and Hera's formula; it is `(d - b) / 2` up to
 * rounding). Essential classes (death `Infinity`) are matched with each other
 * in birth order and cost `|b - b'|`; when their numbers differ the distance
 * is `Infinity`.
 *
 * The result is exact: the true distance of the double-precision inputs,
 * bit-equal to one of the candidate costs above, as
 * `gudhi.bottleneck_distance(a, b, 0)` computes it. The search (after Efrat,
 * Itai and Katz, "Geometry helps in bottleneck matching and related
 * problems", Algorithmica 31, 2001, and Kerber, Morozov and Nigmetov,
 * "Geometry helps to compare persistence diagrams", JEA 22, 2017) decides a
 * threshold r by a maximum matching among the edges of cost <= r, grown by
 * phases of alternating-path searches (Hopcroft–Karp layered phases, or
 * breadth-first search forests when augmenting paths are long, whichever
 * augments more per vertex searched) whose neighbours are found by box
 * queries in a 2-d tree with deletion rather than by listing the n^2 pairs. It starts from a lower bound (the
 * largest over the points of their cheapest partner), probes thresholds
 * upwards while many points stay unmatched (an infeasible probe keeps its
 * matching for the next), then completes the matching one augmenting path at
 * a time, each the path whose costliest edge is least (a Dijkstra-like search
 * on the bottleneck of the path). The cost of the last path is the distance,
 * found without listing the n^2 candidate values. Memory is linear in the
 * number of pairs.
 *
 * @param a - First barcode.
 * @param b - Second barcode.
 * @returns The distance (0 for two empty barcodes).
 * @throws TypeError or RangeError for a bad barcode, naming it.
 * @example
 * ```ts
 * bottleneckDistance(barcode([[0, 1], [0, 2]]), barcode([[0, 1.5]])); // 0.5
 * ```
 */
export function bottleneckDistance(a: Barcode, b: Barcode): number {
  return bottleneck("bottleneckDistance", a, b).distance;
}

/**
 * The bottleneck distance between two barcodes together with a matching that
 * attains it: the largest cost of its matched couples equals the distance
 * (see {@link bottleneckDistance} for the costs and the algorithm). Pairs
 * matched with the diagonal appear with -1 on the other side. When the
 * numbers of essential classes differ the distance is `Infinity` and the
 * matching sends every pair to the diagonal.
 *
 * @param a - First barcode.
 * @param b - Second barcode.
 * @returns `{distance, matching}`; the matching lists essential couples
 *   first, then the finite pairs of `a` in index order, then the pairs of `b`
 *   matched with the diagonal.
 * @throws TypeError or RangeError for a bad barcode, naming it.
 * @example
 * ```ts
 * const { distance, matching } = bottleneckMatching(barcode([[0, 1]]), barcode([[0, 1.5], [2, 2.2]]));
 * // distance 0.5; matching.a = [0, -1], matching.b = [0, 1]
 * ```
 */
export function bottleneckMatching(a: Barcode, b: Barcode): DistanceWithMatching {
  return bottleneck("bottleneckMatching", a, b);
}

/** Distance of the point (b, d) to the diagonal in the L-infinity norm, as GUDHI and Hera round it. */
function diagonalDistance(birth: number, death: number): number {
  const middle = (birth + death) / 2;
  return Math.max(death - middle, middle - birth);
}

/** The finite pairs of a barcode off the diagonal, with their distances to it. */
interface OffDiagonal {
  readonly index: Int32Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly diagonal: Float64Array;
}

function offDiagonal(bars: Barcode): OffDiagonal {
  const n = bars.births.length;
  let count = 0;
  for (let k = 0; k < n; k += 1) {
    const d = bars.deaths[k];
    if (d !== Number.POSITIVE_INFINITY && diagonalDistance(bars.births[k], d) > 0) count += 1;
  }
  const index = new Int32Array(count);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const diagonal = new Float64Array(count);
  let next = 0;
  for (let k = 0; k < n; k += 1) {
    const d = bars.deaths[k];
    if (d === Number.POSITIVE_INFINITY) continue;
    const cost = diagonalDistance(bars.births[k], d);
    if (cost > 0) {
      index[next] = k;
      x[next] = bars.births[k];
      y[next] = d;
      diagonal[next++] = cost;
    }
  }
  return { index, x, y, diagonal };
}

function bottleneck(caller: string, a: Barcode, b: Barcode): DistanceWithMatching {
  requireBarcode(`${caller}: a`, a);
  requireBarcode(`${caller}: b`, b);
  const left = offDiagonal(a);
  const right = offDiagonal(b);
  const essential = pairEssentialClasses(a, b);
  const matcher = new BottleneckMatcher(
    left.x,
    left.y,
    left.diagonal,
    right.x,
    right.y,
    right.diagonal,
  );
  if (essential !== null) solve(matcher, essential.gaps);
  else matcher.load(allToDiagonal(matcher.nA, matcher.nB));

  // Assemble the matching of the original pairs and its cost.
  const total = a.births.length + b.births.length;
  const ma = new Int32Array(total);
  const mb = new Int32Array(total);
  let size = 0;
  let distance = 0;
  if (essential !== null) {
    for (let k = 0; k < essential.a.length; k += 1) {
      ma[size] = essential.a[k];
      mb[size++] = essential.b[k];
      distance = Math.max(distance, essential.gaps[k]);
    }
  } else {
    distance = Number.POSITIVE_INFINITY;
  }
  const partnerOfA = new Int32Array(a.births.length).fill(-1);
  const coveredB = new Uint8Array(b.births.length);
  for (let k = 0; k < size; k += 1) coveredB[mb[k]] = 1;
  const { nA, nB } = matcher;
  for (let u = 0; u < nA; u += 1) {
    const v = matcher.mateU[u];
    distance = Math.max(distance, matcher.cost(u, v));
    if (v < nB) {
      partnerOfA[left.index[u]] = right.index[v];
      coveredB[right.index[v]] = 1;
    }
  }
  for (let j = 0; j < nB; j += 1) {
    const v = matcher.mateU[nA + j];
    distance = Math.max(distance, matcher.cost(nA + j, v));
  }
  const essentialA = new Uint8Array(a.births.length);
  if (essential !== null) for (const k of essential.a) essentialA[k] = 1;
  for (let k = 0; k < a.births.length; k += 1) {
    if (essentialA[k] === 1) continue;
    ma[size] = k;
    mb[size++] = partnerOfA[k];
  }
  for (let k = 0; k < b.births.length; k += 1) {
    if (coveredB[k] === 1) continue;
    ma[size] = -1;
    mb[size++] = k;
  }
  return { distance, matching: { a: ma.slice(0, size), b: mb.slice(0, size) } };
}

/** The matching that sends every point of both sides to the diagonal. */
function allToDiagonal(nA: number, nB: number): MatchingSnapshot {
  const mateU = new Int32Array(nA + nB);
  const mateV = new Int32Array(nA + nB);
  for (let u = 0; u < nA; u += 1) {
    mateU[u] = nB + u;
    mateV[nB + u] = u;
  }
  for (let j = 0; j < nB; j += 1) {
    mateU[nA + j] = j;
    mateV[j] = nA + j;
  }
  return { mateU, mateV, free: 0 };
}

/**
 * Leaves in `matcher` a perfect matching of the finite points whose largest
 * cost, together with the essential `gaps`, is the bottleneck distance.
 */
function solve(matcher: BottleneckMatcher, gaps: Float64Array): void {
  const { nA, nB } = matcher;
  let essentialCost = 0;
  for (const gap of gaps) essentialCost = Math.max(essentialCost, gap);
  // Matching every point with the diagonal is feasible at hi.
  let hi = 0;
  for (let u = 0; u < nA; u += 1) hi = Math.max(hi, matcher.cost(u, nB + u));
  for (let j = 0; j < nB; j += 1) hi = Math.max(hi, matcher.cost(nA + j, j));
  // Below the lower bound nothing is feasible; the finite part need not be
  // cheaper than the essential classes.
  let lo = Math.max(matcher.lowerBound(), essentialCost);
  if (lo >= hi) {
    matcher.load(allToDiagonal(nA, nB));
    return;
  }
  matcher.greedy(lo);
  if (matcher.maximize(lo)) return;
  // From here on lo is infeasible, and the matcher holds a matching of edges
  // of cost <= lo (a maximum one after each probe). Two kinds of steps raise
  // lo until the matching is perfect:
  // - a probe at a guessed threshold r between lo and hi, worth it while many
  //   points stay unmatched: if the edges of cost <= r hold no perfect
  //   matching, the maximum matching found there is kept and lo = r (no work
  //   lost); else hi = r and the matching at lo comes back. The guess aims a
  //   little below the distance by extrapolating the square root of the
  //   deficiency, which falls about linearly with the threshold on random
  //   diagrams, from the last two thresholds;
  // - an exact step: the augmenting path whose costliest edge t is least
  //   (t <= the distance, since an optimal matching holds augmenting paths
  //   for any smaller matching), so lo = t; when t repeats (ties) or many
  //   points stay unmatched, the matching is then made maximum at t.
  // The matching only ever holds edges of cost <= the distance, so once it
  // is perfect its costliest edge is the distance.
  let previous = -1;
  let previousRoot = 0;
  let stalled = false;
  let lastLevel = -1;
  while (matcher.free > 0) {
    const root = Math.sqrt(matcher.free);
    if (matcher.free > PROBING_DEFICIENCY && !stalled) {
      let r = Number.NaN;
      if (previous < 0) r = lo * FIRST_PROBE;
      else if (previousRoot > root) {
        const target = Math.max(TARGET_ROOT, root * ROOT_REDUCTION);
        r = lo + ((root - target) * (lo - previous)) / (previousRoot - root);
      }
      if (!(r > lo && r < hi)) r = hi > 2 * lo && lo > 0 ? Math.sqrt(lo * hi) : lo + (hi - lo) / 2;
      if (r > lo && r < hi) {
        const atLo = matcher.save();
        if (matcher.maximize(r)) {
          hi = r;
          matcher.load(atLo);
        } else {
          stalled = Math.sqrt(matcher.free) === root;
          previous = lo;
          previousRoot = root;
          lo = r;
        }
        continue;
      }
    }
    const level = matcher.cheapestAugmentation(lo, hi);
    if (level < 0) {
      throw new Error("bottleneck: internal error, no augmenting path at a feasible threshold");
    }
    if (level > lo) {
      previous = lo;
      previousRoot = root;
      lo = level;
    }
    if (matcher.free > 0 && (level === lastLevel || matcher.free > PROBING_DEFICIENCY)) {
      matcher.maximize(lo);
    }
    lastLevel = level;
    stalled = false;
  }
}
