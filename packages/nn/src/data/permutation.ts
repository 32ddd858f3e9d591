import type { RandomSource } from "@nettopo/core";

/**
 * A uniformly random permutation of `0..n-1` by the Fisher–Yates shuffle
 * (internal), drawing from `random`.
 */
export function permutation(n: number, random: RandomSource): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
