/**
 * The numerical kernel of the correlation dissimilarities (internal: not
 * re-exported from the package index), shared by
 * {@link correlationDissimilarity}, {@link CorrelationAccumulator} and the
 * neuron functions of `neurons/`: standardizing a neuron's row of values,
 * the blocked Gram product of standardized rows, and the map from
 * correlations to dissimilarities.
 */

import type { CorrelationDissimilarityKind } from "./correlation-dissimilarity.js";

/** Every {@link CorrelationDissimilarityKind}, in documentation order. */
export const CORRELATION_KINDS: readonly CorrelationDissimilarityKind[] = [
  "1-|corr|",
  "sqrt(1-|corr|)",
  "1-corr",
];

/** Samples per block of the Gram kernel: 4 rows x 256 float64 = 8 KiB per tile side. */
export const SAMPLE_BLOCK = 256;
/** Side of the register tile of the Gram kernel; standardized matrices have a multiple of it rows. */
export const TILE = 4;

/** `neurons` rounded up to a multiple of {@link TILE}: the rows of a standardized matrix. */
export function paddedRows(neurons: number): number {
  return Math.ceil(neurons / TILE) * TILE;
}

/**
 * Centres and scales one contiguous row in place to mean 0 and norm 1 (a
 * two-pass mean with a residual correction, then a scale by the largest
 * |value| before the norm, so that neither tiny nor huge values under- or
 * overflow); a constant row becomes all zero.
 *
 * @returns Whether the row was constant (all its values equal).
 */
export function standardizeRow(z: Float64Array, start: number, length: number): boolean {
  const end = start + length;
  let min = z[start]!;
  let max = min;
  let sum = 0;
  for (let k = start; k < end; k++) {
    const v = z[k]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) {
    z.fill(0, start, end);
    return true;
  }
  let mean = sum / length;
  let residual = 0;
  for (let k = start; k < end; k++) residual += z[k]! - mean;
  mean += residual / length;
  let scale = 0;
  for (let k = start; k < end; k++) {
    const c = z[k]! - mean;
    z[k] = c;
    const a = Math.abs(c);
    if (a > scale) scale = a;
  }
  if (scale === 0) {
    z.fill(0, start, end);
    return true;
  }
  let norm2 = 0;
  for (let k = start; k < end; k++) {
    const c = z[k]! / scale;
    z[k] = c;
    norm2 += c * c;
  }
  const inv = 1 / Math.sqrt(norm2);
  for (let k = start; k < end; k++) z[k]! *= inv;
  return false;
}

/**
 * Accumulates the strict lower triangle of `z z^T` into `gram` (condensed)
 * and its diagonal into `diagonal` for the first `neurons` rows of `z` (`z`
 * has a multiple of 4 rows of `samples` values). Loops: sample blocks
 * outside (a block of every row stays in cache), then 4 x 4 tiles of rows
 * with 16 accumulators in registers. Every entry, diagonal included, sums
 * its products in the same order, so two identical rows give an
 * off-diagonal entry bitwise equal to their diagonal entries, and an entry
 * does not depend on the other rows. With `rowStart` (a multiple of 4) and
 * `rowEnd`, only the rows in `[rowStart, rowEnd)` are done (their entries
 * with every earlier row, and their diagonal): a band of the condensed
 * matrix, contiguous in it, so that bands can be split between threads.
 */
export function gramLower(
  z: Float64Array,
  samples: number,
  neurons: number,
  gram: Float64Array,
  diagonal: Float64Array,
  afterBlock: (done: number) => void,
  rowStart = 0,
  rowEnd = neurons,
): void {
  const rows = Math.min(Math.ceil(rowEnd / TILE) * TILE, Math.ceil(neurons / TILE) * TILE);
  const m = samples;
  const edge = new Float64Array(TILE * TILE);
  for (let k0 = 0; k0 < m; k0 += SAMPLE_BLOCK) {
    const k1 = Math.min(m, k0 + SAMPLE_BLOCK);
    for (let I = rowStart; I < rows; I += TILE) {
      const a0 = I * m;
      const a1 = a0 + m;
      const a2 = a1 + m;
      const a3 = a2 + m;
      for (let J = 0; J <= I; J += TILE) {
        const b0 = J * m;
        const b1 = b0 + m;
        const b2 = b1 + m;
        const b3 = b2 + m;
        let s00 = 0;
        let s01 = 0;
        let s02 = 0;
        let s03 = 0;
        let s10 = 0;
        let s11 = 0;
        let s12 = 0;
        let s13 = 0;
        let s20 = 0;
        let s21 = 0;
        let s22 = 0;
        let s23 = 0;
        let s30 = 0;
        let s31 = 0;
        let s32 = 0;
        let s33 = 0;
        for (let k = k0; k < k1; k++) {
          const x0 = z[a0 + k]!;
          const x1 = z[a1 + k]!;
          const x2 = z[a2 + k]!;
          const x3 = z[a3 + k]!;
          const y0 = z[b0 + k]!;
          const y1 = z[b1 + k]!;
          const y2 = z[b2 + k]!;
          const y3 = z[b3 + k]!;
          s00 += x0 * y0;
          s01 += x0 * y1;
          s02 += x0 * y2;
          s03 += x0 * y3;
          s10 += x1 * y0;
          s11 += x1 * y1;
          s12 += x1 * y2;
          s13 += x1 * y3;
          s20 += x2 * y0;
          s21 += x2 * y1;
          s22 += x2 * y2;
          s23 += x2 * y3;
          s30 += x3 * y0;
          s31 += x3 * y1;
          s32 += x3 * y2;
          s33 += x3 * y3;
        }
        if (J < I && I + TILE <= neurons) {
          // Interior tile: all 16 pairs have i > j and exist.
          let r = (I * (I - 1)) / 2 + J;
          gram[r]! += s00;
          gram[r + 1]! += s01;
          gram[r + 2]! += s02;
          gram[r + 3]! += s03;
          r += I;
          gram[r]! += s10;
          gram[r + 1]! += s11;
          gram[r + 2]! += s12;
          gram[r + 3]! += s13;
          r += I + 1;
          gram[r]! += s20;
          gram[r + 1]! += s21;
          gram[r + 2]! += s22;
          gram[r + 3]! += s23;
          r += I + 2;
          gram[r]! += s30;
          gram[r + 1]! += s31;
          gram[r + 2]! += s32;
          gram[r + 3]! += s33;
        } else {
          // Diagonal or padded tile: keep only existing pairs with i > j.
          edge[0] = s00;
          edge[1] = s01;
          edge[2] = s02;
          edge[3] = s03;
          edge[4] = s10;
          edge[5] = s11;
          edge[6] = s12;
          edge[7] = s13;
          edge[8] = s20;
          edge[9] = s21;
          edge[10] = s22;
          edge[11] = s23;
          edge[12] = s30;
          edge[13] = s31;
          edge[14] = s32;
          edge[15] = s33;
          for (let di = 0; di < TILE; di++) {
            const i = I + di;
            if (i >= neurons) break;
            for (let dj = 0; dj < TILE; dj++) {
              const j = J + dj;
              if (j > i) break;
              if (j === i) diagonal[i]! += edge[di * TILE + dj]!;
              else gram[(i * (i - 1)) / 2 + j]! += edge[di * TILE + dj]!;
            }
          }
        }
      }
    }
    afterBlock(k1);
  }
}

/**
 * Accumulates the diagonal of `z z^T` (the sum of squares of each of the
 * first `neurons` rows) exactly as {@link gramLower} accumulates it, bit for
 * bit: by blocks of {@link SAMPLE_BLOCK} samples, in order.
 */
export function gramDiagonal(
  z: Float64Array,
  samples: number,
  neurons: number,
  diagonal: Float64Array,
): void {
  for (let i = 0; i < neurons; i++) {
    const row = i * samples;
    for (let k0 = 0; k0 < samples; k0 += SAMPLE_BLOCK) {
      const k1 = Math.min(samples, k0 + SAMPLE_BLOCK);
      let s = 0;
      for (let k = k0; k < k1; k++) {
        const x = z[row + k]!;
        s += x * x;
      }
      diagonal[i]! += s;
    }
  }
}

/**
 * Maps the Gram entries of standardized rows to dissimilarities (in place
 * when `out === gram`): the correlation of rows i > j is
 * `gram_ij / sqrt(diagonal_i diagonal_j)` (0 when either row is zero, i.e.
 * constant), clamped to [-1, 1]. Dividing by the diagonal the kernel summed
 * in the same order makes identical rows exactly correlated (1, or -1 for a
 * row and its negation), as NumPy's `corrcoef` gives them.
 */
export function toDissimilarity(
  gram: Float64Array,
  diagonal: Float64Array,
  kind: CorrelationDissimilarityKind,
  out: Float32Array | Float64Array,
): void {
  const n = diagonal.length;
  let r = 0;
  for (let i = 1; i < n; i++) {
    const di = diagonal[i]!;
    for (let j = 0; j < i; j++, r++) {
      const dd = di * diagonal[j]!;
      const c = dd > 0 ? gram[r]! / Math.sqrt(dd) : 0;
      out[r] = dissimilarityOf(c > 1 ? 1 : Math.max(c, -1), kind);
    }
  }
}

/**
 * Turns the Gram entries of standardized rows into their correlations, in
 * place, exactly as {@link toDissimilarity} computes them (so that a
 * correlation computed once and mapped later equals the one-pass value).
 */
export function toCorrelation(
  gram: Float64Array,
  diagonal: Float64Array,
  rowStart = 1,
  rowEnd = diagonal.length,
): void {
  for (let i = Math.max(1, rowStart); i < rowEnd; i++) {
    let r = (i * (i - 1)) / 2;
    const di = diagonal[i]!;
    for (let j = 0; j < i; j++, r++) {
      const dd = di * diagonal[j]!;
      const c = dd > 0 ? gram[r]! / Math.sqrt(dd) : 0;
      gram[r] = c > 1 ? 1 : Math.max(c, -1);
    }
  }
}

/** The dissimilarity of a correlation `c` in [-1, 1]. */
export function dissimilarityOf(c: number, kind: CorrelationDissimilarityKind): number {
  if (kind === "1-corr") return 1 - c;
  const d = 1 - Math.abs(c);
  return kind === "1-|corr|" ? d : Math.sqrt(d);
}
