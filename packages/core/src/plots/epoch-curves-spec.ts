import { describe } from "../metric/validate.js";
import { layeredChartSpec } from "./layered-chart-spec.js";
import { type PlotOptions, resolvePlotOptions } from "./plot-options.js";
import { PLOT_PALETTE } from "./plot-palette.js";
import { requireText } from "./spec-inputs.js";
import type { VegaLiteSpec } from "./vega-lite-spec.js";

/**
 * One curve over training of {@link epochCurvesSpec}: a quantity of one run
 * (`run`), measured on one split or variant (`split`, e.g. "train" or
 * "test"), at the epochs `epochs` (`values[i]` at `epochs[i]`; NaN for a
 * missing value). `lower`/`upper`, given together, bound a band (e.g. the
 * mean ± one standard deviation of a feature over bootstrap repeats).
 */
export interface EpochSeries {
  readonly run: string;
  /** The split or variant; default `""` (one curve per run). */
  readonly split?: string;
  readonly epochs: Float64Array;
  readonly values: Float64Array;
  readonly lower?: Float64Array;
  readonly upper?: Float64Array;
}

/** Options of {@link epochCurvesSpec}. */
export interface EpochCurvesSpecOptions extends PlotOptions {
  /** The title; default "" (none). */
  readonly title?: string;
  /** Width of the plotting area in pixels; default 420. */
  readonly width?: number;
  /** Height of the plotting area in pixels; default 240. */
  readonly height?: number;
  /** Title of the y axis; default "Value". */
  readonly yTitle?: string;
  /** Title of the x axis; default "Epoch". */
  readonly xTitle?: string;
  /** The y axis range `[min, max]`, e.g. `[0, 1]` for an accuracy; default: fitted to the data. */
  readonly yDomain?: readonly [number, number];
  /**
   * The runs in colour order: run k is drawn in `PLOT_PALETTE[k % 8]`, so a
   * run has the same colour in every chart even when some charts lack it;
   * default: the runs of `series` in order of appearance.
   */
  readonly runs?: readonly string[];
  /** Format of the y values in tooltips (d3-format); default ".4~g". */
  readonly format?: string;
  /**
   * Whether a legend of the runs is drawn (when there are several); default
   * true. A page that shows the run colours once for many charts turns it off.
   */
  readonly runLegend?: boolean;
}

/** Dash patterns of the splits, in order of appearance: solid, dashed, dotted, dash-dot. */
const SPLIT_DASHES: readonly (readonly number[])[] = [
  [1, 0],
  [6, 4],
  [2, 3],
  [8, 3, 2, 3],
];

/**
 * A Vega-Lite spec of quantities over training epochs for one or several
 * runs: accuracy, loss or generalization gap per epoch (train solid, test
 * dashed), or a topological feature with its bootstrap band. One colour per
 * run (the colours of {@link PLOT_PALETTE}, in the order of `options.runs`),
 * one dash pattern per split (solid for the first split named, then dashed,
 * dotted, dash-dot), a point at every measurement, a translucent band between
 * `lower` and `upper` where a series has them, and legends for the runs and
 * the splits when there are several. A tooltip gives run, split, epoch, value
 * and band.
 *
 * The data are inline, one row per series and epoch with full precision:
 * `{run, split, epoch, value}` (`value: null` for NaN), plus `lower` and
 * `upper` for a banded series.
 *
 * @param series - The {@link EpochSeries}, at least one; each (run, split)
 *   pair at most once.
 * @param options - {@link EpochCurvesSpecOptions}: title (""), width (420),
 *   height (240), yTitle ("Value"), xTitle ("Epoch"), yDomain (fitted), runs
 *   (in order of appearance), format (".4~g"), runLegend (true).
 * @returns A plain-JSON Vega-Lite spec ({@link VegaLiteSpec}).
 * @throws TypeError for a wrong kind of series or option; RangeError for
 *   arrays of different lengths, non-finite epochs, a band with lower > upper
 *   or a non-finite bound, a repeated (run, split), or a run missing from
 *   `options.runs`.
 * @example
 * ```ts
 * const epochs = new Float64Array([0, 1, 2]);
 * const spec = epochCurvesSpec(
 *   [
 *     { run: "mlp", split: "train", epochs, values: new Float64Array([0.5, 0.8, 0.9]) },
 *     { run: "mlp", split: "test", epochs, values: new Float64Array([0.5, 0.7, 0.75]) },
 *   ],
 *   { yTitle: "Accuracy", yDomain: [0, 1] },
 * );
 * ```
 */
export function epochCurvesSpec(
  series: readonly EpochSeries[],
  options?: EpochCurvesSpecOptions,
): VegaLiteSpec {
  const caller = "epochCurvesSpec";
  const { options: checked, plot } = resolvePlotOptions(caller, options, {
    title: "",
    width: 420,
    height: 240,
  });
  const yTitle = requireText(caller, "yTitle", checked.yTitle, "Value");
  const xTitle = requireText(caller, "xTitle", checked.xTitle, "Epoch");
  const format = requireText(caller, "format", checked.format, ".4~g");
  const yDomain = requireDomain(caller, checked.yDomain);
  const runLegend = checked.runLegend ?? true;
  if (typeof runLegend !== "boolean") {
    throw new TypeError(
      `${caller}: options.runLegend must be a boolean; got ${describe(runLegend)}`,
    );
  }
  if (!Array.isArray(series) || series.length === 0) {
    throw new TypeError(
      `${caller}: series must be a non-empty array of {run, epochs, values}; got ${describe(series)}`,
    );
  }

  const runs: string[] = [];
  const splits: string[] = [];
  const seen = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  let banded = false;
  series.forEach((entry: EpochSeries, s) => {
    const at = `${caller}: series[${s}]`;
    if (typeof entry !== "object" || entry === null) {
      throw new TypeError(`${at} must be {run, epochs, values}; got ${describe(entry)}`);
    }
    const { run, epochs, values, lower, upper } = entry;
    const split = entry.split ?? "";
    if (typeof run !== "string" || run === "") {
      throw new TypeError(`${at}.run must be a non-empty string; got ${describe(run)}`);
    }
    if (typeof split !== "string") {
      throw new TypeError(`${at}.split must be a string; got ${describe(split)}`);
    }
    const key = JSON.stringify([run, split]);
    if (seen.has(key)) {
      throw new RangeError(
        `${at}: run ${describe(run)} with split ${describe(split)} appears twice; each pair must be unique`,
      );
    }
    seen.add(key);
    if (!runs.includes(run)) runs.push(run);
    if (!splits.includes(split)) splits.push(split);
    requireFloat64(`${at}.epochs`, epochs);
    for (let i = 0; i < epochs.length; i += 1) {
      if (!Number.isFinite(epochs[i])) {
        throw new RangeError(`${at}.epochs[${i}] must be finite; got ${describe(epochs[i])}`);
      }
    }
    requireLength(`${at}.values`, values, epochs.length);
    if ((lower === undefined) !== (upper === undefined)) {
      throw new TypeError(`${at} must have both lower and upper, or neither`);
    }
    if (lower !== undefined && upper !== undefined) {
      requireLength(`${at}.lower`, lower, epochs.length);
      requireLength(`${at}.upper`, upper, epochs.length);
      for (let i = 0; i < epochs.length; i += 1) {
        const low = lower[i]!;
        const high = upper[i]!;
        const missing = Number.isNaN(low) && Number.isNaN(high);
        if (!missing && !(Number.isFinite(low) && Number.isFinite(high) && low <= high)) {
          throw new RangeError(
            `${at}: the band at epoch ${epochs[i]} must be finite with lower <= upper (or both NaN); got [${low}, ${high}]`,
          );
        }
      }
      banded = true;
    }
    for (let i = 0; i < epochs.length; i += 1) {
      const value = values[i]!;
      const row: Record<string, unknown> = {
        run,
        split,
        epoch: epochs[i],
        value: Number.isFinite(value) ? value : null,
      };
      if (lower !== undefined && upper !== undefined) {
        row.lower = Number.isNaN(lower[i]!) ? null : lower[i];
        row.upper = Number.isNaN(upper[i]!) ? null : upper[i];
      }
      rows.push(row);
    }
  });

  const order = requireRuns(caller, checked.runs, runs);
  const colorDomain = order.filter((run) => runs.includes(run));
  const color = {
    field: "run",
    type: "nominal",
    scale: {
      domain: colorDomain,
      range: colorDomain.map((run) => PLOT_PALETTE[order.indexOf(run) % PLOT_PALETTE.length]),
    },
    legend:
      runs.length > 1 && runLegend
        ? {
            title: "Run",
            orient: "bottom",
            symbolType: "stroke",
            symbolStrokeWidth: 3,
            // Opaque symbols, although the band layer shares the legend.
            symbolOpacity: 1,
          }
        : null,
  };
  const strokeDash = {
    field: "split",
    type: "nominal",
    scale: { domain: splits, range: splits.map((_, k) => SPLIT_DASHES[k % SPLIT_DASHES.length]) },
    legend:
      splits.length > 1
        ? { title: null, orient: "bottom", symbolType: "stroke", symbolStrokeWidth: 2 }
        : null,
  };
  const x = {
    field: "epoch",
    type: "quantitative",
    scale: { nice: false, zero: false },
    axis: { title: xTitle, grid: true, tickMinStep: 1, format: "~g" },
  };
  const yScale: Record<string, unknown> = { zero: false };
  if (yDomain !== undefined) {
    yScale.domain = [...yDomain];
    yScale.nice = false;
  }
  const y = { field: "value", type: "quantitative", scale: yScale, axis: { title: yTitle } };
  const tooltip: Record<string, unknown>[] = [{ field: "run", type: "nominal", title: "Run" }];
  if (splits.length > 1 || splits[0] !== "") {
    tooltip.push({ field: "split", type: "nominal", title: "Split" });
  }
  tooltip.push(
    { field: "epoch", type: "quantitative", title: xTitle, format: ".4~g" },
    { field: "value", type: "quantitative", title: yTitle === "" ? "Value" : yTitle, format },
  );
  if (banded) {
    tooltip.push(
      { field: "lower", type: "quantitative", title: "Band from", format },
      { field: "upper", type: "quantitative", title: "Band to", format },
    );
  }

  const layers: Record<string, unknown>[] = [];
  if (banded) {
    layers.push({
      transform: [{ filter: "isValid(datum.lower) && isValid(datum.upper)" }],
      mark: { type: "area", opacity: 0.18, aria: false },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", scale: yScale, axis: { title: yTitle } },
        y2: { field: "upper" },
        color,
        detail: { field: "split", type: "nominal" },
      },
    });
  }
  layers.push({
    mark: { type: "line", strokeWidth: 2, aria: false },
    encoding: { x, y, color, strokeDash },
  });
  layers.push({
    transform: [{ filter: "isValid(datum.value)" }],
    mark: { type: "point", filled: true, size: 22, opacity: 0.9 },
    encoding: { x, y, color, detail: { field: "split", type: "nominal" }, tooltip },
  });
  return layeredChartSpec(
    plot,
    `${yTitle} over ${xTitle.toLowerCase()}s for ${runs.length} run${runs.length === 1 ? "" : "s"}`,
    rows,
    layers,
  );
}

function requireDomain(caller: string, value: unknown): readonly [number, number] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== "number" ||
    typeof value[1] !== "number"
  ) {
    throw new TypeError(`${caller}: options.yDomain must be [min, max]; got ${describe(value)}`);
  }
  const [min, max] = value as [number, number];
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw new RangeError(
      `${caller}: options.yDomain must be finite with min < max; got [${min}, ${max}]`,
    );
  }
  return [min, max];
}

function requireRuns(caller: string, value: unknown, present: readonly string[]): string[] {
  if (value === undefined) return [...present];
  if (!Array.isArray(value) || !value.every((run) => typeof run === "string")) {
    throw new TypeError(
      `${caller}: options.runs must be an array of run names; got ${describe(value)}`,
    );
  }
  for (const run of present) {
    if (!value.includes(run)) {
      throw new RangeError(
        `${caller}: run ${describe(run)} of the series is missing from options.runs (${value.length} runs)`,
      );
    }
  }
  return value as string[];
}

function requireFloat64(name: string, values: unknown): asserts values is Float64Array {
  if (!(values instanceof Float64Array)) {
    throw new TypeError(`${name} must be a Float64Array; got ${describe(values)}`);
  }
}

function requireLength(name: string, values: unknown, length: number): void {
  requireFloat64(name, values);
  if (values.length !== length) {
    throw new RangeError(
      `${name} has ${values.length} values but epochs has ${length}; they must match`,
    );
  }
}
