/**
 * The auction algorithm behind {@link auctionWasserstein} (internal: not
 * re-exported from the package index): it matches two sets of finite,
 * off-diagonal diagram points, each point either with a point of the other
 * set or with the diagonal, and returns the matching together with a
 * certified lower bound on the optimal cost.
 *
 * Problem. Kerber, Morozov and Nigmetov ("Geometry helps to compare
 * persistence diagrams", ACM JEA 22, 2017) write the partial
 * matching of diagrams A and B as an assignment problem between A plus the
 * diagonal copies of B and B plus the diagonal copies of A. We use an
 * equivalent asymmetric form with fewer bidders: the bidders are the points
 * a_i of A; the items are the points b_j of B plus, for each bidder, a private
 * "diagonal" item. Bidder i pays c_ij - d_j for b_j (c_ij = ||a_i - b_j||_q^p,
 * d_j = d(b_j)^p the cost of b_j's distance to the diagonal), or d(a_i)^p for
 * its diagonal; an item of B left unassigned goes to the diagonal. Every
 * bidder gets exactly one item and every b_j at most one bidder, and the cost
 * of a partial matching is sum_j d_j plus the reduced cost of the assignment,
 * so both problems have the same optimum, W_{p,q}^p.
 *
 * Dual and certificate. The dual of the asymmetric assignment problem is
 * max sum_i u_i - sum_j price_j with price_j >= 0 and
 * u_i <= (reduced cost of any item of i) + its price. For any prices >= 0,
 * u_i = min over i's items of (reduced cost + price) is feasible, so
 * L = sum_j d_j + sum_i u_i - sum_j price_j <= W*^p. With C the cost of the
 * matching held, L = C - sum_i slack_i - sum_{j unassigned} price_j where
 * slack_i >= 0 is what bidder i pays above u_i.
 *
 * Algorithm. Bertsekas's auction with epsilon-scaling (Bertsekas, "The
 * auction algorithm: a distributed relaxation method for the assignment
 * problem", Ann. Oper. Res. 14, 1988; for asymmetric problems Bertsekas and
 * Castanon, "A forward/reverse auction algorithm for asymmetric assignment
 * problems", Comput. Optim. Appl. 1, 1992). Each phase, with a fixed eps:
 * - forward (Gauss-Seidel) bidding: an unassigned bidder takes its best item
 *   and raises its price by (second-best value - best value) + eps, evicting
 *   the previous holder; the best and second-best items come from a k-d tree
 *   over B weighted by price_j - d_j (the geometric speed-up of Kerber et
 *   al.), the private diagonal competing at d(a_i)^p;
 * - reverse bidding: an unassigned item with a positive price lowers it to
 *   the least price that keeps eps-complementary slackness, or, when some
 *   bidder would gain more than eps from it at price 0, takes the bidder that
 *   gains most (at the second-best bidder's margin - eps), releasing that
 *   bidder's item; a k-d tree over A weighted by minus what each bidder pays
 *   finds them. At the end every unassigned item has price 0.
 * Every pair then satisfies eps-complementary slackness, so
 * C - L = sum_i slack_i <= |A| eps. The run stops as soon as
 * (C + E) <= (1 + delta)^p (L + E), E being the cost of the essential classes
 * added by the caller, which gives W = (C + E)^(1/p) <= (1 + delta) W*.
 * Otherwise eps is divided by {@link EPSILON_RATIO}, the bidders whose slack
 * exceeds the new eps are released (the others keep their item: the
 * invariant still holds) and a new phase starts from the current prices.
 */

import { powerNorm, powerNormKind, WeightedKdTree } from "./weighted-kd-tree.js";

/** eps is divided by this factor between phases. */
const EPSILON_RATIO = 5;
/** The first eps is the largest diagonal cost divided by this. */
const INITIAL_EPSILON_DIVISOR = 16;
/** itemOf[i] for a bidder holding its private diagonal. */
const DIAGONAL = -2;

/** The matching found by {@link auctionMatch}, with its certificate. */
export interface AuctionResult {
  /** Sum of the p-th powers of the matched lengths (the matching's cost). */
  readonly cost: number;
  /** A lower bound on the optimal cost (the largest dual value seen). */
  readonly lowerBound: number;
  /** For each point of A, the index of its partner in B, or -1 for the diagonal. */
  readonly partnerOfA: Int32Array;
  /** For each point of B, the index of its partner in A, or -1 for the diagonal. */
  readonly partnerOfB: Int32Array;
}

/**
 * Matches the points (ax, ay) of A with the points (bx, by) of B (all finite,
 * none on the diagonal, both sets non-empty) for the cost sum ||.||_q^p, to
 * within the relative error `delta` on the p-th root of (cost + extraCost).
 *
 * @param extraCost - A cost the caller adds to the result (the essential
 *   classes' part), counted in the stopping rule.
 */
export function auctionMatch(
  ax: Float64Array,
  ay: Float64Array,
  bx: Float64Array,
  by: Float64Array,
  q: number,
  p: number,
  delta: number,
  extraCost: number,
): AuctionResult {
  // The smaller side bids: fewer bidders, fewer bids.
  if (ax.length > bx.length) {
    const swapped = auctionMatch(bx, by, ax, ay, q, p, delta, extraCost);
    return {
      cost: swapped.cost,
      lowerBound: swapped.lowerBound,
      partnerOfA: swapped.partnerOfB,
      partnerOfB: swapped.partnerOfA,
    };
  }
  const nA = ax.length;
  const nB = bx.length;
  const kind = powerNormKind(q, p);
  const diagA = new Float64Array(nA);
  const diagB = new Float64Array(nB);
  let maxDiag = 0;
  for (let i = 0; i < nA; i += 1) {
    const h = (ay[i] - ax[i]) / 2;
    diagA[i] = powerNorm(kind, q, p, h, h);
    if (diagA[i] > maxDiag) maxDiag = diagA[i];
  }
  for (let j = 0; j < nB; j += 1) {
    const h = (by[j] - bx[j]) / 2;
    diagB[j] = powerNorm(kind, q, p, h, h);
    if (diagB[j] > maxDiag) maxDiag = diagB[j];
  }

  const price = new Float64Array(nB);
  const itemWeight = new Float64Array(nB);
  for (let j = 0; j < nB; j += 1) itemWeight[j] = -diagB[j];
  const itemTree = new WeightedKdTree(bx, by, itemWeight, q, p);
  const itemOf = new Int32Array(nA).fill(-1);
  const bidderOf = new Int32Array(nB).fill(-1);
  const queue = new Int32Array(nA);
  const itemQueue = new Int32Array(nB);
  const slack = new Float64Array(nA);
  const bestItemOf = new Int32Array(nA);
  const bidderWeight = new Float64Array(nA);

  const factor = (1 + delta) ** p;
  let eps = maxDiag / INITIAL_EPSILON_DIVISOR;
  let bestCost = Number.POSITIVE_INFINITY;
  let lowerBound = Number.NEGATIVE_INFINITY;

  /** c_ij, the cost of matching a_i with b_j. */
  const pairCost = (i: number, j: number): number => {
    const dx = ax[i] > bx[j] ? ax[i] - bx[j] : bx[j] - ax[i];
    const dy = ay[i] > by[j] ? ay[i] - by[j] : by[j] - ay[i];
    return powerNorm(kind, q, p, dx, dy);
  };
  /** What bidder i pays for what it holds: reduced cost plus price. */
  const paid = (i: number): number => {
    const j = itemOf[i];
    return j === DIAGONAL ? diagA[i] : pairCost(i, j) - diagB[j] + price[j];
  };

  // Unassigned bidders, first in first out.
  let head = 0;
  let tail = 0;
  let queued = 0;
  const enqueue = (i: number): void => {
    queue[tail] = i;
    tail = tail + 1 === nA ? 0 : tail + 1;
    queued += 1;
  };
  for (let i = 0; i < nA; i += 1) enqueue(i);

  /** Forward bidding until every bidder holds an item. */
  const forward = (): void => {
    while (queued > 0) {
      const i = queue[head];
      head = head + 1 === nA ? 0 : head + 1;
      queued -= 1;
      itemTree.query(ax[i], ay[i], diagA[i]);
      const j = itemTree.bestPoint;
      if (j < 0) {
        itemOf[i] = DIAGONAL;
        continue;
      }
      const previous = bidderOf[j];
      if (previous >= 0) {
        itemOf[previous] = -1;
        enqueue(previous);
      }
      bidderOf[j] = i;
      itemOf[i] = j;
      // The bid: what j is worth to i above its second-best choice, plus eps
      // (at least one step up in floating point, so that bidding progresses).
      const raised = price[j] + (itemTree.secondValue - itemTree.bestValue) + eps;
      price[j] =
        raised > price[j] ? raised : price[j] + Math.max(price[j] * 2.3e-16, Number.MIN_VALUE);
      itemTree.setWeight(j, price[j] - diagB[j]);
    }
  };

  /** Reverse bidding until every unassigned item has price 0. */
  const reverse = (): void => {
    let waiting = 0;
    let first = 0;
    let last = 0;
    for (let j = 0; j < nB; j += 1) {
      if (bidderOf[j] < 0 && price[j] > 0) {
        itemQueue[last++] = j;
        waiting += 1;
      }
    }
    if (waiting === 0) return;
    if (last === nB) last = 0;
    for (let i = 0; i < nA; i += 1) bidderWeight[i] = -paid(i);
    const bidderTree = new WeightedKdTree(ax, ay, bidderWeight, q, p);
    while (waiting > 0) {
      const j = itemQueue[first];
      first = first + 1 === nB ? 0 : first + 1;
      waiting -= 1;
      // Bidder i's margin for item j, paid_i - (c_ij - d_j): the price at which
      // j would be as good for i as what it holds.
      bidderTree.query(bx[j], by[j], Number.POSITIVE_INFINITY);
      const m1 = diagB[j] - bidderTree.bestValue;
      if (m1 <= eps) {
        price[j] = 0;
        itemTree.setWeight(j, -diagB[j]);
        continue;
      }
      const m2 = diagB[j] - bidderTree.secondValue;
      const i = bidderTree.bestPoint;
      price[j] = Math.max(m2 - eps, 0);
      itemTree.setWeight(j, price[j] - diagB[j]);
      const previous = itemOf[i];
      itemOf[i] = j;
      bidderOf[j] = i;
      bidderTree.setWeight(i, -(pairCost(i, j) - diagB[j] + price[j]));
      if (previous >= 0) {
        bidderOf[previous] = -1;
        if (price[previous] > 0) {
          itemQueue[last] = previous;
          last = last + 1 === nB ? 0 : last + 1;
          waiting += 1;
        }
      }
    }
  };

  for (;;) {
    forward();
    reverse();

    // The cost held (compensated sum), the slacks, the dual bound.
    let sum = 0;
    let compensation = 0;
    let totalSlack = 0;
    let maxPrice = 0;
    for (let i = 0; i < nA; i += 1) {
      const j = itemOf[i];
      itemTree.query(ax[i], ay[i], diagA[i], true);
      const s = paid(i) - itemTree.bestValue;
      slack[i] = s;
      totalSlack += s;
      const c = j === DIAGONAL ? diagA[i] : pairCost(i, j);
      const t = sum + c;
      compensation += Math.abs(sum) >= Math.abs(c) ? sum - t + c : c - t + sum;
      sum = t;
    }
    let unassignedPrice = 0;
    for (let j = 0; j < nB; j += 1) {
      if (price[j] > maxPrice) maxPrice = price[j];
      if (bidderOf[j] >= 0) continue;
      unassignedPrice += price[j];
      const c = diagB[j];
      const t = sum + c;
      compensation += Math.abs(sum) >= Math.abs(c) ? sum - t + c : c - t + sum;
      sum = t;
    }
    const cost = sum + compensation;
    // The reverse bidding left every unassigned item at price 0, so
    // unassignedPrice is 0 here; it stays in the bound for safety.
    const lower = cost - totalSlack - unassignedPrice;
    if (cost < bestCost) {
      bestCost = cost;
      bestItemOf.set(itemOf);
    }
    if (lower > lowerBound) lowerBound = lower;
    if (bestCost === 0 || bestCost + extraCost <= factor * (lowerBound + extraCost)) break;
    // Below this eps the prices no longer move reliably in floating point: the
    // assignment is then optimal up to rounding.
    if (eps <= 1e-14 * Math.max(maxDiag, maxPrice)) break;
    eps /= EPSILON_RATIO;
    for (let i = 0; i < nA; i += 1) {
      if (slack[i] > eps) {
        const j = itemOf[i];
        if (j >= 0) bidderOf[j] = -1;
        itemOf[i] = -1;
        enqueue(i);
      }
    }
  }

  const partnerOfA = new Int32Array(nA).fill(-1);
  const partnerOfB = new Int32Array(nB).fill(-1);
  for (let i = 0; i < nA; i += 1) {
    const j = bestItemOf[i];
    if (j >= 0) {
      partnerOfA[i] = j;
      partnerOfB[j] = i;
    }
  }
  return { cost: bestCost, lowerBound, partnerOfA, partnerOfB };
}
