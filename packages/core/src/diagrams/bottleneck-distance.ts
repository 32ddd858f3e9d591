import { describe, requireOptions } from "../metric/validate.js";
import { type Barcode, requireBarcode } from "./barcode.js";
import { BottleneckMatcher, type MatchingSnapshot } from "./bottleneck-matcher.js";
import type { DistanceWithMatching } from "./diagram-matching.js";
import { pairEssentialClasses } from "./essential-pairing.js";

/** Options of {@link bottleneckDistance} and {@link bottleneckMatching}. */
export interface BottleneckOptions {
  /**
   * Allowed relative error: with e > 0 the answer d may come from a cheaper
   * search and satisfies `d* <= d <= (1 + e) d*` (d* the exact distance); it is
   * still the cost of the matching returned. Default 0: the exact distance.
   */
  readonly relativeError?: number;
}

/** Bisection of the threshold stops once at most this many left vertices stay unmatched. */
const BISECTION_DEFICIENCY = 8;
/** The square root of the deficiency the guessed probes aim at. */
const TARGET_ROOT = 2;
/** The first probe above the lower bound, as a factor of it. */
const FIRST_STEP = 1.1;

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
 * "Geometry helps to compare persistence diagrams", JEA 22, 2017) starts from
 * the lower bound given by each point's cheapest partner, bisects the
 * threshold with a geometric Hopcroft–Karp matching (neighbours found by box
 * queries in a 2-d tree, the matching of the last infeasible threshold kept)
 * until few points stay unmatched, then completes the matching one
 * cheapest-bottleneck augmenting path at a time, which lands on the exact
 * optimum without listing the n^2 candidate costs. Memory is linear in the
 * number of pairs.
 *
 * @param a - First barcode.
 * @param b - Second barcode.
 * @param options - `relativeError` (default 0, exact): see {@link BottleneckOptions}.
 * @returns The distance (0 for two empty barcodes).
 * @throws TypeError or RangeError for a bad barcode or option, naming it.
 * @example
 * ```ts
 * bottleneckDistance(barcode([[0, 1], [0, 2]]), barcode([[0, 1.5]])); // 0.5
 * ```
 */
export function bottleneckDistance(a: Barcode, b: Barcode, options?: BottleneckOptions): number {
  return bottleneck("bottleneckDistance", a, b, options).distance;
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
 * @param options - `relativeError` (default 0, exact): see {@link BottleneckOptions}.
 * @returns `{distance, matching}`; the matching lists essential couples
 *   first, then the finite pairs of `a` in index order, then the pairs of `b`
 *   matched with the diagonal.
 * @throws TypeError or RangeError for a bad barcode or option, naming it.
 * @example
 * ```ts
 * const { distance, matching } = bottleneckMatching(barcode([[0, 1]]), barcode([[0, 1.5], [2, 2.2]]));
 * // distance 0.5; matching.a = [0, -1], matching.b = [0, 1]
 * ```
 */
export function bottleneckMatching(
  a: Barcode,
  b: Barcode,
  options?: BottleneckOptions,
): DistanceWithMatching {
  return bottleneck("bottleneckMatching", a, b, options);
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

function requireRelativeError(caller: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.relativeError must be a number; got ${describe(value)}`);
  }
  if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
    throw new RangeError(
      `${caller}: options.relativeError must be finite and >= 0; got ${describe(value)}`,
    );
  }
  return value;
}

function bottleneck(
  caller: string,
  a: Barcode,
  b: Barcode,
  options: BottleneckOptions | undefined,
): DistanceWithMatching {
  requireBarcode(`${caller}: a`, a);
  requireBarcode(`${caller}: b`, b);
  const relativeError = requireRelativeError(
    caller,
    requireOptions(`${caller}: options`, options).relativeError,
  );
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
  if (essential !== null) solve(matcher, essential.gaps, relativeError);
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
 * Leaves in `matcher` a perfect matching of the finite points whose cost,
 * together with the essential `gaps`, is the bottleneck distance (or within
 * `relativeError` of it).
 */
function solve(matcher: BottleneckMatcher, gaps: Float64Array, relativeError: number): void {
  const { nA, nB } = matcher;
  let essentialCost = 0;
  for (const gap of gaps) essentialCost = Math.max(essentialCost, gap);
  // Matching every point with the diagonal is feasible at hi.
  let hi = 0;
  for (let u = 0; u < nA; u += 1) hi = Math.max(hi, matcher.cost(u, nB + u));
  for (let j = 0; j < nB; j += 1) hi = Math.max(hi, matcher.cost(nA + j, j));
  // Below the lower bound nothing is feasible; above the essential cost the
  // finite part needs no better than it.
  let lo = Math.max(matcher.lowerBound(), essentialCost);
  DEBUG.lower = lo; DEBUG.hi = hi; DEBUG.bisect = 0; DEBUG.prim = 0; DEBUG.deficiencyAtLower = -1;
  let hiMatching: MatchingSnapshot = allToDiagonal(nA, nB);
  if (lo >= hi) {
    matcher.load(hiMatching);
    return;
  }
  DEBUG.log = [];
  let t0 = performance.now();
  matcher.greedy(lo);
  DEBUG.log.push(`greedy free ${matcher.free} ms=${(performance.now()-t0).toFixed(1)}`); t0 = performance.now();
  const okLo = matcher.maximize(lo);
  DEBUG.log.push(`lo=${lo.toPrecision(4)} free ${matcher.free} phases=${matcher.phases} ms=${(performance.now()-t0).toFixed(1)}`); matcher.phases=0;
  if (okLo) return;
  DEBUG.deficiencyAtLower = matcher.free;
  // lo is infeasible from here on, and the matcher holds a maximum matching
  // at lo. Raise lo towards the distance (each infeasible probe keeps its
  // matching, so its work is not lost), guessing the next probe from the
  // deficiency of the last two: the square root of the deficiency falls
  // about linearly with the threshold on random diagrams.
  let previous = -1;
  let previousRoot = 0;
  while (matcher.free > BISECTION_DEFICIENCY && hi > lo * (1 + relativeError)) {
    const root = Math.sqrt(matcher.free);
    let r = Number.NaN;
    if (previous >= 0 && previousRoot > root) {
      r = lo + ((root - TARGET_ROOT) * (lo - previous)) / (previousRoot - root);
    } else if (previous < 0) {
      r = lo * FIRST_STEP;
    }
    if (!(r > lo && r < hi)) r = hi > 2 * lo && lo > 0 ? Math.sqrt(lo * hi) : lo + (hi - lo) / 2;
    if (!(r > lo && r < hi)) break;
    const atLo = matcher.save();
    const t0 = performance.now(); const f0 = matcher.free;
    const ok = matcher.maximize(r);
    DEBUG.bisect++;
    DEBUG.log.push(`r=${r.toPrecision(4)} ok=${ok} free ${f0}->${matcher.free} phases=${matcher.phases} ms=${(performance.now()-t0).toFixed(1)}`); matcher.phases=0;
    if (ok) {
      hi = r;
      if (relativeError > 0) hiMatching = matcher.save();
      matcher.load(atLo);
    } else {
      previous = lo;
      previousRoot = root;
      lo = r;
    }
  }
  if (relativeError > 0 && hi <= lo * (1 + relativeError)) {
    matcher.load(hiMatching);
    return;
  }
  let level = lo;
  while (matcher.free > 0) {
    const t1 = performance.now();
    const t = matcher.cheapestAugmentation(level, hi);
    DEBUG.log.push(`prim t=${t} ms=${(performance.now()-t1).toFixed(1)}`);
    DEBUG.prim++;
    if (t < 0) throw new Error("bottleneck: internal error, no augmenting path below a feasible threshold");
    if (t > level) level = t;
  }
}

declare const performance: any;
// biome-ignore lint: temporary
export const DEBUG: any = {};
