import type { Precision, RealArray } from "@nettopo/core";

/**
 * Allocates the condensed distances of `count` points (count*(count-1)/2
 * values) in the given precision, turning an allocation failure into a
 * RangeError that says how many bytes were asked for and what to do instead.
 */
export function allocateDistances(count: number, precision: Precision): RealArray {
  const length = count < 2 ? 0 : (count * (count - 1)) / 2;
  try {
    return precision === "float32" ? new Float32Array(length) : new Float64Array(length);
  } catch (error) {
    const bytes = length * (precision === "float32" ? 4 : 8);
    throw new RangeError(
      `could not allocate ${bytes} bytes for the ${length} ${precision} distances of ${count} points ` +
        `(${(error as Error)?.message ?? error}); use --precision float32 or fewer points`,
    );
  }
}
