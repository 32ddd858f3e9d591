import { formatBytes } from "../util/format-bytes.js";
import type { ActivationLayer, ActivationSink } from "./activation-sink.js";

/** 1 GiB: the default in-memory budget of {@link ActivationCollector}. */
export const DEFAULT_ACTIVATION_BUDGET_BYTES = 2 ** 30;

/** One layer's activations for all samples. */
export interface Activations extends ActivationLayer {
  /** The number of samples (rows). */
  readonly rows: number;
  /** `rows` x `columns` values, row-major: one row per sample. */
  readonly data: Float32Array;
}

/** Options of {@link ActivationCollector}. */
export interface ActivationCollectorOptions {
  /**
   * The most bytes the collected activations may take (4 bytes a value);
   * default {@link DEFAULT_ACTIVATION_BUDGET_BYTES} (1 GiB). Beyond it the
   * collector refuses at `begin`, before any large allocation.
   */
  readonly budgetBytes?: number;
}

/**
 * An {@link ActivationSink} that keeps everything in memory: one `rows` x
 * `columns` Float32Array per layer, allocated at `begin` (and refused there,
 * with a RangeError, when the total would pass the budget).
 *
 * @example
 * const collector = new ActivationCollector();
 * await extractActivations(model, input, ["fc1"], { sink: collector });
 * const { data, rows, columns } = collector.get("fc1");
 */
export class ActivationCollector implements ActivationSink {
  readonly #budget: number;
  readonly #layers = new Map<string, Activations>();

  constructor(options: ActivationCollectorOptions = {}) {
    const budget = options.budgetBytes ?? DEFAULT_ACTIVATION_BUDGET_BYTES;
    if (typeof budget !== "number" || !(budget >= 0)) {
      throw new RangeError(
        `ActivationCollector: options.budgetBytes must be a number >= 0; got ${String(budget)}`,
      );
    }
    this.#budget = budget;
  }

  /** Allocates the arrays; a RangeError when they would pass the budget. */
  begin(layers: readonly ActivationLayer[], count: number): void {
    const columns = layers.reduce((sum, layer) => sum + layer.columns, 0);
    const bytes = 4 * count * columns;
    if (bytes > this.#budget) {
      throw new RangeError(
        `the activations would take ${formatBytes(bytes)} (${count} samples x ${columns} values x 4 bytes), over the in-memory budget of ${formatBytes(this.#budget)}; stream them to a file, raise the budget or take fewer samples`,
      );
    }
    this.#layers.clear();
    for (const layer of layers) {
      this.#layers.set(layer.name, {
        ...layer,
        rows: count,
        data: new Float32Array(count * layer.columns),
      });
    }
  }

  onBatch(layer: string, rows: number, data: Float32Array, firstRow: number): void {
    const target = this.#layers.get(layer);
    if (!target)
      throw new RangeError(`ActivationCollector: no layer ${JSON.stringify(layer)} began`);
    target.data.set(data.subarray(0, rows * target.columns), firstRow * target.columns);
  }

  /** The activations of `layer` (a name as requested). */
  get(layer: string): Activations {
    const found = this.#layers.get(layer);
    if (!found) {
      throw new RangeError(
        `ActivationCollector: no activations of ${JSON.stringify(layer)}; it has ${[...this.#layers.keys()].map((k) => JSON.stringify(k)).join(", ") || "none"}`,
      );
    }
    return found;
  }

  /** Every layer's activations, in the requested order. */
  all(): readonly Activations[] {
    return [...this.#layers.values()];
  }
}
