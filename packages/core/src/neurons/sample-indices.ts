/**
 * Uniform sampling without replacement (internal): `count` distinct indices
 * of `0..size-1`, each subset of that size equally likely, sorted ascending.
 * A partial Fisher-Yates shuffle: step i swaps position i with a uniform
 * position in `i..size-1`; the first `count` positions are the sample.
 * It draws exactly `count` numbers from `random`.
 */
export function sampleIndices(size: number, count: number, random: () => number): Int32Array {
  if (count >= size) return Int32Array.from({ length: size }, (_, i) => i);
  const order = Int32Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (size - i));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order.slice(0, count).sort();
}
