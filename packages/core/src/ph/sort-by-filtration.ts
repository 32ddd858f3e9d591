import type { RealArray } from "../types.js";

/**
 * Orders simplices given as parallel (diameter, index) arrays by decreasing
 * diameter, ties by increasing index: Ripser's `greater_diameter_or_smaller_index`,
 * the order in which cohomology columns are reduced. (Reading the result
 * backwards gives the filtration order used for H0.)
 *
 * A comparison sort in JavaScript costs ~10x a native one, so this is a stable
 * LSD radix sort on a 32-bit key that increases with the diameter (the bits of
 * a float32, or the high word of a float64, with the sign folded in), then
 * reversed, followed by a comparison sort of the runs whose keys tie.
 *
 * @returns the positions 0..count-1 in sorted order.
 */
export function sortByFiltration(
  diameters: RealArray,
  indices: Float64Array,
  count: number,
): Uint32Array {
  let keys = new Uint32Array(count);
  const words =
    diameters instanceof Float32Array
      ? new Uint32Array(diameters.buffer, diameters.byteOffset, count)
      : new Uint32Array(diameters.buffer, diameters.byteOffset, count * 2);
  const stride = diameters instanceof Float32Array ? 1 : 2;
  for (let i = 0; i < count; i++) {
    const high = words[stride * i + stride - 1];
    // Negative values have their bits flipped, non-negative ones their sign
    // bit set (-0 counts as 0); then flip all so the largest sorts first.
    const increasing =
      diameters[i] === 0 ? 0x80000000 : high & 0x80000000 ? ~high : high | 0x80000000;
    keys[i] = ~increasing >>> 0;
  }
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let nextKeys = new Uint32Array(count);
  let nextOrder = new Uint32Array(count);
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[(keys[i] >>> shift) & 2047]++;
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < count; i++) {
      const key = keys[i];
      const slot = counts[(key >>> shift) & 2047]++;
      nextKeys[slot] = key;
      nextOrder[slot] = order[i];
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  // Runs of equal keys: finish with the exact comparison.
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && keys[end] === keys[start]) end++;
    if (end - start > 1) sortRun(order, start, end, diameters, indices);
    start = end;
  }
  return order;
}

function sortRun(
  order: Uint32Array,
  start: number,
  end: number,
  diameters: RealArray,
  indices: Float64Array,
): void {
  const before = (a: number, b: number) =>
    diameters[a] > diameters[b] || (diameters[a] === diameters[b] && indices[a] < indices[b]);
  if (end - start <= 32) {
    for (let i = start + 1; i < end; i++) {
      const item = order[i];
      let j = i - 1;
      while (j >= start && before(item, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = item;
    }
    return;
  }
  order.subarray(start, end).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
