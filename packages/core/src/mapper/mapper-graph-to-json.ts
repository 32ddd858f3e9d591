import type { ClusterParameters } from "./cluster-spec.js";
import type { MapperGraph } from "./mapper-graph.js";
import type { LensKind } from "./mapper-lens.js";

/** One node in Mapper JSON. */
export interface MapperNodeJSON {
  id: number;
  members: number[];
  size: number;
  cover: number[];
  cluster: number;
  lens: number[];
  labels?: Record<string, number>;
  majority?: number;
  purity?: number;
  means?: number[];
}

/** One link in Mapper JSON: `weight` = shared members. */
export interface MapperLinkJSON {
  source: number;
  target: number;
  weight: number;
  jaccard: number;
}

/** Mapper graph JSON (node-link form, the contract shared by the CLI and the web explorer). */
export interface MapperGraphJSON {
  meta: {
    points: number;
    dims: number;
    lens: {
      kind: LensKind;
      dims: number;
      min: number[];
      max: number[];
      [parameter: string]: unknown;
    };
    cover: { kind: string; intervals: number[]; overlap: number | null };
    cluster: ClusterParameters;
    labels: { names: string[] | null } | null;
    noise: number;
    seconds: number;
  };
  nodes: MapperNodeJSON[];
  links: MapperLinkJSON[];
  simplices?: number[][];
}

/** Options of {@link mapperGraphToJSON}. */
export interface MapperGraphToJSONOptions {
  /** Write each node's coordinate means (`"means"`) when the graph has them; default true. */
  readonly means?: boolean;
}

/**
 * Converts a Mapper graph to node-link JSON data:
 * `{"meta":{...},"nodes":[{"id","members","size","cover","cluster","lens",
 * "labels","majority","purity"}],"links":[{"source","target","weight","jaccard"}]}`
 * plus `"simplices"` when higher simplices were computed. Label statistics
 * appear only when labels were given; `"means"` only when the graph has them
 * (`nodeMeans`). The graph is not modified.
 *
 * @param graph - A graph from {@link mapper}.
 * @param options - `means` (default true).
 * @returns Data for `JSON.stringify`.
 * @example
 * ```ts
 * const json = JSON.stringify(mapperGraphToJSON(mapper(points)));
 * ```
 */
export function mapperGraphToJSON(
  graph: MapperGraph,
  options: MapperGraphToJSONOptions = {},
): MapperGraphJSON {
  const writeMeans = options.means ?? true;
  const { lens, cover } = graph;
  const min = new Array<number>(lens.dims).fill(Number.POSITIVE_INFINITY);
  const max = new Array<number>(lens.dims).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < lens.count; i++) {
    for (let d = 0; d < lens.dims; d++) {
      const x = lens.values[i * lens.dims + d]!;
      if (x < min[d]!) min[d] = x;
      if (x > max[d]!) max[d] = x;
    }
  }
  const nodes: MapperNodeJSON[] = graph.nodes.map((node) => {
    const out: MapperNodeJSON = {
      id: node.id,
      members: Array.from(node.members),
      size: node.members.length,
      cover: Array.from(node.cover),
      cluster: node.cluster,
      lens: Array.from(node.lens),
    };
    if (node.labels !== null) {
      const histogram: Record<string, number> = {};
      for (let k = 0; k < node.labels.labels.length; k++) {
        histogram[String(node.labels.labels[k])] = node.labels.counts[k]!;
      }
      out.labels = histogram;
      out.majority = node.majority;
      out.purity = node.purity;
    }
    if (writeMeans && node.means !== null) out.means = Array.from(node.means);
    return out;
  });
  const { source, target, weight, jaccard } = graph.links;
  const links: MapperLinkJSON[] = new Array(source.length);
  for (let e = 0; e < source.length; e++) {
    links[e] = { source: source[e]!, target: target[e]!, weight: weight[e]!, jaccard: jaccard[e]! };
  }
  const json: MapperGraphJSON = {
    meta: {
      points: graph.count,
      dims: graph.dimension,
      lens: { ...lens.parameters, kind: lens.kind, dims: lens.dims, min, max },
      cover: {
        kind: cover.kind,
        intervals: [...cover.intervals],
        overlap: Number.isNaN(cover.overlap) ? null : cover.overlap,
      },
      cluster: { ...graph.cluster },
      labels:
        graph.labels === null
          ? null
          : { names: graph.labelNames === null ? null : [...graph.labelNames] },
      noise: graph.noise,
      seconds: graph.seconds,
    },
    nodes,
    links,
  };
  if (graph.simplices.length > 0) {
    const simplices: number[][] = [];
    for (const { dimension, vertices } of graph.simplices) {
      for (let s = 0; s < vertices.length; s += dimension + 1) {
        simplices.push(Array.from(vertices.subarray(s, s + dimension + 1)));
      }
    }
    json.simplices = simplices;
  }
  return json;
}
