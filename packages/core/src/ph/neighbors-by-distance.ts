import type { RealArray } from "../types.js";
import type { SimplexList } from "./rips-complex.js";

/**
 * The neighbours of every vertex within the threshold, sorted by increasing
 * distance and, among equal distances, by decreasing vertex (compressed rows:
 * vertex v's list is `offsets[v] .. offsets[v+1]`). Walking these lists from a
 * given distance on is how {@link MergedCoboundaryColumn} enumerates the
 * cofacets of a simplex in pivot order without sorting them.
 */
export interface NeighborsByDistance {
  readonly offsets: Int32Array;
  /** 16 bits a vertex: the lists cost 6 bytes an edge end in float32, not 8. */
  readonly neighbors: Uint16Array;
  /** The distances, in the precision of the edges (every comparison stays exact). */
  readonly distances: RealArray;
}

/**
 * Builds the lists from the edges and their order by decreasing diameter,
 * ties by increasing index (`sortByFiltration`): read backwards, that order is
 * increasing diameter with ties by decreasing edge index, and for the edges
 * {u, v} of one vertex u a larger index means a larger v (the combinatorial
 * number system is monotone in each vertex). So appending each edge to both of
 * its endpoints' lists leaves every list in the wanted order, with no sort.
 *
 * @param vertexCount - the vertices are 0..vertexCount-1.
 * @param edges - edge diameters and indices (index C(i,2) + j of {i > j}).
 * @param order - the positions of `edges` by decreasing diameter, ties by increasing index.
 * @param ends - the endpoints of edge e at 2e and 2e + 1.
 */
/** The most vertices the lists can name (16-bit vertex numbers). */
export const MAX_LISTED_VERTICES = 65536;

export function neighborsByDistance(
  vertexCount: number,
  edges: SimplexList,
  order: Uint32Array,
  ends: Int32Array,
): NeighborsByDistance {
  const count = edges.count;
  const offsets = new Int32Array(vertexCount + 1);
  for (let e = 0; e < 2 * count; e++) offsets[ends[e] + 1]++;
  for (let v = 0; v < vertexCount; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, vertexCount);
  const neighbors = new Uint16Array(2 * count);
  const distances =
    edges.diameters instanceof Float32Array
      ? new Float32Array(2 * count)
      : new Float64Array(2 * count);
  for (let t = count - 1; t >= 0; t--) {
    const e = order[t];
    const i = ends[2 * e];
    const j = ends[2 * e + 1];
    const d = edges.diameters[e];
    neighbors[fill[i]] = j;
    distances[fill[i]++] = d;
    neighbors[fill[j]] = i;
    distances[fill[j]++] = d;
  }
  return { offsets, neighbors, distances };
}
