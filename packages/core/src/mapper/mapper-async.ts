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
 * {@link mapper}, asynchronously: between steps (each stage, each cover
 * element) it yields to the event loop with a zero-delay timer (a resolved
 * promise where there is no `setTimeout`), so a page or a Web Worker stays
 * responsive, shows `onProgress`, and can cancel through `signal` (the
 * promise then rejects with the signal's reason, or an AbortError).
 *
 * @param points - The points.
 * @param options - See {@link MapperOptions}.
 * @returns A promise of the graph.
 * @example
 * ```ts
 * const controller = new AbortController();
 * const graph = await mapperAsync(points, {
 *   onProgress: ({ stage, done, total }) => postMessage({ stage, done, total }),
 *   signal: controller.signal,
 * });
 * ```
 */
export async function mapperAsync(
  points: MapperPoints,
  options: MapperOptions = {},
): Promise<MapperGraph> {
  const o = requireOptions("mapper: options", options);
  const onProgress = requireProgress("mapper: options.onProgress", o.onProgress);
  const signal = requireSignal("mapper: options.signal", o.signal);
  throwIfAborted(signal);
  const steps = mapperSteps(points, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
    await nextTask();
    throwIfAborted(signal);
  }
}

/** Resolves on a later turn of the event loop. */
function nextTask(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown })
    .setTimeout;
  return new Promise((resolve) => {
    if (typeof timer === "function") timer(resolve, 0);
    else resolve();
  });
}
