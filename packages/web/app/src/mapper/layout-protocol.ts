/** Messages between the page and the layout worker. */

/** Page → worker: lay out this graph (replacing any layout under way). */
export interface LayoutRequest {
  readonly type: "start";
  /** Tells the replies of one request from those of an earlier one. */
  readonly id: number;
  readonly radii: Float32Array;
  /** source, target of link e at [2e], [2e + 1]. */
  readonly links: Int32Array;
  /** Where to start, x, y per node (NaN: let the layout place it). */
  readonly initial: Float32Array;
}

/** Worker → page: the positions after some ticks. */
export interface LayoutProgress {
  readonly type: "tick";
  readonly id: number;
  /** x, y per node. */
  readonly positions: Float32Array;
  /** The simulation's alpha (it stops below 0.001). */
  readonly alpha: number;
  readonly done: boolean;
}
