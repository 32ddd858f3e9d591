/**
 * Up to `count` items spread evenly over a list (the first, then every
 * length/count-th): the example inputs of a node, so they are not all taken
 * from the start of the data set.
 * @example
 * ```ts
 * spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4); // [0, 2, 5, 7]
 * ```
 */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.floor((k * items.length) / count)]!);
}
