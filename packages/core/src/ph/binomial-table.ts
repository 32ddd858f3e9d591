/**
 * Binomial coefficients C(v, k) for v <= vertexCount and k <= maxK, the
 * combinatorial number system that names a k-simplex {v_k > ... > v_0} by the
 * integer sum_i C(v_i, i+1) (Ripser's implicit simplex indexing).
 *
 * Indices are JavaScript numbers, exact up to 2^53; the constructor refuses a
 * table whose largest entry passes that bound, so every index computed from it
 * is exact.
 */
export class BinomialTable {
  readonly vertexCount: number;
  readonly maxK: number;
  /** Row k holds C(0..vertexCount, k): `values[k * stride + v]` (read directly by hot loops). */
  readonly values: Float64Array;
  readonly stride: number;

  constructor(vertexCount: number, maxK: number) {
    assertIndexable(vertexCount, maxK);
    this.vertexCount = vertexCount;
    this.maxK = maxK;
    this.stride = vertexCount + 1;
    this.values = new Float64Array((maxK + 1) * this.stride);
    for (let v = 0; v <= vertexCount; v++) {
      this.values[v] = 1;
      for (let k = 1; k <= Math.min(v, maxK); k++) {
        const value =
          k === v ? 1 : this.values[(k - 1) * this.stride + v - 1] + this.values[k * this.stride + v - 1];
        this.values[k * this.stride + v] = value;
      }
    }
  }

  /** C(v, k); 0 when k > v. */
  get(v: number, k: number): number {
    return this.values[k * this.stride + v];
  }

  /**
   * The largest vertex v <= `atMost` with C(v, k) <= index (Ripser's
   * get_max_vertex), by binary search.
   */
  maxVertex(index: number, k: number, atMost: number): number {
    const row = k * this.stride;
    let top = atMost;
    let bottom = k - 1;
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
}

/**
 * Refuses, before any allocation, a vertex count whose simplices of `maxK`
 * vertices would have indices past 2^53 (where doubles stop being exact).
 */
export function assertIndexable(vertexCount: number, maxK: number): void {
  // The table's largest entry is C(n, k) at k = min(maxK, n/2).
  if (binomialEstimate(vertexCount, Math.min(maxK, Math.floor(vertexCount / 2))) > Number.MAX_SAFE_INTEGER * 0.999) {
    throw new RangeError(
      `simplex indices overflow 2^53: ${vertexCount} points with simplices of ${maxK} vertices ` +
        `have C(${vertexCount}, ${maxK}) ≈ ${binomialEstimate(vertexCount, maxK).toExponential(2)} ` +
        `indices; use at most ${largestVertexCount(maxK)} points, or a lower maxDim`,
    );
  }
}

/** C(n, k) as a float (within rounding), for the overflow check and messages. */
function binomialEstimate(n: number, k: number): number {
  let value = 1;
  for (let i = 0; i < k; i++) value = (value * (n - i)) / (i + 1);
  return value;
}

/** The largest n with C(n, k) <= 2^53 - 1. */
export function largestVertexCount(k: number): number {
  let low = k;
  let high = 1 << 30;
  while (low < high) {
    const mid = Math.floor((low + high + 1) / 2);
    if (binomialEstimate(mid, k) <= Number.MAX_SAFE_INTEGER * 0.999) low = mid;
    else high = mid - 1;
  }
  return low;
}
