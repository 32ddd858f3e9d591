/**
 * The worker thread of {@link mapperInWorkers} (internal): it clusters the
 * rows of one cover element at a time, sent with their cluster spec, and
 * posts the labels back (transferred).
 */
import { parentPort } from "node:worker_threads";
import { dbscan, singleLinkageGap } from "@nettopo/core";

const port = parentPort!;

port.on(
  "message",
  (message: {
    done?: boolean;
    element: number;
    count: number;
    dimension: number;
    coordinates: Float32Array | Float64Array;
    cluster:
      | { kind: "dbscan"; eps: number; minSamples: number }
      | { kind: "single-linkage"; relativeGap: number };
  }) => {
    if (message.done) {
      port.close(); // nothing left to do: the thread exits on its own
      return;
    }
    const { element, count, dimension, coordinates, cluster } = message;
    try {
      const points = { count, dimension, coordinates };
      const labels =
        cluster.kind === "dbscan"
          ? dbscan(points, { eps: cluster.eps, minSamples: cluster.minSamples })
          : singleLinkageGap(points, { relativeGap: cluster.relativeGap });
      port.postMessage({ element, labels }, [labels.buffer as ArrayBuffer]);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ element, error: { name: e.name, message: e.message } });
    }
  },
);
