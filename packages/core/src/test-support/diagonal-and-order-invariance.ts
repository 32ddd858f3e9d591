/**
 * The property every vectorization of a barcode must have (landscapes,
 * silhouettes, persistence images, heat kernels): points on the diagonal
 * contribute nothing and the pairs form a multiset, so neither adding
 * diagonal points nor reordering the pairs may change the values. One
 * check, so that each vectorization's test states it in one line.
 */

import fc from "fast-check";
import type { Barcode } from "../diagrams/barcode.js";
import { assertClose, barcodeArb, maxAbs, permuted, withDiagonal } from "./vectorize-fixtures.js";

/**
 * Asserts, over random barcodes and `optionsArb`, that `vectorize` gives the
 * same values (to `1e-12` relative to the largest one) after inserting up to
 * six diagonal points and after permuting the pairs.
 *
 * @param runs - fast-check's seed and number of runs.
 */
export function assertUnchangedByDiagonalAndOrder<Options>(
  vectorize: (bars: Barcode, options: Options) => { readonly values: ArrayLike<number> },
  optionsArb: fc.Arbitrary<Options>,
  runs: { readonly seed: number; readonly numRuns: number },
): void {
  fc.assert(
    fc.property(
      barcodeArb(),
      optionsArb,
      fc.array(fc.double({ min: -6, max: 16, noNaN: true }), { maxLength: 6 }),
      fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
      (bars, options, diagonal, keys) => {
        const reference = vectorize(bars, options).values;
        const tolerance = 1e-12 * (1 + maxAbs(reference));
        const onDiagonal = vectorize(withDiagonal(bars, diagonal), options).values;
        assertClose(onDiagonal, reference, "diagonal", 0, tolerance);
        assertClose(
          vectorize(permuted(bars, keys), options).values,
          reference,
          "order",
          0,
          tolerance,
        );
      },
    ),
    runs,
  );
}
