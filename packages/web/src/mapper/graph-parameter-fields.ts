import type { MapperGraphJSON } from "@nettopo/core";
import {
  PAGE_CLUSTERS,
  PAGE_COVERS,
  PAGE_LENSES,
  type ParameterFields,
} from "./page-parameters.js";

/**
 * The parameter form's first values: those the graph was computed with (its
 * JSON `meta`, as the CLI wrote it), so that Recompute without a change
 * gives the same graph. What the page cannot compute (a UMAP lens, a given
 * cover or clustering) falls back to core's default, and the fields of the
 * clustering not used hold core's defaults, ready when the user switches.
 * @example
 * ```ts
 * graphParameterFields(json.meta).cluster; // "single-linkage" for a graph the CLI made with --cluster single-linkage
 * ```
 */
export function graphParameterFields(meta: MapperGraphJSON["meta"]): ParameterFields {
  const { kind, dims } = meta.lens;
  const lens = kind === "pca" && dims === 2 ? "pca2" : kind;
  const cluster = meta.cluster as {
    kind: string;
    eps?: number;
    minSamples?: number;
    relativeGap?: number;
  };
  return {
    lens: (PAGE_LENSES as readonly string[]).includes(lens) ? lens : "l2",
    cover: (PAGE_COVERS as readonly string[]).includes(meta.cover.kind)
      ? meta.cover.kind
      : "uniform",
    intervals: String(meta.cover.intervals[0] ?? 10),
    overlap: String(meta.cover.overlap ?? 0.3),
    cluster: (PAGE_CLUSTERS as readonly string[]).includes(cluster.kind) ? cluster.kind : "dbscan",
    eps: String(cluster.eps ?? 0.5),
    minSamples: String(cluster.minSamples ?? 5),
    relativeGap: String(cluster.relativeGap ?? 0.3),
  };
}
