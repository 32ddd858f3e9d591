/**
 * Seeded pseudo-random numbers: every stochastic function of nettopo takes a
 * seed or one of these generators, so the same seed gives the same numbers on
 * every platform.
 */

/** A generator of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * Mulberry32: a fast 32-bit generator with a full 2^32 period, good enough for
 * sampling (not for cryptography).
 *
 * @param seed - Any integer; default 0.
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // the same number on every run
 * ```
 */
export function seededRandom(seed = 0): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal sample by the Box–Muller transform.
 *
 * @param random - The uniform source.
 */
export function gaussian(random: RandomSource): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
