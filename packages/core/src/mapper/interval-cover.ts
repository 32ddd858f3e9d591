import type { CoverElement, CoverKind, EmptyElementPolicy, MapperCover } from "./mapper-cover.js";
import type { MapperLens } from "./mapper-lens.js";

/** Most elements a product of intervals may have. */
const MAX_ELEMENTS = 2 ** 24;

/**
 * The cover by products of closed intervals, one family per lens dimension
 * (internal): point x is in element (i_0, ..., i_{k-1}) when
 * `lower[d][i_d] <= lens_d(x) <= upper[d][i_d]` for every d. Both bounds
 * must be nondecreasing in i, so the intervals holding a value are
 * contiguous and found by binary search.
 */
export function intervalCover(
  caller: string,
  kind: CoverKind,
  lens: MapperLens,
  lower: readonly Float64Array[],
  upper: readonly Float64Array[],
  overlap: number,
  emptyElements: EmptyElementPolicy,
): MapperCover {
  const { count: n, dims, values } = lens;
  const sizes = lower.map((l) => l.length);
  let total = 1;
  for (const size of sizes) total *= size;
  if (total > MAX_ELEMENTS) {
    throw new RangeError(
      `${caller}: ${sizes.join(" x ")} = ${total} cover elements is more than ${MAX_ELEMENTS}; use fewer intervals`,
    );
  }
  const strides = new Int32Array(dims);
  let stride = 1;
  for (let d = dims - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= sizes[d]!;
  }
  const first = new Int32Array(n * dims);
  const last = new Int32Array(n * dims);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dims; d++) {
      const x = values[i * dims + d]!;
      first[i * dims + d] = firstAtLeast(upper[d]!, x);
      last[i * dims + d] = lastAtMost(lower[d]!, x);
    }
  }
  const counts = new Int32Array(total);
  const visit = (i: number, onElement: (flat: number) => void): void => {
    // Odometer over the product of the ranges [first, last] of each dimension.
    const base = i * dims;
    for (let d = 0; d < dims; d++) if (first[base + d]! > last[base + d]!) return;
    const current = Int32Array.from(first.subarray(base, base + dims));
    for (;;) {
      let flat = 0;
      for (let d = 0; d < dims; d++) flat += current[d]! * strides[d]!;
      onElement(flat);
      let d = dims - 1;
      while (d >= 0 && current[d] === last[base + d]) {
        current[d] = first[base + d]!;
        d--;
      }
      if (d < 0) return;
      current[d]! += 1;
    }
  };
  for (let i = 0; i < n; i++) visit(i, (flat) => counts[flat]!++);
  const members: Int32Array[] = new Array(total);
  const filled = new Int32Array(total);
  let empty = 0;
  for (let f = 0; f < total; f++) {
    if (counts[f]! > 0) members[f] = new Int32Array(counts[f]!);
    else empty++;
  }
  if (empty > 0 && emptyElements === "error") {
    for (let f = 0; f < total; f++) {
      if (counts[f] === 0) {
        throw new RangeError(
          `${caller}: cover element ${describeIndex(f, strides, sizes)} holds no point (${empty} of ${total} elements are empty); use fewer intervals or more overlap, or emptyElements "skip"`,
        );
      }
    }
  }
  for (let i = 0; i < n; i++) {
    visit(i, (flat) => {
      members[flat]![filled[flat]!++] = i;
    });
  }
  const elements: CoverElement[] = [];
  for (let f = 0; f < total; f++) {
    if (counts[f]! === 0) continue;
    const index = new Int32Array(dims);
    for (let d = 0; d < dims; d++) index[d] = Math.floor(f / strides[d]!) % sizes[d]!;
    elements.push({ index, members: members[f]! });
  }
  return {
    kind,
    count: n,
    intervals: sizes,
    overlap,
    lower,
    upper,
    elements,
    emptyElements: empty,
  };
}

function describeIndex(flat: number, strides: Int32Array, sizes: readonly number[]): string {
  const parts: number[] = [];
  for (let d = 0; d < sizes.length; d++) parts.push(Math.floor(flat / strides[d]!) % sizes[d]!);
  return `[${parts.join(", ")}]`;
}

/** The first i with `sorted[i] >= x` (sorted.length when none). */
function firstAtLeast(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The last i with `sorted[i] <= x` (-1 when none). */
function lastAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
