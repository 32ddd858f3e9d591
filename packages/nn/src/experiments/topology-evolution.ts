import type { TopologyRecord } from "../train/read-topology.js";
import { describe, requireOptions } from "../validate.js";

/** Mean and sample standard deviation over the bootstrap repeats. */
export interface MeanStd {
  readonly mean: number;
  readonly std: number;
}

/** One snapshot's H_k summary in {@link topologyEvolution}. */
export interface DimensionSummary {
  readonly dim: number;
  /** Finite bars (the `hK.count` feature: essential classes left out), over the repeats. */
  readonly bars: MeanStd;
  /** Total persistence, the sum of the finite bars' lifetimes (`hK.count * hK.lifetime.mean`), over the repeats. */
  readonly totalPersistence: MeanStd;
}

/** One snapshot's row in {@link topologyEvolution}. */
export interface TopologyEvolutionPoint {
  readonly epoch: number;
  readonly step: number;
  /** One entry per dimension 0..dim. */
  readonly dimensions: readonly DimensionSummary[];
}

/** Options of {@link topologyEvolution}. */
export interface TopologyEvolutionOptions {
  /**
   * The epochs to describe: for each, the snapshot nearest to it (the
   * earlier on a tie). Default: the first snapshot, the one nearest the
   * middle of the last epoch, and the last.
   */
  readonly epochs?: readonly number[];
}

/**
 * How the neuron topology of a monitored run evolves: for chosen snapshots
 * of its `topology.jsonl` (see `readTopology`), the number of finite bars
 * and the total persistence of each homology dimension, mean and standard
 * deviation over the bootstrap repeats.
 *
 * @param records - The snapshots, in order (e.g. `await readTopology(run)`).
 * @param options - `epochs` (default: first, middle, last).
 * @returns One point per chosen snapshot (a snapshot chosen twice appears once), in order.
 * @throws TypeError for records that are not snapshots; RangeError for none.
 * @example
 * ```ts
 * const [start, , end] = topologyEvolution(await readTopology("runs/disk4/4-64-64-2"));
 * end.dimensions[1].bars.mean - start.dimensions[1].bars.mean; // how H1 changed
 * ```
 */
export function topologyEvolution(
  records: readonly TopologyRecord[],
  options?: TopologyEvolutionOptions,
): TopologyEvolutionPoint[] {
  if (!Array.isArray(records as unknown) || records.some((r) => r?.kind !== "neurons")) {
    throw new TypeError(
      `topologyEvolution: records must be topology.jsonl snapshots (readTopology); got ${describe(records)}`,
    );
  }
  if (records.length === 0) {
    throw new RangeError("topologyEvolution: there are no snapshots (was the run monitored?)");
  }
  const opts = requireOptions("topologyEvolution: options", options);
  const last = records.at(-1)!;
  const epochs = opts.epochs ?? [records[0]!.epoch, last.epoch / 2, last.epoch];
  const chosen = new Set<number>();
  for (const epoch of epochs) {
    if (typeof epoch !== "number" || Number.isNaN(epoch)) {
      throw new TypeError(
        `topologyEvolution: options.epochs must hold numbers; got ${describe(epoch)}`,
      );
    }
    let best = 0;
    for (let k = 1; k < records.length; k++) {
      if (Math.abs(records[k]!.epoch - epoch) < Math.abs(records[best]!.epoch - epoch)) best = k;
    }
    chosen.add(best);
  }
  return [...chosen]
    .sort((a, b) => a - b)
    .map((k) => {
      const record = records[k]!;
      return {
        epoch: record.epoch,
        step: record.step,
        dimensions: Array.from({ length: record.parameters.dim + 1 }, (_, dim) => {
          const bars = record.repeats.map((r) => r.features[`h${dim}.count`] ?? 0);
          const totals = record.repeats.map((r, i) =>
            bars[i] === 0 ? 0 : bars[i]! * (r.features[`h${dim}.lifetime.mean`] ?? 0),
          );
          return { dim, bars: meanStd(bars), totalPersistence: meanStd(totals) };
        }),
      };
    });
}

function meanStd(values: readonly number[]): MeanStd {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n < 2 ? 0 : values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, std: Math.sqrt(variance) };
}
