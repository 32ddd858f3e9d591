import { type IntervalCoverOptions, requireIntervalCoverOptions } from "./cover-options.js";
import { intervalCover } from "./interval-cover.js";
import type { MapperCover } from "./mapper-cover.js";
import { type MapperLens, requireFiniteLens } from "./mapper-lens.js";

/**
 * The quantile-balanced cover: per lens dimension, N closed intervals whose
 * ends are order statistics of the lens values, so each holds about the same
 * number of points. With the n values sorted, `s_0 <= ... <= s_{n-1}`, the
 * window `w = n / (1 + (N - 1)(1 - g))` ranks and the step `w (1 - g)`,
 * interval i is `[s_a, s_b]` with `a = floor(i w (1 - g))` and
 * `b = min(n - 1, ceil(i w (1 - g) + w) - 1)` (the uniform cover's formula on
 * ranks instead of values). Membership is by value, so tied points share
 * their intervals and the cover does not depend on the order of the points;
 * no interval is empty. A k-dimensional lens is covered by products.
 *
 * @param lens - The lens values (finite).
 * @param options - `intervals` (default 10), `overlap` (default 0.3), `emptyElements` (default `"skip"`; a product of intervals may be empty).
 * @returns The cover; only its non-empty elements are listed.
 * @example
 * ```ts
 * balancedCover(givenLens([0, 1, 2, 100]), { intervals: 2, overlap: 0 })
 *   .elements.map((e) => Array.from(e.members)); // [[0, 1], [2, 3]]
 * ```
 */
export function balancedCover(lens: MapperLens, options: IntervalCoverOptions = {}): MapperCover {
  const { intervals, overlap, emptyElements } = requireIntervalCoverOptions(
    "balancedCover",
    lens,
    options,
  );
  requireFiniteLens("balancedCover", lens);
  const n = lens.count;
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  const sorted = new Float64Array(n);
  for (let d = 0; d < lens.dims; d++) {
    for (let i = 0; i < n; i++) sorted[i] = lens.values[i * lens.dims + d]!;
    sorted.sort();
    const count = intervals[d]!;
    const w = n / (1 + (count - 1) * (1 - overlap));
    const lo = new Float64Array(count);
    const hi = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const start = i * w * (1 - overlap);
      const a = Math.min(n - 1, Math.floor(start));
      const b = Math.max(a, Math.min(n - 1, Math.ceil(start + w) - 1));
      lo[i] = sorted[a]!;
      hi[i] = i === count - 1 ? sorted[n - 1]! : sorted[b]!;
    }
    lower.push(lo);
    upper.push(hi);
  }
  return intervalCover("balancedCover", "balanced", lens, lower, upper, overlap, emptyElements);
}
