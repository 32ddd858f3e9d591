/**
 * The Jaccard index |A ∩ B| / |A ∪ B| of two sets of member indices, each
 * sorted ascending without repeats (as Mapper nodes list their members);
 * 0 for two empty sets. This is the `jaccard` of a Mapper link.
 * @example
 * ```ts
 * jaccard([1, 2, 3, 4], [3, 4, 5, 6]); // 2 / 6
 * ```
 */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * The width of a link in pixels from its Jaccard overlap: a hairline for
 * links that share little, up to `maxWidth` for nodes that share all.
 * The square root spreads the small overlaps most links have.
 * @example
 * ```ts
 * linkWidth(0); // 0.6
 * linkWidth(1); // 6
 * ```
 */
export function linkWidth(overlap: number, maxWidth = 6): number {
  const t = Number.isFinite(overlap) ? Math.min(1, Math.max(0, overlap)) : 0;
  return 0.6 + (maxWidth - 0.6) * Math.sqrt(t);
}
