import type { ClusterSpec, CoverSpec, MapperGraphJSON } from "@nettopo/core";
import type { PageLens } from "../../../src/mapper/page-parameters.js";
import type { RecomputeInit, RecomputeReply, RecomputeRun } from "./recompute-protocol.js";
import RecomputeWorker from "./recompute-worker.ts?worker&inline";

/** Mapper recomputed in its Web Worker from the page's activation rows. */
export class Recomputer {
  private readonly worker = new RecomputeWorker();
  private id = 0;
  private pending: {
    resolve: (graph: MapperGraphJSON | null) => void;
    reject: (error: Error) => void;
    progress: (stage: string, done: number, total: number) => void;
  } | null = null;

  constructor(
    rows: { readonly values: Float32Array; readonly dimension: number },
    labels: Int32Array | null,
    labelNames: readonly string[] | null,
  ) {
    const init: RecomputeInit = {
      type: "init",
      rows: rows.values,
      dimension: rows.dimension,
      labels,
      labelNames: labelNames === null ? null : [...labelNames],
    };
    this.worker.postMessage(init);
    this.worker.onmessage = (event: MessageEvent<RecomputeReply>) => {
      const reply = event.data;
      if (reply.id !== this.id || this.pending === null) return;
      if (reply.type === "progress") this.pending.progress(reply.stage, reply.done, reply.total);
      else if (reply.type === "result") this.pending.resolve(reply.graph);
      else this.pending.reject(new Error(reply.message));
    };
  }

  /**
   * Computes the graph; resolves null when a newer run replaced this one.
   */
  run(
    lens: PageLens,
    cover: CoverSpec,
    cluster: ClusterSpec,
    progress: (stage: string, done: number, total: number) => void,
  ): Promise<MapperGraphJSON | null> {
    this.pending?.resolve(null);
    this.id++;
    const message: RecomputeRun = { type: "run", id: this.id, lens, cover, cluster };
    this.worker.postMessage(message);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, progress };
    });
  }
}
