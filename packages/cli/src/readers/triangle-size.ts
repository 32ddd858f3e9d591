import { sourceName } from "./text-scanner.js";

/**
 * The number of points n of a triangular matrix given as `length` values,
 * n(n-1)/2 = length (Ripser's rule: the size comes from the count of values).
 *
 * @throws RangeError when `length` is not n(n-1)/2 for any n; the message
 *   names the nearest sizes.
 */
export function triangleSize(length: number, source: string, what: string): number {
  const n = Math.round((1 + Math.sqrt(1 + 8 * length)) / 2);
  if ((n * (n - 1)) / 2 === length) return n;
  const below = Math.floor((1 + Math.sqrt(1 + 8 * length)) / 2);
  const lower = (below * (below - 1)) / 2;
  const upper = ((below + 1) * below) / 2;
  throw new RangeError(
    `${sourceName(source)}: ${length} values do not form ${what}; expected n(n-1)/2 values ` +
      `for n points (${lower} for ${below} points, ${upper} for ${below + 1})`,
  );
}
