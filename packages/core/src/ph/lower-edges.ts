import type { Precision, RealArray } from "../types.js";
import type { NeighborLists } from "./neighbor-lists.js";

/**
 * The edges {i > j} of a graph collected row by row (i increasing, j
 * increasing within a row) in typed arrays that double as they fill, then
 * turned into symmetric neighbour lists. Used by the threshold graphs of point
 * clouds, which find each row's edges one row of distances at a time.
 */
export class LowerEdges {
  private lower = new Int32Array(1024);
  private values: RealArray;
  private readonly rowEnds: Float64Array;
  private count = 0;

  constructor(
    private readonly vertexCount: number,
    private readonly precision: Precision,
    /** More edges than this make `push` refuse (the dense matrix is then the better choice). */
    private readonly maxEdges: number,
  ) {
    this.values = precision === "float32" ? new Float32Array(1024) : new Float64Array(1024);
    this.rowEnds = new Float64Array(vertexCount);
  }

  /** Adds the edge {i, j} of the current row (j < i); false once there are more than maxEdges. */
  push(j: number, value: number): boolean {
    if (this.count === this.lower.length) {
      if (this.count >= this.maxEdges) return false;
      const lower = new Int32Array(this.count * 2);
      lower.set(this.lower);
      this.lower = lower;
      const values =
        this.precision === "float32"
          ? new Float32Array(this.count * 2)
          : new Float64Array(this.count * 2);
      values.set(this.values);
      this.values = values;
    }
    this.lower[this.count] = j;
    this.values[this.count++] = value;
    return true;
  }

  /** Closes row i (call for every i from 1 up, in order). */
  endRow(i: number): void {
    this.rowEnds[i] = this.count;
  }

  /**
   * Symmetric neighbour lists, or undefined when there are more than
   * maxEdges edges. Appending each edge to rows i and j in the order
   * collected leaves every row sorted: row v first receives its j < v (while
   * i = v), then its i > v in increasing order.
   */
  toNeighborLists(): NeighborLists | undefined {
    if (this.count > this.maxEdges) return undefined;
    const { vertexCount: count, rowEnds, lower } = this;
    const degree = new Int32Array(count);
    for (let i = 1; i < count; i++) {
      degree[i] += rowEnds[i] - rowEnds[i - 1];
      for (let e = rowEnds[i - 1]; e < rowEnds[i]; e++) degree[lower[e]]++;
    }
    const offsets = new Int32Array(count + 1);
    for (let v = 0; v < count; v++) offsets[v + 1] = offsets[v] + degree[v];
    const neighbors = new Int32Array(offsets[count]);
    const values =
      this.precision === "float32"
        ? new Float32Array(offsets[count])
        : new Float64Array(offsets[count]);
    const fill = offsets.slice(0, count);
    for (let i = 1; i < count; i++) {
      for (let e = rowEnds[i - 1]; e < rowEnds[i]; e++) {
        const j = lower[e];
        const d = this.values[e];
        neighbors[fill[i]] = j;
        values[fill[i]++] = d;
        neighbors[fill[j]] = i;
        values[fill[j]++] = d;
      }
    }
    return { offsets, neighbors, values };
  }
}
