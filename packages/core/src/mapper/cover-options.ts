import { describe } from "../metric/validate.js";
import type { EmptyElementPolicy } from "./mapper-cover.js";
import type { MapperLens } from "./mapper-lens.js";

/** Options of {@link uniformCover} and {@link balancedCover}. */
export interface IntervalCoverOptions {
  /** Intervals N per lens dimension: one number for every dimension, or one per dimension; default 10. */
  readonly intervals?: number | readonly number[];
  /** Overlap fraction g of consecutive intervals, in [0, 1); default 0.3. */
  readonly overlap?: number;
  /**
   * What an element holding no point does: `"skip"` (default: it makes no
   * node, as in KeplerMapper and giotto-tda) or `"error"` (a RangeError
   * naming the element).
   */
  readonly emptyElements?: EmptyElementPolicy;
}

/** The checked options of an interval cover (internal). */
export function requireIntervalCoverOptions(
  caller: string,
  lens: MapperLens,
  options: IntervalCoverOptions | undefined,
): { intervals: number[]; overlap: number; emptyElements: EmptyElementPolicy } {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError(
      `${caller}: options must be an object or undefined; got ${describe(options)}`,
    );
  }
  if (typeof lens !== "object" || lens === null || !(lens.values instanceof Float64Array)) {
    throw new TypeError(`${caller}: lens must be a MapperLens; got ${describe(lens)}`);
  }
  const given = options?.intervals ?? 10;
  const list = typeof given === "number" ? new Array<number>(lens.dims).fill(given) : [...given];
  if (list.length !== lens.dims) {
    throw new RangeError(
      `${caller}: options.intervals lists ${list.length} numbers for a lens of ${lens.dims} dimensions`,
    );
  }
  for (const n of list) {
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new RangeError(
        `${caller}: options.intervals must be integers >= 1; got ${describe(n)}`,
      );
    }
  }
  const overlap = options?.overlap ?? 0.3;
  if (typeof overlap !== "number" || !(overlap >= 0 && overlap < 1)) {
    throw new RangeError(
      `${caller}: options.overlap must be a number in [0, 1); got ${describe(overlap)}`,
    );
  }
  const emptyElements = options?.emptyElements ?? "skip";
  if (emptyElements !== "skip" && emptyElements !== "error") {
    throw new RangeError(
      `${caller}: options.emptyElements must be "skip" or "error"; got ${describe(emptyElements)}`,
    );
  }
  if (lens.count === 0) throw new RangeError(`${caller}: the lens has no points`);
  return { intervals: list, overlap, emptyElements };
}
