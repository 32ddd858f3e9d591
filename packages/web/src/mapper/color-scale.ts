/**
 * Stops of the sequential scale (perceptually ordered, dark blue-violet to
 * yellow, in the manner of viridis), at equal steps from 0 to 1; colours in
 * between are interpolated linearly in RGB.
 */
const SEQUENTIAL_STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

/**
 * Colours of the categorical scale (labels): twelve distinct hues of
 * similar weight on white; label k takes colour k mod 12.
 */
export const CATEGORICAL_COLORS: readonly string[] = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#3f4a5a",
  "#17becf",
  "#bcbd22",
];

/** The colour of a node without a value (no labels, no mean). */
export const MISSING_COLOR = "#c8ccd2";

const hex = (x: number) => Math.round(x).toString(16).padStart(2, "0");

/**
 * The sequential colour at `t` in [0, 1] (clamped; NaN gives
 * {@link MISSING_COLOR}), as `#rrggbb`.
 * @example
 * ```ts
 * sequentialColor(0); // "#440154"
 * sequentialColor(1); // "#fde725"
 * ```
 */
export function sequentialColor(t: number): string {
  if (Number.isNaN(t)) return MISSING_COLOR;
  const x = Math.min(1, Math.max(0, t)) * (SEQUENTIAL_STOPS.length - 1);
  const k = Math.min(Math.floor(x), SEQUENTIAL_STOPS.length - 2);
  const f = x - k;
  const a = SEQUENTIAL_STOPS[k]!;
  const b = SEQUENTIAL_STOPS[k + 1]!;
  return `#${hex(a[0] + f * (b[0] - a[0]))}${hex(a[1] + f * (b[1] - a[1]))}${hex(a[2] + f * (b[2] - a[2]))}`;
}

/**
 * The colour of label `k` (a negative or non-integer k gives {@link MISSING_COLOR}).
 *
 * @example
 * ```ts
 * categoricalColor(1); // "#f28e2b"
 * ```
 */
export function categoricalColor(k: number): string {
  if (!Number.isInteger(k) || k < 0) return MISSING_COLOR;
  return CATEGORICAL_COLORS[k % CATEGORICAL_COLORS.length]!;
}

/**
 * The finite range of some values, `[min, max]`; `[0, 1]` when none is finite.
 *
 * @example
 * ```ts
 * finiteRange([3, NaN, -1]); // [-1, 3]
 * ```
 */
export function finiteRange(values: ArrayLike<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : [0, 1];
}

/**
 * Where `value` lies in `[min, max]`, from 0 to 1 (0.5 when the range is
 * one value, so a constant colours the middle of the scale).
 * @example
 * ```ts
 * normalized(1, [-1, 3]); // 0.5
 * ```
 */
export function normalized(value: number, [min, max]: readonly [number, number]): number {
  if (!Number.isFinite(value)) return Number.NaN;
  return max > min ? (value - min) / (max - min) : 0.5;
}
