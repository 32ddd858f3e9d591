import type { LayoutProgress, LayoutRequest } from "./layout-protocol.js";
import LayoutWorker from "./layout-worker.ts?worker&inline";

/** The force layout running in its Web Worker; `onPositions` gets each step's positions. */
export class ForceLayout {
  private readonly worker = new LayoutWorker();
  private id = 0;

  constructor(onPositions: (positions: Float32Array, done: boolean) => void) {
    this.worker.onmessage = (event: MessageEvent<LayoutProgress>) => {
      if (event.data.id === this.id) onPositions(event.data.positions, event.data.done);
    };
  }

  /** Lays out a graph (stopping the layout of the previous one). */
  start(radii: Float32Array, links: Int32Array, initial: Float32Array): void {
    this.id++;
    const request: LayoutRequest = { type: "start", id: this.id, radii, links, initial };
    this.worker.postMessage(request);
  }
}
