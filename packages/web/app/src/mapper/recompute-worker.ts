/// <reference lib="webworker" />
import { type LensSpec, mapperAsync, mapperGraphToJSON } from "@nettopo/core";
import type { PageLens } from "../../../src/mapper/page-parameters.js";
import type { RecomputeInit, RecomputeReply, RecomputeRun } from "./recompute-protocol.js";

/**
 * Recomputes Mapper in the page with @nettopo/core (the same code as the
 * CLI), off the page's thread; a new run cancels the one under way through
 * mapperAsync's signal, checked between cover elements.
 */

let data: RecomputeInit | null = null;
let running: AbortController | null = null;

const send = (reply: RecomputeReply) => self.postMessage(reply);

function lensSpec(lens: PageLens): LensSpec {
  if (lens === "pca" || lens === "pca2") {
    return { kind: "pca", components: lens === "pca" ? 1 : 2, seed: 0 };
  }
  return { kind: lens };
}

self.onmessage = async (event: MessageEvent<RecomputeInit | RecomputeRun>) => {
  const message = event.data;
  if (message.type === "init") {
    data = message;
    return;
  }
  if (data === null) {
    send({ type: "error", id: message.id, message: "no activation rows to compute from" });
    return;
  }
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const { rows, dimension, labels, labelNames } = data;
  try {
    const graph = await mapperAsync(
      { count: rows.length / dimension, dimension, coordinates: rows },
      {
        lens: lensSpec(message.lens),
        cover: message.cover,
        cluster: message.cluster,
        ...(labels === null ? {} : { labels }),
        ...(labelNames === null ? {} : { labelNames }),
        nodeMeans: true,
        signal: controller.signal,
        onProgress: ({ stage, done, total }) =>
          send({ type: "progress", id: message.id, stage, done, total }),
      },
    );
    send({ type: "result", id: message.id, graph: mapperGraphToJSON(graph) });
  } catch (error) {
    if (controller.signal.aborted) return;
    send({ type: "error", id: message.id, message: (error as Error).message });
  }
};
