import { describe, requireInteger, requireOptions } from "../../metric/validate.js";
import type { Barcode } from "../barcode.js";
import { keptPairs, requireBooleanOption, requireInfinity } from "./kept-pairs.js";

/**
 * How {@link complexPolynomial} maps a pair (b, d) to a complex root, with
 * `r = sqrt(b^2 + d^2)` (Di Fabio & Ferri 2015):
 * - `"R"`: `b + i d`;
 * - `"S"`: `(d - b) / (sqrt(2) r) * (b + i d)` (r = 0 counts as 1);
 * - `"T"`: `(d - b) / 2 * (cos r - sin r + i (cos r + sin r))`.
 * S and T send the diagonal to 0, R does not.
 */
export type ComplexPolynomialType = "R" | "S" | "T";

/** Options of {@link complexPolynomial}. */
export interface ComplexPolynomialOptions {
  /** The map from pairs to roots; default `"R"` (GUDHI's and giotto-tda's default). */
  readonly type?: ComplexPolynomialType;
  /**
   * How many coefficients to return (highest degree first, the leading 1 left
   * out), zero-padded; default 10 (GUDHI's `threshold` and giotto-tda's
   * `n_coefficients`). An integer >= 1, or `"all"` for as many as there are
   * roots (GUDHI's `threshold=-1` on one diagram).
   */
  readonly threshold?: number | "all";
  /**
   * Make roots of the pairs on the diagonal too; default false (giotto-tda
   * drops them; GUDHI keeps them). Only type R can tell: S and T map a
   * diagonal pair to the root 0, which leaves the returned coefficients
   * unchanged.
   */
  readonly keepDiagonal?: boolean;
  /**
   * The death given to essential classes (death = Infinity); default: none,
   * essential classes are ignored. Must be >= every essential birth.
   */
  readonly infinityValue?: number;
}

/** The coefficients of {@link complexPolynomial}. */
export interface ComplexCoefficients {
  /** Real parts of `c_1 .. c_threshold`. */
  readonly real: Float64Array;
  /** Imaginary parts of `c_1 .. c_threshold`. */
  readonly imaginary: Float64Array;
  /**
   * `real` then `imaginary` in one array of length `2 * threshold`: the real
   * feature vector giotto-tda's `ComplexPolynomial` returns per dimension.
   */
  readonly vector: Float64Array;
}

const TYPES: readonly ComplexPolynomialType[] = ["R", "S", "T"];

/**
 * Complex polynomial features of a barcode: each pair becomes a complex root
 * `z_k` (see {@link ComplexPolynomialType}), and the result holds the
 * coefficients of `prod_k (z - z_k) = z^n + c_1 z^(n-1) + ... + c_n`, highest
 * degree first without the leading 1: `c_1 .. c_threshold`, zero past `c_n`.
 *
 * Layout: GUDHI's `gudhi.representations.ComplexPolynomial(polynomial_type,
 * threshold)` returns the complex vector `[c_1, ..., c_threshold]`: that is
 * `real[j] + i imaginary[j]` here. giotto-tda's
 * `ComplexPolynomial(polynomial_type, n_coefficients)` returns, per homology
 * dimension, the real parts then the imaginary parts: that is `vector`.
 * Values match GUDHI 3.7.1 (with `keepDiagonal: true`, which GUDHI does
 * implicitly) and the goldens of giotto-tda's tests (checked by the tests).
 * The roots are multiplied in in input order, as GUDHI does, keeping only the
 * `threshold` coefficients asked for (O(n * threshold) work).
 *
 * Essential classes are ignored unless `infinityValue` is given.
 *
 * @param bars - One dimension's pairs.
 * @param options - `type` (default `"R"`), `threshold` (default 10),
 *   `keepDiagonal` (default false), `infinityValue` (default: essential classes ignored).
 * @returns `{real, imaginary, vector}`.
 * @throws TypeError or RangeError for an invalid barcode or option.
 * @see Di Fabio & Ferri, "Comparing persistence diagrams through complex
 *   vectors", ICIAP 2015, LNCS 9279, doi:10.1007/978-3-319-23231-7_27.
 * @example
 * ```ts
 * const c = complexPolynomial(barcode([[0, 1], [2, 3]]), { threshold: 2 });
 * // roots i and 2 + 3i: z^2 - (2 + 4i) z + (-3 + 2i)
 * c.real; // Float64Array [-2, -3]
 * c.imaginary; // Float64Array [-4, 2]
 * c.vector; // Float64Array [-2, -3, -4, 2]
 * ```
 */
export function complexPolynomial(
  bars: Barcode,
  options?: ComplexPolynomialOptions,
): ComplexCoefficients {
  const caller = "complexPolynomial";
  const opts = requireOptions(`${caller}: options`, options);
  const type = requireType(caller, opts.type);
  const keepDiagonal = requireBooleanOption(caller, "keepDiagonal", opts.keepDiagonal, false);
  const infinity = requireInfinity(caller, opts.infinityValue);
  const { births, deaths } = keptPairs(caller, bars, infinity, keepDiagonal);
  const n = births.length;
  const threshold =
    opts.threshold === undefined
      ? 10
      : opts.threshold === "all"
        ? n
        : requireInteger(`${caller}: options.threshold`, opts.threshold, 1);

  // q[k] is the coefficient of z^(m-k) of the product of the first m factors.
  const re = new Float64Array(threshold + 1);
  const im = new Float64Array(threshold + 1);
  re[0] = 1;
  for (let m = 1; m <= n; m += 1) {
    const b = births[m - 1]!;
    const d = deaths[m - 1]!;
    let rootRe: number;
    let rootIm: number;
    if (type === "R") {
      rootRe = b;
      rootIm = d;
    } else {
      const r = Math.sqrt(b * b + d * d);
      if (type === "S") {
        const scale = 1 / (Math.SQRT2 * (r === 0 ? 1 : r));
        rootRe = b * (d - b) * scale;
        rootIm = d * (d - b) * scale;
      } else {
        const half = (d - b) / 2;
        const cos = Math.cos(r);
        const sin = Math.sin(r);
        rootRe = half * (cos - sin);
        rootIm = half * (cos + sin);
      }
    }
    // Multiply by (z - root): q[k] += (-root) * q[k-1], from the top down.
    const nr = -rootRe;
    const ni = -rootIm;
    for (let k = Math.min(m, threshold); k >= 1; k -= 1) {
      const pr = re[k - 1]!;
      const pi = im[k - 1]!;
      re[k] = re[k]! + (nr * pr - ni * pi);
      im[k] = im[k]! + (nr * pi + ni * pr);
    }
  }
  const real = re.slice(1);
  const imaginary = im.slice(1);
  const vector = new Float64Array(2 * threshold);
  vector.set(real, 0);
  vector.set(imaginary, threshold);
  return { real, imaginary, vector };
}

function requireType(caller: string, value: unknown): ComplexPolynomialType {
  if (value === undefined) return "R";
  if (TYPES.includes(value as ComplexPolynomialType)) return value as ComplexPolynomialType;
  throw new RangeError(`${caller}: options.type must be "R", "S" or "T"; got ${describe(value)}`);
}
