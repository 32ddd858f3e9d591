import { type Barcode, splitEssential } from "./barcode.js";

/**
 * How the essential classes (death = Infinity) of two barcodes are matched by
 * the diagram distances: only with each other, in the order of their births,
 * which is optimal for every order p >= 1 and for the bottleneck distance
 * since all ground norms reduce to |birth_a - birth_b| on the line at
 * infinity. When the counts differ no matching exists and every distance is
 * Infinity (GUDHI's convention).
 */
export interface EssentialPairing {
  /** The essential pairs of `a` (indices into `a`), in birth order. */
  readonly a: Int32Array;
  /** The essential pairs of `b` matched with them, in birth order. */
  readonly b: Int32Array;
  /** `|birth_a - birth_b|` of each matched couple. */
  readonly gaps: Float64Array;
}

/**
 * Pairs the essential classes of `a` and `b` by sorted births, or returns
 * `null` when their numbers differ (the distance is then infinite). The
 * barcodes are assumed validated.
 */
export function pairEssentialClasses(a: Barcode, b: Barcode): EssentialPairing | null {
  const left = essentialIndicesByBirth(a);
  const right = essentialIndicesByBirth(b);
  if (left.length !== right.length) return null;
  const gaps = new Float64Array(left.length);
  for (let k = 0; k < left.length; k += 1) {
    gaps[k] = Math.abs(a.births[left[k]] - b.births[right[k]]);
  }
  return { a: left, b: right, gaps };
}

function essentialIndicesByBirth(bars: Barcode): Int32Array {
  const count = splitEssential(bars).essentialBirths.length;
  const indices = new Int32Array(count);
  let next = 0;
  for (let k = 0; k < bars.deaths.length; k += 1) {
    if (bars.deaths[k] === Number.POSITIVE_INFINITY) indices[next++] = k;
  }
  return indices.sort((i, j) => bars.births[i] - bars.births[j] || i - j);
}
