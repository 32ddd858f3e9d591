/**
 * A 32-bit seed derived from a run's seed and a path of integers (internal),
 * e.g. `deriveSeed(seed, EPOCH_SHUFFLE, epoch)`: distinct paths give
 * unrelated streams, and the same path always the same seed, so that a
 * resumed run draws exactly the numbers an uninterrupted one would. The
 * mixing steps are MurmurHash3's 32-bit finaliser (Appleby 2011).
 */
export function deriveSeed(seed: number, ...path: readonly number[]): number {
  let h = 0x9e3779b9;
  const mix = (value: number) => {
    h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  };
  mix(seed);
  mix(Math.floor(seed / 4294967296));
  for (const part of path) mix(part);
  return h >>> 0;
}
