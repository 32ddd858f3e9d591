import { distancePair } from "../metric/pairwise-distances.js";
import type { LongRunningOptions, PointCloud, Precision } from "../types.js";
import { LowerEdges } from "./lower-edges.js";
import type { NeighborLists } from "./neighbor-lists.js";

/** Below this many points, trying every pair is as fast as a grid. */
const GRID_MINIMUM_POINTS = 1024;
/** The grid spans at most this many axes (3^3 = 27 neighbouring cells per point). */
const GRID_AXES = 3;

/**
 * Neighbour lists of the pairs of points within `threshold`, found through a
 * grid of cells of side `threshold` over the (up to three) widest axes: a
 * pair more than one cell apart on any axis differs by more than the
 * threshold on that coordinate, hence is farther apart in the euclidean,
 * manhattan and chebyshev metrics, so only the 3^axes neighbouring cells are
 * searched. The distances of the pairs visited are computed with the exact
 * arithmetic of the dense matrix (see `distancePair`), so the complex is the
 * same. Returns undefined when a grid would not help (few points, a
 * degenerate threshold, a metric without the coordinate bound) or when there
 * are more than `maxEdges` edges.
 */
export function neighborListsFromGrid(
  cloud: PointCloud,
  metric: string,
  precision: Precision,
  threshold: number,
  maxEdges: number,
  options: LongRunningOptions = {},
): NeighborLists | undefined {
  const { count, dimension } = cloud;
  if (metric !== "euclidean" && metric !== "manhattan" && metric !== "chebyshev") return undefined;
  // Cells come from the coordinates the distances are computed from (Ripser's
  // float32 euclidean arithmetic rounds them first).
  const coordinates =
    metric === "euclidean" && precision === "float32"
      ? Float64Array.from(Float32Array.from(cloud.coordinates))
      : cloud.coordinates;
  if (count < GRID_MINIMUM_POINTS || !(threshold > 0) || !Number.isFinite(threshold))
    return undefined;
  // A cell a hair wider than the threshold, so float rounding of a distance
  // near the threshold can never bring a pair two cells apart within it.
  const side = threshold * (1 + 1e-5);
  const axes = widestAxes(coordinates, count, dimension).slice(0, GRID_AXES);
  const lowest = axes.map((axis) => minimum(coordinates, count, dimension, axis));
  const cellsPerAxis = axes.map(
    (axis, a) => Math.floor((maximum(coordinates, count, dimension, axis) - lowest[a]) / side) + 1,
  );
  if (cellsPerAxis[0] < 4 || cellsPerAxis.reduce((p, c) => p * c, 1) > 2 ** 50) return undefined;
  const cellOf = (point: number, a: number) =>
    Math.floor((coordinates[point * dimension + axes[a]] - lowest[a]) / side);
  const keyOf = (cells: number[]) => cells.reduceRight((key, c, a) => key * cellsPerAxis[a] + c, 0);

  // Points sorted by cell key; a cell is a run of equal keys.
  const keys = new Float64Array(count);
  for (let p = 0; p < count; p++) keys[p] = keyOf(axes.map((_, a) => cellOf(p, a)));
  const byCell = Uint32Array.from({ length: count }, (_, p) => p).sort(
    (p, q) => keys[p] - keys[q] || p - q,
  );
  const sortedKeys = Float64Array.from(byCell, (p) => keys[p]);
  const firstAtLeast = (key: number) => {
    let low = 0;
    let high = count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sortedKeys[mid] < key) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  const distance = distancePair(cloud, metric, precision);
  const offsetsOfNeighbours = neighbourOffsets(axes.length);
  const edges = new LowerEdges(count, precision, maxEdges);
  const rowNeighbours: number[] = [];
  const cells = new Array<number>(axes.length);
  for (let i = 1; i < count; i++) {
    if (i % 1024 === 0) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error("aborted");
      options.onProgress?.({ stage: "threshold graph", done: i, total: count });
    }
    rowNeighbours.length = 0;
    const home = axes.map((_, a) => cellOf(i, a));
    for (const offset of offsetsOfNeighbours) {
      let inside = true;
      for (let a = 0; a < axes.length; a++) {
        cells[a] = home[a] + offset[a];
        if (cells[a] < 0 || cells[a] >= cellsPerAxis[a]) inside = false;
      }
      if (!inside) continue;
      const key = keyOf(cells);
      for (let s = firstAtLeast(key); s < count && sortedKeys[s] === key; s++) {
        const j = byCell[s];
        if (j < i) rowNeighbours.push(j);
      }
    }
    rowNeighbours.sort((p, q) => p - q);
    for (const j of rowNeighbours) {
      const d = distance(i, j);
      if (d <= threshold && !edges.push(j, d)) return undefined;
    }
    edges.endRow(i);
  }
  return edges.toNeighborLists();
}

function widestAxes(x: Float64Array, count: number, dimension: number): number[] {
  const spread = Array.from(
    { length: dimension },
    (_, axis) => maximum(x, count, dimension, axis) - minimum(x, count, dimension, axis),
  );
  return spread.map((_, axis) => axis).sort((a, b) => spread[b] - spread[a] || a - b);
}

function minimum(x: Float64Array, count: number, dimension: number, axis: number): number {
  let low = Number.POSITIVE_INFINITY;
  for (let p = 0; p < count; p++) low = Math.min(low, x[p * dimension + axis]);
  return low;
}

function maximum(x: Float64Array, count: number, dimension: number, axis: number): number {
  let high = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < count; p++) high = Math.max(high, x[p * dimension + axis]);
  return high;
}

/** Every offset in {-1, 0, 1}^axes. */
function neighbourOffsets(axes: number): number[][] {
  let offsets: number[][] = [[]];
  for (let a = 0; a < axes; a++) offsets = offsets.flatMap((o) => [-1, 0, 1].map((d) => [...o, d]));
  return offsets;
}
