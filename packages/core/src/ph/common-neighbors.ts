/**
 * A graph grown edge by edge, held as one row of bits per vertex, that finds
 * the largest common neighbour of two vertices in n/32 word operations.
 *
 * Why: an edge e = {i, j} forms an apparent pair with its cofacet of
 * smallest diameter and largest index, the triangle {i, j, v} with v the
 * largest vertex within diam e of both i and j (Bauer 2021, section 3.6).
 * With the edges inserted in filtration order, that v is the largest common
 * neighbour when e is reached, where Ripser scans the vertices one by one.
 * Costs n^2 / 8 bytes, a sixteenth of a float32 condensed matrix (2 n^2
 * bytes): it is only used for dense complexes.
 */
export class CommonNeighbors {
  private readonly words: number;
  private readonly bits: Int32Array;

  constructor(vertexCount: number) {
    this.words = (vertexCount + 31) >>> 5;
    this.bits = new Int32Array(vertexCount * this.words);
  }

  insert(i: number, j: number): void {
    this.bits[i * this.words + (j >>> 5)] |= 1 << (j & 31);
    this.bits[j * this.words + (i >>> 5)] |= 1 << (i & 31);
  }

  /** The largest vertex joined to both i and j, or -1. */
  largestCommon(i: number, j: number): number {
    const bits = this.bits;
    const words = this.words;
    const rowI = i * words;
    const rowJ = j * words;
    for (let k = words - 1; k >= 0; k--) {
      const both = bits[rowI + k] & bits[rowJ + k];
      if (both !== 0) return (k << 5) + 31 - Math.clz32(both);
    }
    return -1;
  }
}
