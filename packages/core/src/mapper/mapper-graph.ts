import type { ClusterParameters } from "./cluster-spec.js";
import type { MapperCover } from "./mapper-cover.js";
import type { MapperLens } from "./mapper-lens.js";
import type { MapperLinks, NerveSimplices } from "./mapper-nerve.js";

/** A label histogram: distinct labels increasing, with their counts. */
export interface LabelHistogram {
  readonly labels: Int32Array;
  readonly counts: Int32Array;
}

/** One node of a Mapper graph: a cluster of one cover element, with its statistics. */
export interface MapperNode {
  /** Index into `nodes`. */
  readonly id: number;
  /** Point indices, increasing. */
  readonly members: Int32Array;
  /** The cover element's multi-index. */
  readonly cover: Int32Array;
  /** The cluster's number within its cover element. */
  readonly cluster: number;
  /** Mean lens value(s) of the members (`lens.dims` values). */
  readonly lens: Float64Array;
  /** Histogram of the members' labels (only when labels were given). */
  readonly labels: LabelHistogram | null;
  /** The most frequent label (the smallest on ties); -1 without labels. */
  readonly majority: number;
  /** Share of the members with the majority label; NaN without labels. */
  readonly purity: number;
  /** Mean of each coordinate over the members (`dimension` values), only when `nodeMeans` was asked. */
  readonly means: Float64Array | null;
}

/** A Mapper graph with everything that made it. */
export interface MapperGraph {
  /** Number of points. */
  readonly count: number;
  /** Coordinates per point. */
  readonly dimension: number;
  readonly lens: MapperLens;
  readonly cover: MapperCover;
  readonly cluster: ClusterParameters;
  /** Nodes in order of cover element (lexicographic multi-index), then cluster number. */
  readonly nodes: readonly MapperNode[];
  readonly links: MapperLinks;
  /** Simplices of dimension 2..nerveDimension (empty for a graph). */
  readonly simplices: readonly NerveSimplices[];
  /** The labels given for statistics, or null. */
  readonly labels: Int32Array | null;
  /** Names of the labels (label k is `labelNames[k]`), or null. */
  readonly labelNames: readonly string[] | null;
  /** Points that are in no node (noise of the clustering). */
  readonly noise: number;
  /** Wall-clock seconds the computation took. */
  readonly seconds: number;
}
