import { distanceRows, type PointMetric } from "../metric/pairwise-distances.js";
import type { LongRunningOptions, PointCloud, Precision, RealArray } from "../types.js";
import { LowerEdges } from "./lower-edges.js";

/**
 * Sorted neighbour lists (compressed rows) of an undirected graph, built from
 * edges in either or both orientations; a repeated edge keeps its smallest
 * value, edges above `threshold` are dropped, and `vertexValues` (when given)
 * raise each edge to the values of its endpoints, as a flag filtration does.
 */
export interface NeighborLists {
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Edge values, in the precision of the input. */
  values: RealArray;
}

export function neighborLists(
  count: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values: ArrayLike<number>,
  threshold: number,
  vertexValues?: ArrayLike<number>,
): NeighborLists {
  const edgeValue = (k: number): number => {
    let value = values[k] + 0; // +0 folds -0 into 0
    if (vertexValues !== undefined)
      value = Math.max(value, vertexValues[rows[k]], vertexValues[cols[k]]);
    return value;
  };
  const degree = new Int32Array(count + 1);
  for (let k = 0; k < rows.length; k++) {
    if (edgeValue(k) > threshold) continue;
    degree[rows[k] + 1]++;
    degree[cols[k] + 1]++;
  }
  for (let v = 0; v < count; v++) degree[v + 1] += degree[v];
  const fill = degree.slice(0, count);
  const neighbors = new Int32Array(degree[count]);
  const edgeValues = new Float64Array(degree[count]);
  for (let k = 0; k < rows.length; k++) {
    const value = edgeValue(k);
    if (value > threshold) continue;
    const i = rows[k];
    const j = cols[k];
    neighbors[fill[i]] = j;
    edgeValues[fill[i]++] = value;
    neighbors[fill[j]] = i;
    edgeValues[fill[j]++] = value;
  }
  // Sort each row by neighbour and merge duplicates (keeping the smallest value).
  const offsets = new Int32Array(count + 1);
  let write = 0;
  for (let v = 0; v < count; v++) {
    const start = degree[v];
    const end = degree[v + 1];
    sortRow(neighbors, edgeValues, start, end);
    offsets[v] = write;
    for (let p = start; p < end; p++) {
      if (write > offsets[v] && neighbors[write - 1] === neighbors[p]) {
        if (edgeValues[p] < edgeValues[write - 1]) edgeValues[write - 1] = edgeValues[p];
      } else {
        neighbors[write] = neighbors[p];
        edgeValues[write++] = edgeValues[p];
      }
    }
  }
  offsets[count] = write;
  return { offsets, neighbors: neighbors.slice(0, write), values: edgeValues.slice(0, write) };
}

function sortRow(neighbors: Int32Array, values: Float64Array, start: number, end: number): void {
  if (end - start < 2) return;
  const order = Array.from({ length: end - start }, (_, t) => start + t);
  order.sort((a, b) => neighbors[a] - neighbors[b] || values[a] - values[b]);
  const n = Float64Array.from(order, (p) => neighbors[p]);
  const w = Float64Array.from(order, (p) => values[p]);
  neighbors.set(n, start);
  values.set(w, start);
}

/** Neighbour lists of the edges of a condensed distance matrix with value <= threshold. */
export function neighborListsFromCondensed(
  distances: RealArray,
  count: number,
  threshold: number,
): NeighborLists {
  const offsets = new Int32Array(count + 1);
  const degree = new Int32Array(count);
  for (let i = 1; i < count; i++) {
    const row = (i * (i - 1)) / 2;
    for (let j = 0; j < i; j++) {
      if (distances[row + j] <= threshold) {
        degree[i]++;
        degree[j]++;
      }
    }
  }
  for (let v = 0; v < count; v++) offsets[v + 1] = offsets[v] + degree[v];
  const neighbors = new Int32Array(offsets[count]);
  const values =
    distances instanceof Float32Array
      ? new Float32Array(offsets[count])
      : new Float64Array(offsets[count]);
  const fill = offsets.slice(0, count);
  // Visiting i in increasing order and, for each, j < i in increasing order,
  // appends to row j the neighbours i in increasing order; row i receives j < i
  // here and its neighbours > i later, so every row comes out sorted.
  for (let i = 1; i < count; i++) {
    const row = (i * (i - 1)) / 2;
    for (let j = 0; j < i; j++) {
      const d = distances[row + j];
      if (d <= threshold) {
        neighbors[fill[i]] = j;
        values[fill[i]++] = d;
        neighbors[fill[j]] = i;
        values[fill[j]++] = d;
      }
    }
  }
  return { offsets, neighbors, values };
}

/**
 * Neighbour lists of the pairs of points within `threshold` of each other,
 * computed one row of distances at a time, without ever holding the
 * n(n-1)/2 distances: memory in proportion to the edges. Returns undefined
 * as soon as there are more than `maxEdges` edges (then the dense matrix is
 * the better representation).
 */
export function neighborListsFromPoints(
  cloud: PointCloud,
  metric: PointMetric,
  precision: Precision,
  threshold: number,
  maxEdges: number,
  options: LongRunningOptions = {},
): NeighborLists | undefined {
  const { count } = cloud;
  const kernel = distanceRows(cloud, metric, precision);
  const row = precision === "float32" ? new Float32Array(count) : new Float64Array(count);
  const edges = new LowerEdges(count, precision, maxEdges);
  for (let i = 1; i < count; i++) {
    if (i % 256 === 0) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error("aborted");
      options.onProgress?.({ stage: "threshold graph", done: i, total: count });
    }
    kernel(i, row, 0);
    for (let j = 0; j < i; j++) {
      if (row[j] <= threshold && !edges.push(j, row[j])) return undefined;
    }
    edges.endRow(i);
  }
  return edges.toNeighborLists();
}
