import { describe, requireOptions } from "../metric/validate.js";
import type { Progress } from "../types.js";
import { type ClusterSpec, clustererFromSpec } from "./cluster-spec.js";
import { type CoverSpec, coverFromSpec } from "./cover-spec.js";
import { type LensSpec, lensFromSpec } from "./lens-spec.js";
import type { MapperGraph } from "./mapper-graph.js";
import { assembleMapperGraph, requireLabels } from "./mapper-graph-from-clusters.js";
import type { MapperLens } from "./mapper-lens.js";
import { type MapperPoints, requireMapperPoints } from "./mapper-points.js";

/** Options of {@link mapper}, {@link mapperAsync} and {@link mapperSteps}. */
export interface MapperOptions {
  /** The lens: a spec or a computed lens; default `{ kind: "l2" }` (TopoAct's). */
  readonly lens?: LensSpec | MapperLens;
  /** The cover; default `{ kind: "uniform", intervals: 10, overlap: 0.3 }`. */
  readonly cover?: CoverSpec;
  /** The clustering of each cover element; default `{ kind: "dbscan", eps: 0.5, minSamples: 5 }`. */
  readonly cluster?: ClusterSpec;
  /** A class label per point (integers >= 0) for the label statistics of the nodes; default none. */
  readonly labels?: ArrayLike<number>;
  /** Names of the labels (label k is named `labelNames[k]`); default none. */
  readonly labelNames?: readonly string[];
  /** Highest nerve dimension: 1 for the graph, k >= 2 to list simplices up to dimension k; default 1. */
  readonly nerveDimension?: number;
  /** Also compute each node's mean of every coordinate (`node.means`); default false. */
  readonly nodeMeans?: boolean;
  /** Called with the progress of each stage (`lens`, `cover`, `cluster` per cover element, `nerve`, `statistics`); default none. */
  readonly onProgress?: (progress: Progress) => void;
  /** Cancels the computation between steps (the error is the signal's reason, or an AbortError); default none. */
  readonly signal?: { readonly aborted: boolean; readonly reason?: unknown };
}

/**
 * Mapper, step by step: a generator that yields a {@link Progress} after each
 * stage and after each cover element is clustered, and returns the graph.
 * The caller drives it (e.g. a Web Worker yielding to its event loop between
 * steps, or stopping early); {@link mapper} runs it to the end. `onProgress`
 * and `signal` in the options are not read here.
 *
 * Mapper (Singh, Mémoli & Carlsson, SPBG 2007): evaluate the lens, cover its
 * range, cluster the points of each cover element; each cluster is a node
 * (noise forms no node), and nodes sharing a point are joined.
 *
 * @param points - The points.
 * @param options - See {@link MapperOptions}.
 * @example
 * ```ts
 * const steps = mapperSteps(points, { cover: { kind: "uniform", intervals: 20, overlap: 0.3 } });
 * let step = steps.next();
 * while (!step.done) step = steps.next(); // step.value: a Progress
 * const graph = step.value;
 * ```
 */
export function* mapperSteps(
  points: MapperPoints,
  options: MapperOptions = {},
): Generator<Progress, MapperGraph, void> {
  const started = Date.now();
  const caller = "mapper";
  const o = requireOptions(`${caller}: options`, options);
  const checked = requireMapperPoints(caller, points);
  const { count } = checked;
  const labels = requireLabels(caller, o.labels, count);
  const labelNames = o.labelNames ?? null;
  if (
    labelNames !== null &&
    (!Array.isArray(labelNames) || labelNames.some((n) => typeof n !== "string"))
  ) {
    throw new TypeError(
      `${caller}: options.labelNames must be an array of strings; got ${describe(labelNames)}`,
    );
  }
  const nerveDimension = o.nerveDimension ?? 1;
  if (!Number.isSafeInteger(nerveDimension) || nerveDimension < 1) {
    throw new RangeError(
      `${caller}: options.nerveDimension must be an integer >= 1; got ${describe(nerveDimension)}`,
    );
  }
  const nodeMeans = o.nodeMeans ?? false;
  if (typeof nodeMeans !== "boolean") {
    throw new TypeError(
      `${caller}: options.nodeMeans must be a boolean; got ${describe(nodeMeans)}`,
    );
  }
  const clusterer = clustererFromSpec(
    caller,
    checked,
    o.cluster ?? { kind: "dbscan", eps: 0.5, minSamples: 5 },
  );

  yield { stage: "lens", done: 0, total: 1 };
  const lens = lensFromSpec(checked, o.lens ?? { kind: "l2" });
  yield { stage: "lens", done: 1, total: 1 };
  const cover = coverFromSpec(lens, o.cover ?? { kind: "uniform", intervals: 10, overlap: 0.3 });
  const elements = cover.elements;
  yield { stage: "cover", done: 1, total: 1 };

  const elementLabels: Int32Array[] = [];
  for (let e = 0; e < elements.length; e++) {
    elementLabels.push(clusterer.cluster(elements[e]!.members));
    yield { stage: "cluster", done: e + 1, total: elements.length };
  }
  yield { stage: "nerve", done: 0, total: 1 };
  const graph = assembleMapperGraph(checked, lens, cover, clusterer.parameters, elementLabels, {
    labels,
    labelNames,
    nerveDimension,
    nodeMeans,
    started,
  });
  yield { stage: "statistics", done: 1, total: 1 };
  return graph;
}
