import { describe } from "../metric/validate.js";
import type { ClusterParameters } from "./cluster-spec.js";
import type { MapperCover } from "./mapper-cover.js";
import type { LabelHistogram, MapperGraph, MapperNode } from "./mapper-graph.js";
import type { MapperLens } from "./mapper-lens.js";
import { mapperNerve } from "./mapper-nerve.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";

/** Options of {@link mapperGraphFromClusters}. */
export interface MapperGraphFromClustersOptions {
  /** A class label per point (integers >= 0) for the label statistics; default none. */
  readonly labels?: ArrayLike<number>;
  /** Names of the labels; default none. */
  readonly labelNames?: readonly string[];
  /** Highest nerve dimension (1: the graph); default 1. */
  readonly nerveDimension?: number;
  /** Compute each node's coordinate means; default false. */
  readonly nodeMeans?: boolean;
}

/**
 * The Mapper graph from a lens, a cover and a clustering of each cover
 * element computed elsewhere (e.g. in worker threads, one element each):
 * `elementLabels[e][k]` is the cluster of point `cover.elements[e].members[k]`
 * (-1: noise). Makes the nodes (in order of element, then cluster number),
 * the nerve and the per-node statistics, exactly as {@link mapper} does.
 *
 * @param points - The points.
 * @param lens - The lens the cover was built on.
 * @param cover - The cover.
 * @param cluster - The clustering's parameters (written to JSON `meta.cluster`).
 * @param elementLabels - One label array per cover element.
 * @param options - `labels`, `labelNames`, `nerveDimension` (default 1), `nodeMeans` (default false).
 * @returns The graph.
 * @throws RangeError when the labels do not fit the cover, or for bad options.
 * @example
 * ```ts
 * const lens = l2NormLens(points);
 * const cover = uniformCover(lens, { intervals: 20, overlap: 0.3 });
 * const labels = cover.elements.map((e) => dbscan(points, { eps: 1.8, minSamples: 10, indices: e.members }));
 * const graph = mapperGraphFromClusters(points, lens, cover, { kind: "dbscan", eps: 1.8, minSamples: 10 }, labels);
 * ```
 */
export function mapperGraphFromClusters(
  points: MapperPoints,
  lens: MapperLens,
  cover: MapperCover,
  cluster: ClusterParameters,
  elementLabels: readonly Int32Array[],
  options: MapperGraphFromClustersOptions = {},
): MapperGraph {
  const caller = "mapperGraphFromClusters";
  const checked = requireMapperPoints(caller, points, false);
  if (!Array.isArray(elementLabels) || elementLabels.length !== cover.elements.length) {
    throw new RangeError(
      `${caller}: elementLabels must hold one Int32Array per cover element (${cover.elements.length}); got ${describe(elementLabels)}`,
    );
  }
  elementLabels.forEach((labels, e) => {
    if (!(labels instanceof Int32Array) || labels.length !== cover.elements[e]!.members.length) {
      throw new RangeError(
        `${caller}: elementLabels[${e}] must be an Int32Array of ${cover.elements[e]!.members.length} labels; got ${describe(labels)}`,
      );
    }
  });
  const nerveDimension = options.nerveDimension ?? 1;
  if (!Number.isSafeInteger(nerveDimension) || nerveDimension < 1) {
    throw new RangeError(
      `${caller}: options.nerveDimension must be an integer >= 1; got ${describe(nerveDimension)}`,
    );
  }
  return assembleMapperGraph(checked, lens, cover, cluster, elementLabels, {
    labels: requireLabels(caller, options.labels, checked.count),
    labelNames: options.labelNames ?? null,
    nerveDimension,
    nodeMeans: options.nodeMeans ?? false,
    started: Date.now(),
  });
}

/** Nodes, nerve and statistics from checked inputs (internal; shared with mapperSteps). */
export function assembleMapperGraph(
  points: MapperPoints,
  lens: MapperLens,
  cover: MapperCover,
  cluster: ClusterParameters,
  elementLabels: readonly Int32Array[],
  settings: {
    labels: Int32Array | null;
    labelNames: readonly string[] | null;
    nerveDimension: number;
    nodeMeans: boolean;
    started: number;
  },
): MapperGraph {
  const { count, dimension, coordinates } = points;
  const { labels, labelNames, nerveDimension, nodeMeans, started } = settings;
  const elements = cover.elements;
  const nodeMembers: Int32Array[] = [];
  const nodeCover: Int32Array[] = [];
  const nodeCluster: number[] = [];
  for (let e = 0; e < elements.length; e++) {
    const { index, members } = elements[e]!;
    const clusterLabels = elementLabels[e]!;
    let clusters = 0;
    for (let k = 0; k < clusterLabels.length; k++) {
      if (clusterLabels[k]! + 1 > clusters) clusters = clusterLabels[k]! + 1;
    }
    const sizes = new Int32Array(clusters);
    for (let k = 0; k < clusterLabels.length; k++) {
      if (clusterLabels[k]! >= 0) sizes[clusterLabels[k]!]!++;
    }
    const lists = Array.from(sizes, (size) => new Int32Array(size));
    const fill = new Int32Array(clusters);
    for (let k = 0; k < clusterLabels.length; k++) {
      const c = clusterLabels[k]!;
      if (c >= 0) lists[c]![fill[c]!++] = members[k]!;
    }
    for (let c = 0; c < clusters; c++) {
      if (lists[c]!.length === 0) continue;
      nodeMembers.push(lists[c]!.sort());
      nodeCover.push(index);
      nodeCluster.push(c);
    }
  }

  const nerve = mapperNerve(nodeMembers, count, { dimension: nerveDimension });

  const covered = new Uint8Array(count);
  const nodes: MapperNode[] = [];
  for (let v = 0; v < nodeMembers.length; v++) {
    const members = nodeMembers[v]!;
    const size = members.length;
    const lensMean = new Float64Array(lens.dims);
    for (let k = 0; k < size; k++) {
      const p = members[k]!;
      covered[p] = 1;
      for (let d = 0; d < lens.dims; d++) lensMean[d]! += lens.values[p * lens.dims + d]!;
    }
    for (let d = 0; d < lens.dims; d++) lensMean[d]! /= size;
    let histogram: LabelHistogram | null = null;
    let majority = -1;
    let purity = Number.NaN;
    if (labels !== null) {
      const tally = new Map<number, number>();
      for (let k = 0; k < size; k++) {
        const label = labels[members[k]!]!;
        tally.set(label, (tally.get(label) ?? 0) + 1);
      }
      const keys = Int32Array.from(tally.keys()).sort();
      const counts = Int32Array.from(keys, (key) => tally.get(key)!);
      let best = 0;
      for (let i = 0; i < keys.length; i++) {
        if (counts[i]! > best) {
          best = counts[i]!;
          majority = keys[i]!;
        }
      }
      purity = best / size;
      histogram = { labels: keys, counts };
    }
    let means: Float64Array | null = null;
    if (nodeMeans) {
      means = new Float64Array(dimension);
      for (let k = 0; k < size; k++) {
        const base = members[k]! * dimension;
        for (let j = 0; j < dimension; j++) means[j]! += coordinates[base + j]!;
      }
      for (let j = 0; j < dimension; j++) means[j]! /= size;
    }
    nodes.push({
      id: v,
      members,
      cover: nodeCover[v]!,
      cluster: nodeCluster[v]!,
      lens: lensMean,
      labels: histogram,
      majority,
      purity,
      means,
    });
  }
  let noise = 0;
  for (let p = 0; p < count; p++) if (covered[p] === 0) noise++;
  return {
    count,
    dimension,
    lens,
    cover,
    cluster,
    nodes,
    links: nerve.links,
    simplices: nerve.simplices,
    labels,
    labelNames: labelNames === null ? null : [...labelNames],
    noise,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Checks class labels: integers >= 0, one per point (internal). */
export function requireLabels(caller: string, labels: unknown, count: number): Int32Array | null {
  if (labels === undefined || labels === null) return null;
  if (typeof labels !== "object" || typeof (labels as ArrayLike<number>).length !== "number") {
    throw new TypeError(
      `${caller}: options.labels must be an array of integers; got ${describe(labels)}`,
    );
  }
  const list = labels as ArrayLike<number>;
  if (list.length !== count) {
    throw new RangeError(
      `${caller}: options.labels has ${list.length} labels for ${count} points; expected one label per point`,
    );
  }
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = list[i]!;
    if (!Number.isSafeInteger(label) || label < 0 || label > 2 ** 31 - 1) {
      throw new RangeError(
        `${caller}: options.labels[${i}] is ${describe(label)}; expected an integer >= 0`,
      );
    }
    out[i] = label;
  }
  return out;
}
