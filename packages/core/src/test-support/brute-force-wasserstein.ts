/**
 * The exact Wasserstein distance W_{p,q} of two tiny barcodes by brute force
 * (test support): an optimal assignment, by dynamic programming over subsets,
 * between the pairs of `a` plus one diagonal slot per pair of `b` and the
 * pairs of `b` plus one diagonal slot per pair of `a` (Kerber, Morozov,
 * Nigmetov 2017), and the essential classes matched by trying
 * every permutation. Independent of the library's matching code on purpose.
 * At most 12 finite pairs in all and 6 essential classes per side.
 */

import type { Barcode } from "../diagrams/barcode.js";

/** ||(dx, dy)||_q. */
export function lqNorm(dx: number, dy: number, q: number): number {
  const x = Math.abs(dx);
  const y = Math.abs(dy);
  if (q === Number.POSITIVE_INFINITY) return Math.max(x, y);
  return (x ** q + y ** q) ** (1 / q);
}

/** The L_q distance of (birth, death) to the diagonal (to its L_q-nearest point). */
export function diagonalDistance(birth: number, death: number, q: number): number {
  const h = (death - birth) / 2;
  return lqNorm(h, h, q);
}

/** W_{p,q}(a, b) exactly (up to rounding), for tiny barcodes. */
export function bruteForceWasserstein(a: Barcode, b: Barcode, p: number, q: number): number {
  const finite = (bars: Barcode) =>
    Array.from(bars.births, (birth, k) => [birth, bars.deaths[k]] as const).filter(
      ([, d]) => d !== Number.POSITIVE_INFINITY,
    );
  const essential = (bars: Barcode) =>
    Array.from(bars.births).filter((_, k) => bars.deaths[k] === Number.POSITIVE_INFINITY);
  const ea = essential(a);
  const eb = essential(b);
  if (ea.length !== eb.length) return Number.POSITIVE_INFINITY;
  if (ea.length > 6) throw new RangeError("bruteForceWasserstein: too many essential classes");
  let essentialCost = Number.POSITIVE_INFINITY;
  for (const perm of permutations(ea.length)) {
    let c = 0;
    for (let k = 0; k < ea.length; k += 1) c += Math.abs(ea[k] - eb[perm[k]]) ** p;
    essentialCost = Math.min(essentialCost, c);
  }

  const fa = finite(a);
  const fb = finite(b);
  const n = fa.length + fb.length;
  if (n > 12) throw new RangeError("bruteForceWasserstein: too many finite pairs");
  // Rows: pairs of a, then diagonal slots; columns: pairs of b, then diagonal slots.
  const cost = (row: number, col: number): number => {
    const rowIsPoint = row < fa.length;
    const colIsPoint = col < fb.length;
    if (rowIsPoint && colIsPoint) {
      return lqNorm(fa[row][0] - fb[col][0], fa[row][1] - fb[col][1], q) ** p;
    }
    if (rowIsPoint) return diagonalDistance(fa[row][0], fa[row][1], q) ** p;
    if (colIsPoint) return diagonalDistance(fb[col][0], fb[col][1], q) ** p;
    return 0;
  };
  const best = new Float64Array(1 << n).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  for (let mask = 0; mask < 1 << n; mask += 1) {
    if (best[mask] === Number.POSITIVE_INFINITY) continue;
    const row = popcount(mask);
    if (row === n) continue;
    for (let col = 0; col < n; col += 1) {
      if (mask & (1 << col)) continue;
      const next = mask | (1 << col);
      const c = best[mask] + cost(row, col);
      if (c < best[next]) best[next] = c;
    }
  }
  return (best[(1 << n) - 1] + essentialCost) ** (1 / p);
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count += 1;
  return count;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1)) {
    for (let k = 0; k <= rest.length; k += 1)
      out.push([...rest.slice(0, k), n - 1, ...rest.slice(k)]);
  }
  return out;
}
