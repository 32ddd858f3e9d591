/**
 * Binomial coefficients C(v, k) for v <= vertexCount and k <= maxK, the
 * combinatorial number system that names a k-simplex {v_k > ... > v_0} by the
 * integer sum_i C(v_i, i+1) (Ripser's implicit simplex indexing).
 *
 * Indices are JavaScript numbers, exact up to 2^53. Simplices of up to maxK - 1
 * vertices (every column of the reduction) must have indices below 2^53; the
 * constructor refuses a vertex count where they would not.
 *
 * Simplices of maxK vertices (the cofacets of the top dimension, which are only
 * ever pivots, compared and looked up but never decoded into columns) may pass
 * 2^53: the table is then `wide`, and their indices I are carried as an
 * order-preserving encoding into doubles, `encode(I)`: the identity below
 * 2W (W = 2^52), and above it the binade [2^(51+q), 2^(52+q)) for the integers
 * [qW, (q+1)W), I = qW + m mapping to 2^(51+q) + m * 2^(q-1). Those doubles
 * are exact, distinct, and compare as the integers do, so the heap, the pivot
 * map and Ripser's tie-breaking (largest index first) work on them unchanged.
 * Row maxK of `values` then holds encode(C(v, maxK)); {@link encodeTop} and
 * {@link topRest} convert between an encoded index and (top vertex, index of
 * the rest). Indices up to about 2^62 (973 * 2^52) are encodable.
 */
export class BinomialTable {
  readonly vertexCount: number;
  readonly maxK: number;
  /**
   * Row k holds C(0..vertexCount, k): `values[k * stride + v]` (read directly
   * by hot loops). In a wide table row maxK holds the encoded values.
   */
  readonly values: Float64Array;
  readonly stride: number;
  /** Whether indices of maxK-vertex simplices are encoded (C(vertexCount, maxK) passes 2^53, or a test forced it). */
  readonly wide: boolean;
  /** W = 2^wideIndexBits: the width of a binade of encoded indices (wide tables). */
  private readonly unit: number;
  /** floor(C(v, maxK) / W) and C(v, maxK) mod W (wide tables; empty otherwise). */
  private readonly topHigh: Float64Array;
  private readonly topLow: Float64Array;
  /** Binade q starts at base[q] and steps by step[q]: base = [0, W, 2W, 4W, ...], step = [1, 1, 2, 4, ...]. */
  private readonly base: Float64Array;
  private readonly step: Float64Array;
  private readonly bits: number;
  /** Scratch to read a double's exponent (big-endian, whatever the platform's order). */
  private readonly scratch = new DataView(new ArrayBuffer(8));

  /**
   * @param vertexCount - n, the largest vertex is n - 1.
   * @param maxK - the most vertices of a simplex named (maxDim + 2 for a reduction up to maxDim).
   * @param options - `wideIndexBits` (internal, for tests): force a wide table
   *   whose binades are 2^wideIndexBits integers wide (default 52), so that
   *   small inputs exercise the encoding.
   */
  constructor(vertexCount: number, maxK: number, options: BinomialTableOptions = {}) {
    const bits = options.wideIndexBits ?? WIDE_BITS;
    if (!Number.isInteger(bits) || bits < 1 || bits > WIDE_BITS) {
      throw new RangeError(`BinomialTable: wideIndexBits must be an integer in 1..52; got ${bits}`);
    }
    assertIndexable(vertexCount, maxK, bits);
    this.vertexCount = vertexCount;
    this.maxK = maxK;
    this.stride = vertexCount + 1;
    this.bits = bits;
    this.unit = 2 ** bits;
    this.wide = options.wideIndexBits !== undefined || exactBinomial(vertexCount, maxK) > MAX_EXACT;
    this.values = new Float64Array((maxK + 1) * this.stride);
    const exactRows = this.wide ? maxK - 1 : maxK;
    for (let v = 0; v <= vertexCount; v++) {
      this.values[v] = 1;
      for (let k = 1; k <= Math.min(v, exactRows); k++) {
        const value =
          k === v
            ? 1
            : this.values[(k - 1) * this.stride + v - 1] + this.values[k * this.stride + v - 1];
        this.values[k * this.stride + v] = value;
      }
    }
    if (!this.wide) {
      this.topHigh = this.topLow = this.base = this.step = new Float64Array(0);
      return;
    }
    const binades = 1025 - bits; // base[q] = 2^(bits + q - 1) <= 2^1023
    this.base = new Float64Array(binades);
    this.step = new Float64Array(binades);
    this.step[0] = 1;
    for (let q = 1; q < binades; q++) {
      this.base[q] = 2 ** (bits + q - 1);
      this.step[q] = 2 ** (q - 1);
    }
    // Row maxK exactly (BigInt Pascal), split at W, then encoded.
    this.topHigh = new Float64Array(vertexCount + 1);
    this.topLow = new Float64Array(vertexCount + 1);
    const unit = BigInt(this.unit);
    const row = maxK * this.stride;
    let c = 0n;
    for (let v = 0; v <= vertexCount; v++) {
      if (v > 0 && maxK > 0)
        c += v - 1 >= maxK - 1 ? BigInt(this.values[(maxK - 1) * this.stride + v - 1]) : 0n;
      else if (maxK === 0) c = 1n;
      const high = Number(c / unit);
      const low = Number(c % unit);
      this.topHigh[v] = high;
      this.topLow[v] = low;
      this.values[row + v] = this.base[high] + low * this.step[high];
    }
  }

  /** C(v, k); 0 when k > v. (Encoded for k = maxK in a wide table.) */
  get(v: number, k: number): number {
    return this.values[k * this.stride + v];
  }

  /**
   * The largest vertex v <= `atMost` with C(v, k) <= index (Ripser's
   * get_max_vertex), by binary search. In a wide table, for k = maxK, `index`
   * is an encoded index (the encoding preserves order).
   */
  maxVertex(index: number, k: number, atMost: number): number {
    const row = k * this.stride;
    let top = atMost;
    const bottom = k - 1;
    if (!(this.values[row + top] <= index)) {
      let count = top - bottom;
      while (count > 0) {
        const step = count >> 1;
        const mid = top - step;
        if (!(this.values[row + mid] <= index)) {
          top = mid - 1;
          count -= step + 1;
        } else {
          count = step;
        }
      }
    }
    return top;
  }

  /**
   * The encoded index of the maxK-vertex simplex whose largest vertex is `top`
   * and whose other vertices have index `rest` (< C(top, maxK - 1) < 2^53):
   * encode(C(top, maxK) + rest). Wide tables only.
   */
  encodeTop(top: number, rest: number): number {
    const unit = this.unit;
    const restHigh = Math.floor(rest / unit);
    let low = this.topLow[top] + (rest - restHigh * unit);
    let q = this.topHigh[top] + restHigh;
    if (low >= unit) {
      low -= unit;
      q++;
    }
    return this.base[q] + low * this.step[q];
  }

  /**
   * The index of the simplex left when the largest vertex `top` is removed
   * from the maxK-vertex simplex of encoded index `encoded`:
   * decode(encoded) - C(top, maxK). Wide tables only.
   */
  topRest(encoded: number, top: number): number {
    const q = this.binadeOf(encoded);
    const m = (encoded - this.base[q]) / this.step[q];
    return (q - this.topHigh[top]) * this.unit + (m - this.topLow[top]);
  }

  /** The binade q of an encoded index: base[q] <= x < base[q + 1]. */
  private binadeOf(x: number): number {
    if (x < this.unit) return 0;
    // x >= 2^bits is a normal double: q = floor(log2 x) - bits + 1, read from its exponent.
    this.scratch.setFloat64(0, x);
    return (this.scratch.getUint32(0) >>> 20) - 1023 - this.bits + 1;
  }
}

/** Options of {@link BinomialTable} (internal). */
export interface BinomialTableOptions {
  /** Forces a wide table with binades 2^wideIndexBits integers wide (tests); default: wide only when needed, 52. */
  readonly wideIndexBits?: number;
}

const WIDE_BITS = 52;
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** The largest index a wide table with binades of 2^bits can encode: (1025 - bits) * 2^bits - 1. */
function maxEncodable(bits: number): bigint {
  return BigInt(1025 - bits) * (1n << BigInt(bits)) - 1n;
}

/**
 * Refuses, before any allocation, a vertex count whose simplices of
 * `maxK - 1` vertices (the columns) would have indices past 2^53 (where
 * doubles stop being exact), or whose simplices of `maxK` vertices (the top
 * cofacets, encoded past 2^53, see {@link BinomialTable}) would pass about 2^62.
 */
export function assertIndexable(
  vertexCount: number,
  maxK: number,
  wideIndexBits = WIDE_BITS,
): void {
  // A count that is not a size is left to the callers' own validation (and its message).
  if (!Number.isSafeInteger(vertexCount) || vertexCount < 0 || !Number.isSafeInteger(maxK)) return;
  const columns = Math.max(maxK - 1, 0);
  if (!fits(vertexCount, columns, MAX_EXACT)) {
    throw new RangeError(
      `simplex indices overflow 2^53: ${vertexCount} points with simplices of ${columns} vertices ` +
        `have C(${vertexCount}, ${columns}) ≈ ${binomialEstimate(vertexCount, columns).toExponential(2)} ` +
        `indices; use at most ${largestVertexCount(maxK)} points, or a lower maxDim`,
    );
  }
  if (!fits(vertexCount, maxK, maxEncodable(wideIndexBits))) {
    throw new RangeError(
      `simplex indices overflow: ${vertexCount} points with simplices of ${maxK} vertices ` +
        `have C(${vertexCount}, ${maxK}) ≈ ${binomialEstimate(vertexCount, maxK).toExponential(2)} indices, ` +
        `more than the ${Number(maxEncodable(wideIndexBits)).toExponential(2)} this engine names; ` +
        `use at most ${largestVertexCount(maxK)} points, or a lower maxDim`,
    );
  }
}

/** Whether every C(v, j) with v <= n, j <= k is at most `bound` (exactly). */
function fits(n: number, k: number, bound: bigint): boolean {
  // C(n, j) is largest at j = min(k, n/2). A float estimate far past the bound
  // refuses at once (and keeps the exact product short: C(n, j) >= 2^j).
  const j = Math.min(k, Math.floor(n / 2));
  if (binomialEstimate(n, j) > Number(bound) * 1.01) return false;
  return exactBinomial(n, j) <= bound;
}

/** C(n, k) exactly (0 when k > n). */
function exactBinomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let value = 1n;
  for (let i = 0; i < k; i++) value = (value * BigInt(n - i)) / BigInt(i + 1);
  return value;
}

/** C(n, k) as a float (within rounding), for messages and quick refusals. */
function binomialEstimate(n: number, k: number): number {
  let value = 1;
  for (let i = 0; i < k; i++) value = (value * (n - i)) / (i + 1);
  return value;
}

/**
 * The largest n that {@link assertIndexable} accepts for simplices of up to
 * `maxK` vertices: C(n, maxK - 1) <= 2^53 - 1 and C(n, maxK) encodable.
 */
export function largestVertexCount(maxK: number): number {
  let low = maxK;
  let high = 1 << 30;
  while (low < high) {
    const mid = Math.floor((low + high + 1) / 2);
    if (fits(mid, Math.max(maxK - 1, 0), MAX_EXACT) && fits(mid, maxK, maxEncodable(WIDE_BITS)))
      low = mid;
    else high = mid - 1;
  }
  return low;
}
