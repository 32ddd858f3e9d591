import { type IntervalCoverOptions, requireIntervalCoverOptions } from "./cover-options.js";
import { intervalCover } from "./interval-cover.js";
import type { MapperCover } from "./mapper-cover.js";
import { type MapperLens, requireFiniteLens } from "./mapper-lens.js";

/**
 * The uniform cover: per lens dimension, N closed intervals of equal length
 * with overlap fraction g over the lens range [m, M] (issue 6's definition,
 * so results are reproducible and comparable):
 * `L = (M - m) / (1 + (N - 1)(1 - g))`, interval
 * `i = [m + i L (1 - g), m + i L (1 - g) + L]`, i = 0..N-1, computed in this
 * order of floating-point operations; the last interval's upper end is M
 * itself (equal in exact arithmetic) so rounding never drops the largest
 * value. A k-dimensional lens is covered by the products of the intervals of
 * each dimension (hypercubes). When M = m every interval is [m, m] and holds
 * every point.
 *
 * @param lens - The lens values (finite).
 * @param options - `intervals` (default 10), `overlap` (default 0.3), `emptyElements` (default `"skip"`).
 * @returns The cover; only its non-empty elements are listed.
 * @throws RangeError for bad options, a NaN lens value, or an empty element under `emptyElements: "error"`.
 * @example
 * ```ts
 * const cover = uniformCover(givenLens([0, 1, 2, 3, 4]), { intervals: 2, overlap: 0.5 });
 * // L = 4 / 1.5; intervals [0, 2.67] and [1.33, 4]
 * cover.elements.map((e) => Array.from(e.members)); // [[0, 1, 2], [2, 3, 4]]
 * ```
 */
export function uniformCover(lens: MapperLens, options: IntervalCoverOptions = {}): MapperCover {
  const { intervals, overlap, emptyElements } = requireIntervalCoverOptions(
    "uniformCover",
    lens,
    options,
  );
  requireFiniteLens("uniformCover", lens);
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (let d = 0; d < lens.dims; d++) {
    let m = Number.POSITIVE_INFINITY;
    let M = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < lens.count; i++) {
      const x = lens.values[i * lens.dims + d]!;
      if (x < m) m = x;
      if (x > M) M = x;
    }
    const n = intervals[d]!;
    const L = (M - m) / (1 + (n - 1) * (1 - overlap));
    const lo = new Float64Array(n);
    const hi = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lo[i] = m + i * L * (1 - overlap);
      hi[i] = i === n - 1 ? M : lo[i]! + L;
    }
    lower.push(lo);
    upper.push(hi);
  }
  return intervalCover("uniformCover", "uniform", lens, lower, upper, overlap, emptyElements);
}
