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

/**
 * A new seed for an independent stream of random numbers, derived from a
 * seed and a stream number: `fmix32((seed mod 2^32) + 0x9e3779b9 * (stream + 1))`
 * (MurmurHash3's finalizer of the seed plus a Weyl step per stream), as an
 * unsigned 32-bit integer. Different streams of one seed, and one stream of
 * different seeds, give unrelated seeds for {@link seededRandom}; so a
 * computation made of parts (the repeats of a bootstrap, the input and the
 * neuron sample of one repeat) gives each part its own stream, and changing
 * one part (say the number of neurons) does not change the others.
 *
 * @param seed - Any integer (only its value mod 2^32 counts, as in {@link seededRandom}).
 * @param stream - The stream number, an integer >= 0.
 * @example
 * ```ts
 * const seeds = [0, 1, 2].map((r) => deriveSeed(42, r)); // three repeats' seeds
 * seededRandom(seeds[0])(); // the same number on every run
 * ```
 * @see A. Appleby, MurmurHash3 (its 32-bit finalizer `fmix32`), public domain.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = ((seed >>> 0) + Math.imul(0x9e3779b9, (stream + 1) >>> 0)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
