import { describe, requireOptions } from "../metric/validate.js";
import { auctionMatch } from "./auction-solver.js";
import { type Barcode, requireBarcode } from "./barcode.js";
import type { DiagramMatching, DistanceWithMatching } from "./diagram-matching.js";
import { pairEssentialClasses } from "./essential-pairing.js";
import { powerNorm, powerNormKind } from "./weighted-kd-tree.js";

/** Options of {@link auctionWasserstein} and {@link auctionWassersteinMatching}. */
export interface AuctionWassersteinOptions {
  /** The order p >= 1 of the Wasserstein distance (finite); default 1. */
  readonly order?: number;
  /** The internal norm L_q of the plane, q in [1, Infinity]; default Infinity. */
  readonly internalP?: number;
  /**
   * The relative error delta > 0 (finite): the result W satisfies
   * W* <= W <= (1 + delta) W*; default 0.01 (Hera's and GUDHI's default).
   */
  readonly relativeError?: number;
}

/**
 * The Wasserstein distance W_{p,q} between two barcodes to within a certified
 * relative error, by the auction algorithm of Kerber, Morozov and Nigmetov
 * (the algorithm of Hera, `gudhi.hera.wasserstein_distance(a, b, order,
 * internal_p, delta)`).
 *
 * W_{p,q}(a, b) is the least (sum ||x - m(x)||_q^p)^(1/p) over the matchings
 * m of the pairs of `a` with the pairs of `b` or with the diagonal, where a
 * pair (b, d) costs its L_q distance to the nearest diagonal point,
 * 2^(1/q) (d - b) / 2 ((d - b) / 2 for q = Infinity) — GUDHI's and Hera's
 * conventions. Essential classes (death `Infinity`) are matched with each
 * other in birth order at cost |birth_a - birth_b|^p; the distance is
 * `Infinity` when their numbers differ. Pairs on the diagonal cost nothing.
 *
 * Guarantee: W* <= W <= (1 + delta) W*, W* the exact distance. The lower
 * side holds because W is the cost of an actual matching (the one
 * {@link auctionWassersteinMatching} returns). The upper side is certified,
 * not hoped for: the run stops only when W^p <= (1 + delta)^p L, where
 * L <= W*^p is the value of a feasible solution of the dual of the assignment
 * problem built from the auction's prices (for each bidder the cheapest
 * cost-plus-price of its items, minus the sum of the prices; essential
 * classes add their exact cost to both sides). Both sides hold in exact
 * arithmetic and in floating point up to the rounding of the costs (a
 * relative 1e-13 or so); when W*^p is below about n * 1e-14 times the
 * largest (diagonal distance)^p, or delta below about 1e-13, the run ends
 * when the price step reaches the rounding level, where the matching is
 * optimal up to an absolute error of that order. Equal diagrams give exactly
 * 0. Orders beyond a few hundred may push the p-th powers of the lengths out
 * of the double range, losing accuracy (compare a bottleneck distance).
 *
 * Method (Kerber, Morozov, Nigmetov, "Geometry helps to compare persistence
 * diagrams", ACM Journal of Experimental Algorithmics 22, 2017, the algorithm
 * of Hera): the partial matching as an assignment problem (here in an
 * equivalent asymmetric form: the points of the smaller barcode bid for the
 * points of the other or for their own diagonal projection); Bertsekas's
 * auction with epsilon-scaling, Gauss-Seidel forward bidding and reverse
 * bidding by the unassigned items (Bertsekas and Castanon 1992); k-d trees
 * weighted by the prices find a bidder's best and second-best items (and an
 * item's best and second-best bidders) in sublinear time; after each scaling
 * phase the dual bound above decides whether to stop. Details in
 * `auction-solver.ts`.
 *
 * @param a - One barcode (see {@link Barcode}).
 * @param b - The other barcode.
 * @param options - `order` p (default 1), `internalP` q (default Infinity),
 *   `relativeError` delta (default 0.01).
 * @returns The distance W, with W* <= W <= (1 + delta) W*.
 * @throws TypeError for a barcode or option of the wrong kind; RangeError for
 *   a bad pair or option value.
 * @example
 * ```ts
 * const a = barcode([[0, 1], [0, 4]]);
 * const b = barcode([[0, 1.2]]);
 * auctionWasserstein(a, b); // 2.2 (up to 1%): (0,1)->(0,1.2) costs 0.2, (0,4) -> diagonal 2
 * auctionWasserstein(a, b, { order: 2, internalP: 2, relativeError: 1e-6 });
 * ```
 */
export function auctionWasserstein(
  a: Barcode,
  b: Barcode,
  options?: AuctionWassersteinOptions,
): number {
  return solve("auctionWasserstein", a, b, options, false).distance;
}

/**
 * {@link auctionWasserstein} together with the matching whose cost it
 * returns: every pair of `a` and `b` appears exactly once in the matching
 * (-1 = the diagonal); essential classes are matched with each other. When
 * the numbers of essential classes differ no matching exists: the distance is
 * `Infinity` and the matching lists the finite pairs' matching followed by
 * the essential classes matched with the diagonal.
 *
 * @param a - One barcode.
 * @param b - The other barcode.
 * @param options - As {@link auctionWasserstein}: `order` (default 1),
 *   `internalP` (default Infinity), `relativeError` (default 0.01).
 * @returns `{ distance, matching }` with the distance of
 *   {@link auctionWasserstein} and a matching of that cost; the pairs of `a`
 *   in their order come first, then the pairs of `b` matched with the
 *   diagonal.
 * @example
 * ```ts
 * const { distance, matching } = auctionWassersteinMatching(
 *   barcode([[0, 1], [0, 4]]),
 *   barcode([[0, 1.2]]),
 * );
 * // matching.a = [0, 1], matching.b = [0, -1]
 * ```
 */
export function auctionWassersteinMatching(
  a: Barcode,
  b: Barcode,
  options?: AuctionWassersteinOptions,
): DistanceWithMatching {
  return solve("auctionWassersteinMatching", a, b, options, true);
}

function solve(
  caller: string,
  a: Barcode,
  b: Barcode,
  options: AuctionWassersteinOptions | undefined,
  wantMatching: boolean,
): DistanceWithMatching {
  requireBarcode(`${caller}: a`, a);
  requireBarcode(`${caller}: b`, b);
  const opts = requireOptions(`${caller}: options`, options);
  const p = requireNumberOption(caller, "order", opts.order, 1, 1, false);
  const q = requireNumberOption(
    caller,
    "internalP",
    opts.internalP,
    Number.POSITIVE_INFINITY,
    1,
    true,
  );
  const delta = requireRelativeError(caller, opts.relativeError);
  const kind = powerNormKind(q, p);

  // W(s a, s b) = s W(a, b): a power-of-two scale (exact) keeps the p-th
  // powers of the lengths that matter away from overflow and underflow.
  const scale = powerOfTwoScale(a, b, p);
  if (scale !== 1) {
    a = scaled(a, scale);
    b = scaled(b, scale);
  }

  // Essential classes: matched in birth order, or no matching at all.
  const essential = pairEssentialClasses(a, b);
  if (essential === null && !wantMatching)
    return { distance: Number.POSITIVE_INFINITY, matching: noMatching() };
  let essentialCost = 0;
  if (essential !== null) {
    for (const gap of essential.gaps) essentialCost += gap ** p;
  }

  // Finite pairs off the diagonal take part in the auction; pairs on the
  // diagonal are matched with it at no cost (removing them does not change
  // the optimum: a diagonal point is no closer to any point than the
  // diagonal is).
  const left = offDiagonal(a);
  const right = offDiagonal(b);
  const nA = left.length;
  const nB = right.length;
  const partnerOfA = new Int32Array(nA).fill(-1);
  const partnerOfB = new Int32Array(nB).fill(-1);
  let finiteCost = 0;
  const same = sameMultiset(a, left, b, right);
  if (same !== null) {
    // Equal multisets of pairs: the distance of the finite parts is exactly 0
    // (the auction could only certify that to within rounding).
    partnerOfA.set(same);
    for (let i = 0; i < nA; i += 1) partnerOfB[same[i]] = i;
  } else if (nA > 0 && nB > 0) {
    const ax = gather(a.births, left);
    const ay = gather(a.deaths, left);
    const bx = gather(b.births, right);
    const by = gather(b.deaths, right);
    const result = auctionMatch(
      ax,
      ay,
      bx,
      by,
      q,
      p,
      delta,
      essential === null ? 0 : essentialCost,
    );
    finiteCost = result.cost;
    partnerOfA.set(result.partnerOfA);
    partnerOfB.set(result.partnerOfB);
  } else {
    for (const [bars, indices] of [
      [a, left],
      [b, right],
    ] as const) {
      for (const k of indices) {
        const h = (bars.deaths[k] - bars.births[k]) / 2;
        finiteCost += powerNorm(kind, q, p, h, h);
      }
    }
  }
  const distance =
    essential === null ? Number.POSITIVE_INFINITY : (finiteCost + essentialCost) ** (1 / p) / scale;
  if (!wantMatching) return { distance, matching: noMatching() };

  // Assemble the matching over the original indices.
  const toA = new Int32Array(a.births.length).fill(-1);
  const matchedB = new Uint8Array(b.births.length);
  for (let i = 0; i < nA; i += 1) {
    if (partnerOfA[i] >= 0) {
      toA[left[i]] = right[partnerOfA[i]];
      matchedB[right[partnerOfA[i]]] = 1;
    }
  }
  if (essential !== null) {
    for (let k = 0; k < essential.a.length; k += 1) {
      toA[essential.a[k]] = essential.b[k];
      matchedB[essential.b[k]] = 1;
    }
  }
  const matchA: number[] = [];
  const matchB: number[] = [];
  for (let k = 0; k < a.births.length; k += 1) {
    matchA.push(k);
    matchB.push(toA[k]);
  }
  for (let k = 0; k < b.births.length; k += 1) {
    if (matchedB[k] === 0) {
      matchA.push(-1);
      matchB.push(k);
    }
  }
  return { distance, matching: { a: Int32Array.from(matchA), b: Int32Array.from(matchB) } };
}

/**
 * When the pairs `left` of `a` and `right` of `b` are the same multiset, for
 * each position in `left` the position in `right` of an equal pair;
 * otherwise null.
 */
function sameMultiset(
  a: Barcode,
  left: Int32Array,
  b: Barcode,
  right: Int32Array,
): Int32Array | null {
  if (left.length !== right.length) return null;
  const byPair = (bars: Barcode, indices: Int32Array) =>
    Int32Array.from(indices.keys()).sort(
      (s, t) =>
        bars.births[indices[s]] - bars.births[indices[t]] ||
        bars.deaths[indices[s]] - bars.deaths[indices[t]],
    );
  const sortedA = byPair(a, left);
  const sortedB = byPair(b, right);
  const partner = new Int32Array(left.length);
  for (let k = 0; k < left.length; k += 1) {
    const i = left[sortedA[k]];
    const j = right[sortedB[k]];
    if (a.births[i] !== b.births[j] || a.deaths[i] !== b.deaths[j]) return null;
    partner[sortedA[k]] = sortedB[k];
  }
  return partner;
}

/**
 * 1, or a power of two s that brings the largest persistence (death - birth)
 * of the finite pairs to [1, 2) when its p-th power is beyond
 * [2^-600, 2^600]. The costs that matter lie below 2 (diagonal length)^p:
 * a pair further apart than both its points are from the diagonal is never
 * matched, so overflow of such a length to Infinity is harmless.
 */
function powerOfTwoScale(a: Barcode, b: Barcode, p: number): number {
  let span = 0;
  for (const bars of [a, b]) {
    for (let k = 0; k < bars.births.length; k += 1) {
      const length = bars.deaths[k] - bars.births[k];
      if (length !== Number.POSITIVE_INFINITY && length > span) span = length;
    }
  }
  if (span === 0) return 1;
  const exponent = Math.log2(span);
  if (p * exponent <= 600 && p * exponent >= -600) return 1;
  return 2 ** Math.min(1000, Math.max(-1000, -Math.floor(exponent)));
}

function scaled(bars: Barcode, scale: number): Barcode {
  return {
    births: bars.births.map((x) => x * scale),
    deaths: bars.deaths.map((x) => x * scale),
  };
}

/** The empty matching returned internally when none was asked for. */
function noMatching(): DiagramMatching {
  return { a: new Int32Array(0), b: new Int32Array(0) };
}

/** Indices of the finite pairs with death > birth. */
function offDiagonal(bars: Barcode): Int32Array {
  const out: number[] = [];
  for (let k = 0; k < bars.births.length; k += 1) {
    const d = bars.deaths[k];
    if (d !== Number.POSITIVE_INFINITY && d > bars.births[k]) out.push(k);
  }
  return Int32Array.from(out);
}

function gather(values: Float64Array, indices: Int32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k += 1) out[k] = values[indices[k]];
  return out;
}

function requireNumberOption(
  caller: string,
  name: string,
  value: unknown,
  fallback: number,
  min: number,
  allowInfinity: boolean,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.${name} must be a number; got ${describe(value)}`);
  }
  if (!(value >= min) || (!allowInfinity && value === Number.POSITIVE_INFINITY)) {
    throw new RangeError(
      `${caller}: options.${name} must be a ${allowInfinity ? "number" : "finite number"} >= ${min}${allowInfinity ? " or Infinity" : ""}; got ${describe(value)}`,
    );
  }
  return value;
}

function requireRelativeError(caller: string, value: unknown): number {
  if (value === undefined) return 0.01;
  if (typeof value !== "number") {
    throw new TypeError(
      `${caller}: options.relativeError must be a number; got ${describe(value)}`,
    );
  }
  if (!(value > 0 && value < Number.POSITIVE_INFINITY)) {
    throw new RangeError(
      `${caller}: options.relativeError must be a finite number > 0; got ${describe(value)}`,
    );
  }
  return value;
}
