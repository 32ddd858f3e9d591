/**
 * The worker thread of {@link bootstrapNeuronPersistence} (internal): it
 * receives the layers (in shared memory) and the settings once, then
 * computes what it is sent, one at a time: a band of rows of the shared
 * correlations of all the neurons (from activations the calling thread
 * standardized once, in shared memory), or a repeat, whose result it posts back
 * (a copy: diagrams are small).
 */
import { parentPort, workerData } from "node:worker_threads";
import {
  type LayerActivations,
  type NeuronCorrelations,
  neuronCorrelations,
  type StandardizedNeurons,
} from "@nettopo/core";
import { type RepeatSettings, runRepeat } from "./neuron-repeat.js";

const { layers, settings, correlations } = workerData as {
  layers: LayerActivations[];
  settings: RepeatSettings;
  correlations: NeuronCorrelations | undefined;
};
const port = parentPort!;

port.on(
  "message",
  (message: {
    repeat?: number;
    band?: [number, number];
    standardized?: StandardizedNeurons;
    done?: boolean;
  }) => {
    const { repeat, band, standardized, done } = message;
    if (done) {
      port.close(); // nothing left to do: the thread exits on its own
      return;
    }
    if (band !== undefined) {
      try {
        neuronCorrelations(layers, {
          rows: band,
          into: correlations!.values,
          ...(standardized === undefined ? {} : { standardized }),
          ...(settings.memoryBudgetBytes === undefined
            ? {}
            : { memoryBudgetBytes: settings.memoryBudgetBytes }),
        });
        port.postMessage({ band: true });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ band: true, error: { name: e.name, message: e.message } });
      }
      return;
    }
    try {
      const result = runRepeat(layers, settings, repeat!, correlations);
      port.postMessage({ repeat, result });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ repeat, error: { name: e.name, message: e.message } });
    }
  },
);
