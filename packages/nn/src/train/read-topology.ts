import { join } from "node:path";
import type { NeuronBootstrapJson } from "../neurons/neuron-bootstrap-to-json.js";
import { describe } from "../validate.js";
import { readJsonLines } from "./metrics-log.js";
import type { NeuronMonitorParameters } from "./neuron-monitor-config.js";

/**
 * One line of a run's `topology.jsonl`: a snapshot of the neuron-topology
 * monitor (see `NeuronMonitorConfig`). `layers`, `repeats` and `summary`
 * are `neuronBootstrapToJson`'s, without the repeats' index lists.
 */
export interface TopologyRecord extends NeuronBootstrapJson {
  readonly kind: "neurons";
  /** Epochs done at the snapshot (`step / stepsPerEpoch`); 0 before training. */
  readonly epoch: number;
  /** Optimizer steps done (as `metrics.jsonl`'s `step`). */
  readonly step: number;
  readonly parameters: NeuronMonitorParameters;
  /** Wall seconds the snapshot's topology took (reading the activations, the bootstrap, the JSON). */
  readonly seconds: number;
}

/**
 * The name of the monitor's file in a run directory.
 *
 * @example
 * ```ts
 * existsSync(join(run, TOPOLOGY_FILE)); // whether the run was monitored
 * ```
 */
export const TOPOLOGY_FILE = "topology.jsonl";

/**
 * The snapshots of a run directory's `topology.jsonl`, in order; none when
 * the run has no monitor (no file). A last line cut short by a killed
 * process is ignored.
 *
 * @param runDirectory - A run directory (of `trainRun` or `nettopo train`).
 * @returns The records.
 * @throws RangeError for a line other than the last that is not JSON (a
 *   damaged file); the file system's errors.
 * @example
 * ```ts
 * for (const snapshot of await readTopology("runs/d4")) {
 *   console.log(snapshot.epoch, snapshot.summary.features["h1.count"]?.mean);
 * }
 * ```
 */
export async function readTopology(runDirectory: string): Promise<TopologyRecord[]> {
  if (typeof runDirectory !== "string" || runDirectory === "") {
    throw new TypeError(`readTopology: runDirectory must be a path; got ${describe(runDirectory)}`);
  }
  return readTopologyFile(join(runDirectory, TOPOLOGY_FILE));
}

/** {@link readTopology} of a file path (internal). */
export function readTopologyFile(path: string): Promise<TopologyRecord[]> {
  return readJsonLines<TopologyRecord>(path);
}
