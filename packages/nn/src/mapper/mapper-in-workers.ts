import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  coverFromSpec,
  dbscan,
  lensFromSpec,
  type MapperGraph,
  type MapperOptions,
  type MapperPoints,
  mapperAsync,
  mapperGraphFromClusters,
  type Progress,
  singleLinkageGap,
} from "@nettopo/core";

/** Options of {@link mapperInWorkers}: {@link MapperOptions} and the number of worker threads. */
export interface MapperInWorkersOptions extends MapperOptions {
  /** Worker threads clustering the cover elements; default the available cores; 0 or 1 runs core's mapperAsync in this thread. */
  readonly workers?: number;
}

/**
 * {@link mapper} with the cover elements clustered in parallel by worker
 * threads (Node.js), each taking the next element when free, largest first.
 * The graph is identical to core's `mapper` (the same functions run on the
 * same rows); only the wall time changes. The lens and the cover are
 * computed in this thread; each element's rows are copied to the worker
 * that clusters it. A given clustering (`cluster.kind "given"`) runs in this
 * thread.
 *
 * @param points - The points.
 * @param options - {@link MapperOptions}, and `workers` (default the available cores).
 * @returns The graph, with `seconds` the whole computation's wall time.
 * @throws As `mapper`; rejects with the signal's reason when aborted (the workers are terminated).
 * @example
 * ```ts
 * const graph = await mapperInWorkers(points, { cluster: { kind: "dbscan", eps: 1.8, minSamples: 10 } });
 * ```
 */
export async function mapperInWorkers(
  points: MapperPoints,
  options: MapperInWorkersOptions = {},
): Promise<MapperGraph> {
  const { workers: requested, ...mapperOptions } = options;
  const workers = requested ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 0) {
    throw new RangeError(
      `mapperInWorkers: options.workers must be an integer >= 0; got ${String(requested)}`,
    );
  }
  const cluster = mapperOptions.cluster ?? { kind: "dbscan", eps: 0.5, minSamples: 5 };
  if (workers <= 1 || cluster.kind === "given") return mapperAsync(points, mapperOptions);
  const started = Date.now();
  const { signal, onProgress } = mapperOptions;
  throwIfAborted(signal);
  // Check the points and the clustering's options up front (an empty clustering checks both).
  const empty = { indices: new Int32Array(0) };
  let parameters:
    | { kind: "dbscan"; eps: number; minSamples: number }
    | { kind: "single-linkage"; relativeGap: number };
  if (cluster.kind === "dbscan") {
    parameters = { kind: "dbscan", eps: cluster.eps ?? 0.5, minSamples: cluster.minSamples ?? 5 };
    dbscan(points, { ...parameters, ...empty });
  } else {
    parameters = { kind: "single-linkage", relativeGap: cluster.relativeGap ?? 0.3 };
    singleLinkageGap(points, { ...parameters, ...empty });
  }
  onProgress?.({ stage: "lens", done: 0, total: 1 });
  const lens = lensFromSpec(points, mapperOptions.lens ?? { kind: "l2" });
  onProgress?.({ stage: "lens", done: 1, total: 1 });
  const cover = coverFromSpec(
    lens,
    mapperOptions.cover ?? { kind: "uniform", intervals: 10, overlap: 0.3 },
  );
  onProgress?.({ stage: "cover", done: 1, total: 1 });
  throwIfAborted(signal);
  const elementLabels = await clusterInWorkers(
    points,
    cover.elements.map((e) => e.members),
    parameters,
    Math.min(workers, Math.max(1, cover.elements.length)),
    signal,
    onProgress,
  );
  onProgress?.({ stage: "nerve", done: 0, total: 1 });
  const graph = mapperGraphFromClusters(points, lens, cover, parameters, elementLabels, {
    ...(mapperOptions.labels === undefined ? {} : { labels: mapperOptions.labels }),
    ...(mapperOptions.labelNames === undefined ? {} : { labelNames: mapperOptions.labelNames }),
    ...(mapperOptions.nerveDimension === undefined
      ? {}
      : { nerveDimension: mapperOptions.nerveDimension }),
    ...(mapperOptions.nodeMeans === undefined ? {} : { nodeMeans: mapperOptions.nodeMeans }),
  });
  onProgress?.({ stage: "statistics", done: 1, total: 1 });
  return { ...graph, seconds: (Date.now() - started) / 1000 };
}

type AbortSignalLike = MapperOptions["signal"];

/** Clusters each element's rows in `count` workers, largest element first. */
function clusterInWorkers(
  points: MapperPoints,
  elements: readonly Int32Array[],
  cluster: object,
  count: number,
  signal: AbortSignalLike,
  onProgress: ((progress: Progress) => void) | undefined,
): Promise<Int32Array[]> {
  const { dimension, coordinates } = points;
  const order = elements
    .map((_, e) => e)
    .sort((a, b) => elements[b]!.length - elements[a]!.length || a - b);
  const results: Int32Array[] = new Array(elements.length);
  return new Promise((resolve, reject) => {
    if (elements.length === 0) {
      resolve(results);
      return;
    }
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const abortTarget = signal as unknown as EventTarget | undefined;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      abortTarget?.removeEventListener?.("abort", onAbort);
      // On success idle workers are let go, not terminated: Node 20 can abort
      // the process when a worker is terminated during a background compile.
      for (const worker of workers) {
        if (error === undefined) worker.postMessage({ done: true });
        else void worker.terminate();
      }
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const onAbort = () => finish(abortReason(signal));
    abortTarget?.addEventListener?.("abort", onAbort, { once: true });
    const give = (worker: Worker) => {
      if (next >= order.length) return;
      const element = order[next++]!;
      const members = elements[element]!;
      const rows =
        coordinates instanceof Float32Array
          ? new Float32Array(members.length * dimension)
          : new Float64Array(members.length * dimension);
      for (let k = 0; k < members.length; k++) {
        const base = members[k]! * dimension;
        rows.set(coordinates.subarray(base, base + dimension), k * dimension);
      }
      worker.postMessage(
        { element, count: members.length, dimension, coordinates: rows, cluster },
        [rows.buffer as ArrayBuffer],
      );
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(new URL("./mapper-worker.js", import.meta.url));
      workers.push(worker);
      worker.on(
        "message",
        (message: {
          element: number;
          labels?: Int32Array;
          error?: { name: string; message: string };
        }) => {
          if (settled) return;
          if (message.error) {
            const Kind =
              message.error.name === "RangeError"
                ? RangeError
                : message.error.name === "TypeError"
                  ? TypeError
                  : Error;
            finish(new Kind(message.error.message));
            return;
          }
          results[message.element] = message.labels!;
          done++;
          onProgress?.({ stage: "cluster", done, total: elements.length });
          if (done === elements.length) finish();
          else give(worker);
        },
      );
      worker.on("error", (error) => finish(error));
      worker.on("exit", (code) => {
        if (!settled)
          finish(
            new Error(`a mapper worker exited with code ${code} before its elements were done`),
          );
      });
      give(worker);
    }
  });
}

function abortReason(signal: AbortSignalLike): unknown {
  if (signal?.reason !== undefined) return signal.reason;
  const error = new Error("The operation was aborted");
  error.name = "AbortError";
  return error;
}

function throwIfAborted(signal: AbortSignalLike): void {
  if (signal?.aborted) throw abortReason(signal);
}
