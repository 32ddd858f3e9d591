import type { ClusterSpec, CoverSpec, MapperGraphJSON } from "@nettopo/core";
import type { PageLens } from "../../../src/mapper/page-parameters.js";

/** Page → worker: the data, once. */
export interface RecomputeInit {
  readonly type: "init";
  readonly rows: Float32Array;
  readonly dimension: number;
  readonly labels: Int32Array | null;
  readonly labelNames: string[] | null;
}

/** Page → worker: compute Mapper with these parameters (cancelling a run under way). */
export interface RecomputeRun {
  readonly type: "run";
  readonly id: number;
  readonly lens: PageLens;
  readonly cover: CoverSpec;
  readonly cluster: ClusterSpec;
}

/** Worker → page. */
export type RecomputeReply =
  | {
      readonly type: "progress";
      readonly id: number;
      readonly stage: string;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: "result"; readonly id: number; readonly graph: MapperGraphJSON }
  | { readonly type: "error"; readonly id: number; readonly message: string };
