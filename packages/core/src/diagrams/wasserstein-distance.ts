import { describe, requireOptions } from "../metric/validate.js";
import { auctionWasserstein, auctionWassersteinMatching } from "./auction-wasserstein.js";
import { type Barcode, requireBarcode } from "./barcode.js";
import type { DistanceWithMatching } from "./diagram-matching.js";
import { pairEssentialClasses } from "./essential-pairing.js";
import { solveExactWasserstein } from "./exact-wasserstein-solver.js";

/** Options of {@link wassersteinDistance} and {@link wassersteinMatching}. */
export interface WassersteinOptions {
  /** The order p of the distance, a finite number >= 1; default 1. */
  readonly order?: number;
  /** The internal norm L_q of the plane, q in [1, Infinity]; default Infinity. */
  readonly internalP?: number;
  /**
   * The relative error allowed, >= 0; default 0: the exact distance. (A
   * positive value selects the auction algorithm, {@link auctionWasserstein}.)
   */
  readonly relativeError?: number;
}

/**
 * The Wasserstein distance W_{p,q} between two barcodes, exactly.
 *
 * W_{p,q}(a, b) is the least (sum ||x - m(x)||_q^p)^(1/p) over the partial
 * matchings m of the pairs of `a` with the pairs of `b`, a pair left out
 * being matched with its nearest point on the diagonal, which costs
 * ((death - birth) 2^(1/q - 1))^p, i.e. ((death - birth) / 2)^p for
 * q = Infinity — the convention of GUDHI's
 * `gudhi.wasserstein.wasserstein_distance(a, b, order=p, internal_p=q,
 * keep_essential_parts=True)` (POT's exact solver), which this function
 * equals up to rounding. Essential classes (death `Infinity`) are matched
 * with each other in birth order and add |birth_a - birth_b|^p; when their
 * numbers differ the distance is `Infinity`. Pairs on the diagonal cost
 * nothing.
 *
 * Method: the optimal partial matching as a min-cost flow through one
 * diagonal node, solved by successive shortest paths (Dijkstra on reduced
 * costs with potentials, Jonker–Volgenant style) on a sparse candidate graph
 * found with a 2-d tree, which pricing with the final potentials proves
 * sufficient (or extends); equal pairs are merged into sites with
 * multiplicities; memory is linear in the number of pairs. See
 * `exact-wasserstein-solver.ts` for the argument. Reference: Kerber,
 * Morozov, Nigmetov, "Geometry helps to compare persistence diagrams", ACM
 * JEA 22 (2017), for the formulation; Jonker, Volgenant, "A shortest
 * augmenting path algorithm for dense and sparse linear assignment
 * problems", Computing 38 (1987), for the solver.
 *
 * @param a - One barcode (see {@link Barcode}).
 * @param b - The other barcode.
 * @param options - `order` p (default 1), `internalP` q (default Infinity),
 *   `relativeError` (default 0, exact; a positive value runs the auction,
 *   certified within that relative error).
 * @returns W_{p,q}(a, b), `Infinity` when the numbers of essential classes
 *   differ.
 * @throws TypeError for a barcode or option of the wrong kind; RangeError for
 *   a bad pair or option value.
 * @example
 * ```ts
 * const a = barcode([[0, 1], [0, 4]]);
 * const b = barcode([[0, 1.2]]);
 * wassersteinDistance(a, b); // 2.2: (0,1) -> (0,1.2) costs 0.2, (0,4) -> diagonal 2
 * wassersteinDistance(a, b, { order: 2, internalP: 2 }); // sqrt(0.04 + 8) = 2.835...
 * ```
 */
export function wassersteinDistance(a: Barcode, b: Barcode, options?: WassersteinOptions): number {
  return solve("wassersteinDistance", a, b, options, false).distance;
}

/**
 * {@link wassersteinDistance} together with an optimal matching: every pair
 * of `a` and `b` appears exactly once (-1 = the diagonal), the pairs of `a`
 * first in their order, then the pairs of `b` matched with the diagonal;
 * essential classes are matched with each other in birth order. When the
 * numbers of essential classes differ no matching of finite cost exists: the
 * distance is `Infinity` and the essential classes are listed as matched
 * with the diagonal.
 *
 * @param a - One barcode.
 * @param b - The other barcode.
 * @param options - As {@link wassersteinDistance}: `order` (default 1),
 *   `internalP` (default Infinity), `relativeError` (default 0).
 * @returns `{ distance, matching }`; the matching's cost is the distance.
 * @example
 * ```ts
 * const { distance, matching } = wassersteinMatching(
 *   barcode([[0, 1], [0, 4]]),
 *   barcode([[0, 1.2]]),
 * );
 * // distance 2.2, matching.a = [0, 1], matching.b = [0, -1]
 * ```
 */
export function wassersteinMatching(
  a: Barcode,
  b: Barcode,
  options?: WassersteinOptions,
): DistanceWithMatching {
  return solve("wassersteinMatching", a, b, options, true);
}

const NO_MATCHING = { a: new Int32Array(0), b: new Int32Array(0) };

function solve(
  caller: string,
  a: Barcode,
  b: Barcode,
  options: WassersteinOptions | undefined,
  wantMatching: boolean,
): DistanceWithMatching {
  requireBarcode(`${caller}: a`, a);
  requireBarcode(`${caller}: b`, b);
  const opts = requireOptions(`${caller}: options`, options);
  const p = requireNumber(caller, "order", opts.order, 1, false);
  const q = requireNumber(caller, "internalP", opts.internalP, Number.POSITIVE_INFINITY, true);
  const relativeError = requireNumber(caller, "relativeError", opts.relativeError, 0, false, 0);
  if (relativeError > 0) {
    // The auction (Hera's method) certifies W <= (1 + relativeError) W*.
    const auction = { order: p, internalP: q, relativeError };
    return wantMatching
      ? auctionWassersteinMatching(a, b, auction)
      : { distance: auctionWasserstein(a, b, auction), matching: NO_MATCHING };
  }

  const essential = pairEssentialClasses(a, b);
  if (essential === null && !wantMatching) {
    return {
      distance: Number.POSITIVE_INFINITY,
      matching: { a: new Int32Array(0), b: new Int32Array(0) },
    };
  }
  // Finite pairs off the diagonal go to the solver; pairs on the diagonal are
  // matched with it at no cost (they have no useful partner: see the solver).
  const left = offDiagonal(a);
  const right = offDiagonal(b);
  const solution = solveExactWasserstein(
    gather(a.births, left),
    gather(a.deaths, left),
    gather(b.births, right),
    gather(b.deaths, right),
    q,
    p,
  );
  let distance = Number.POSITIVE_INFINITY;
  if (essential !== null) {
    let essentialCost = 0;
    for (const gap of essential.gaps) essentialCost += gap ** p;
    distance = (solution.cost + essentialCost) ** (1 / p);
  }

  // The matching over the original indices.
  const partnerOfA = new Int32Array(a.births.length).fill(-1);
  const matchedB = new Uint8Array(b.births.length);
  for (let i = 0; i < left.length; i += 1) {
    const j = solution.mateOfA[i];
    if (j >= 0) {
      partnerOfA[left[i]] = right[j];
      matchedB[right[j]] = 1;
    }
  }
  if (essential !== null) {
    for (let k = 0; k < essential.a.length; k += 1) {
      partnerOfA[essential.a[k]] = essential.b[k];
      matchedB[essential.b[k]] = 1;
    }
  }
  let size = a.births.length;
  for (let k = 0; k < b.births.length; k += 1) if (matchedB[k] === 0) size += 1;
  const matchA = new Int32Array(size);
  const matchB = new Int32Array(size);
  for (let k = 0; k < a.births.length; k += 1) {
    matchA[k] = k;
    matchB[k] = partnerOfA[k];
  }
  let next = a.births.length;
  for (let k = 0; k < b.births.length; k += 1) {
    if (matchedB[k] === 0) {
      matchA[next] = -1;
      matchB[next++] = k;
    }
  }
  return { distance, matching: { a: matchA, b: matchB } };
}

/** Indices of the finite pairs off the diagonal (death > birth). */
function offDiagonal(bars: Barcode): Int32Array {
  let count = 0;
  for (let k = 0; k < bars.births.length; k += 1) {
    const d = bars.deaths[k];
    if (d !== Number.POSITIVE_INFINITY && d > bars.births[k]) count += 1;
  }
  const out = new Int32Array(count);
  let next = 0;
  for (let k = 0; k < bars.births.length; k += 1) {
    const d = bars.deaths[k];
    if (d !== Number.POSITIVE_INFINITY && d > bars.births[k]) out[next++] = k;
  }
  return out;
}

function gather(values: Float64Array, indices: Int32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k += 1) out[k] = values[indices[k]];
  return out;
}

/**
 * Checks a numeric option: `undefined` gives `fallback`; otherwise a number
 * >= `min` (finite unless `allowInfinity`).
 */
function requireNumber(
  caller: string,
  name: string,
  value: unknown,
  fallback: number,
  allowInfinity: boolean,
  min = 1,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.${name} must be a number; got ${describe(value)}`);
  }
  if (!(value >= min) || (!allowInfinity && value === Number.POSITIVE_INFINITY)) {
    const expected = allowInfinity ? `a number >= ${min} or Infinity` : `a finite number >= ${min}`;
    throw new RangeError(`${caller}: options.${name} must be ${expected}; got ${describe(value)}`);
  }
  return value;
}
