/**
 * The worker thread of `nettopo ph`: runs the computation off the main thread
 * so that Ctrl-C (SIGINT) is handled at once. The main thread's abort is seen
 * through a shared flag read as the core's `signal.aborted`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type PhJob, runPhJob } from "./ph-job.js";

/** What the main thread sends: the job, the shared abort flag, whether to report progress. */
export interface PhWorkerData {
  readonly job: PhJob;
  readonly abortFlag: Int32Array;
  readonly progress: boolean;
}

/** A message of the worker to the main thread. */
export type PhWorkerMessage =
  | {
      readonly type: "progress";
      readonly stage: string;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: "result"; readonly diagram: import("@nettopo/core").PersistenceDiagram }
  | {
      readonly type: "error";
      readonly name: string;
      readonly message: string;
      readonly stack?: string;
    };

const port = parentPort!;
const { job, abortFlag, progress } = workerData as PhWorkerData;
const signal = {
  get aborted(): boolean {
    return Atomics.load(abortFlag, 0) !== 0;
  },
};
try {
  const diagram = runPhJob(job, {
    signal,
    ...(progress
      ? {
          onProgress: (p) =>
            port.postMessage({ type: "progress", stage: p.stage, done: p.done, total: p.total }),
        }
      : {}),
  });
  port.postMessage({ type: "result", diagram } satisfies PhWorkerMessage);
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  port.postMessage({
    type: "error",
    name: e.name,
    message: e.message,
    ...(e.stack ? { stack: e.stack } : {}),
  } satisfies PhWorkerMessage);
}
