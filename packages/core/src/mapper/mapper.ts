import {
  requireOptions,
  requireProgress,
  requireSignal,
  throwIfAborted,
} from "../metric/validate.js";
import type { MapperGraph } from "./mapper-graph.js";
import type { MapperPoints } from "./mapper-points.js";
import { type MapperOptions, mapperSteps } from "./mapper-steps.js";

/**
 * The Mapper graph of a point cloud (Singh, Mémoli & Carlsson, "Topological
 * Methods for the Analysis of High Dimensional Data Sets and 3D Object
 * Recognition", SPBG 2007), synchronously: lens, cover, clustering of each
 * cover element (each cluster a node; noise forms no node), nodes joined
 * when they share a point, per-node statistics. Defaults: the L2-norm lens
 * (TopoAct's), a uniform cover of 10 intervals with overlap 0.3, DBSCAN with
 * eps 0.5 and minSamples 5 (scikit-learn's). See {@link mapperAsync} for
 * the asynchronous form and {@link mapperSteps} for the step-wise one.
 *
 * @param points - The points: `{ count, dimension, coordinates }` (see {@link MapperPoints}).
 * @param options - See {@link MapperOptions}; `onProgress` is called after each step and `signal` checked between steps.
 * @returns The graph; {@link mapperGraphToJSON} turns it into node-link JSON.
 * @throws RangeError for bad options (eps <= 0, a NaN lens value, labels of the wrong length, an empty element of a given cover, ...), each in one line.
 * @example
 * ```ts
 * const points = pointCloud([[0, 0], [0.1, 0], [5, 5], [5.1, 5]]);
 * const graph = mapper(points, {
 *   lens: { kind: "coordinate", coordinates: [0] },
 *   cover: { kind: "uniform", intervals: 2, overlap: 0.2 },
 *   cluster: { kind: "dbscan", eps: 0.5, minSamples: 1 },
 * });
 * graph.nodes.map((node) => Array.from(node.members)); // [[0, 1], [2, 3]]
 * ```
 */
export function mapper(points: MapperPoints, options: MapperOptions = {}): MapperGraph {
  const o = requireOptions("mapper: options", options);
  const onProgress = requireProgress("mapper: options.onProgress", o.onProgress);
  const signal = requireSignal("mapper: options.signal", o.signal);
  throwIfAborted(signal);
  const steps = mapperSteps(points, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
    throwIfAborted(signal);
  }
}
