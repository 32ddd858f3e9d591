import { describe } from "../metric/validate.js";
import { layeredChartSpec } from "./layered-chart-spec.js";
import { type PlotOptions, resolvePlotOptions } from "./plot-options.js";
import { requireFinite, requireSampled, requireText } from "./spec-inputs.js";
import type { VegaLiteSpec } from "./vega-lite-spec.js";

/**
 * The Betti curve of one homological dimension at one moment of training:
 * `values[i]` (e.g. the mean over bootstrap repeats) at filtration value
 * `grid[i]`; `lower`/`upper`, given together, bound its confidence band.
 * Each epoch may have its own grid.
 */
export interface EpochBettiCurve {
  readonly epoch: number;
  readonly grid: Float64Array;
  readonly values: Float64Array;
  readonly lower?: Float64Array;
  readonly upper?: Float64Array;
}

/** Options of {@link bettiCurvesByEpochSpec}. */
export interface BettiCurvesByEpochSpecOptions extends PlotOptions {
  /** The title; default "" (none). */
  readonly title?: string;
  /** Width of the plotting area in pixels; default 420. */
  readonly width?: number;
  /** Height of the plotting area in pixels; default 260. */
  readonly height?: number;
  /** Title of the x axis; default "Filtration value". */
  readonly xTitle?: string;
  /** Title of the y axis; default "Betti number". */
  readonly yTitle?: string;
  /**
   * An epoch of the curves to emphasise (drawn thick and dark, with its band;
   * the others thin and lighter, without bands); default none: every curve
   * alike, each with its band.
   */
  readonly highlightEpoch?: number;
}

/**
 * A Vega-Lite spec of Betti curves over training, as Corneanu et al. draw
 * them: one curve per epoch on the same axes, coloured by epoch on the
 * viridis scale (dark purple early, green-yellow late; a colour-bar legend
 * "Epoch"), drawn as steps (a Betti number holds until the next grid point),
 * each with a translucent confidence band where it has one (e.g. over
 * bootstrap repeats of the neuron sampling). With `highlightEpoch`, that
 * epoch's curve and band stand out and the others recede. A tooltip gives
 * epoch, filtration value, Betti number and band.
 *
 * The data are inline, one row per epoch and grid point with full precision:
 * `{epoch, x, y}`, plus `lower` and `upper` for a banded curve.
 *
 * @param curves - The {@link EpochBettiCurve}s, at least one, distinct epochs.
 * @param options - {@link BettiCurvesByEpochSpecOptions}: title (""), width
 *   (420), height (260), xTitle ("Filtration value"), yTitle ("Betti
 *   number"), highlightEpoch (none).
 * @returns A plain-JSON Vega-Lite spec ({@link VegaLiteSpec}).
 * @throws TypeError for a wrong kind of curve or option; RangeError for a
 *   repeated or non-finite epoch, arrays of different lengths, non-finite
 *   values, a decreasing grid, a band with lower > upper, or a highlighted
 *   epoch that no curve has.
 * @example
 * ```ts
 * const grid = new Float64Array([0, 0.5, 1]);
 * const spec = bettiCurvesByEpochSpec([
 *   { epoch: 0, grid, values: new Float64Array([3, 1, 1]) },
 *   { epoch: 5, grid, values: new Float64Array([3, 2, 1]) },
 * ], { title: "H0" });
 * ```
 * @see C. A. Corneanu, M. Madadi, S. Escalera and A. M. Martinez, "What does
 *   it mean to learn in deep networks? And, how does one detect adversarial
 *   attacks?", CVPR 2019 (Betti curves of the neurons' functional graph per
 *   epoch).
 */
export function bettiCurvesByEpochSpec(
  curves: readonly EpochBettiCurve[],
  options?: BettiCurvesByEpochSpecOptions,
): VegaLiteSpec {
  const caller = "bettiCurvesByEpochSpec";
  const { options: checked, plot } = resolvePlotOptions(caller, options, {
    title: "",
    width: 420,
    height: 260,
  });
  const xTitle = requireText(caller, "xTitle", checked.xTitle, "Filtration value");
  const yTitle = requireText(caller, "yTitle", checked.yTitle, "Betti number");
  const highlight = checked.highlightEpoch;
  if (highlight !== undefined && (typeof highlight !== "number" || !Number.isFinite(highlight))) {
    throw new TypeError(
      `${caller}: options.highlightEpoch must be a finite number; got ${describe(highlight)}`,
    );
  }
  if (!Array.isArray(curves) || curves.length === 0) {
    throw new TypeError(
      `${caller}: curves must be a non-empty array of {epoch, grid, values}; got ${describe(curves)}`,
    );
  }

  const epochs: number[] = [];
  const rows: Record<string, unknown>[] = [];
  let banded = false;
  curves.forEach((curve: EpochBettiCurve, c) => {
    const at = `${caller}: curves[${c}]`;
    if (typeof curve !== "object" || curve === null) {
      throw new TypeError(`${at} must be {epoch, grid, values}; got ${describe(curve)}`);
    }
    const { epoch, grid, values, lower, upper } = curve;
    if (typeof epoch !== "number" || !Number.isFinite(epoch)) {
      throw new RangeError(`${at}.epoch must be a finite number; got ${describe(epoch)}`);
    }
    if (epochs.includes(epoch)) {
      throw new RangeError(`${at}: epoch ${epoch} appears twice; epochs must differ`);
    }
    epochs.push(epoch);
    requireFinite(`${at}.grid`, grid);
    if (grid.length === 0) throw new RangeError(`${at}.grid is empty`);
    for (let i = 1; i < grid.length; i += 1) {
      if (grid[i]! < grid[i - 1]!) {
        throw new RangeError(
          `${at}.grid must not decrease; grid[${i}] = ${grid[i]} < grid[${i - 1}] = ${grid[i - 1]}`,
        );
      }
    }
    requireSampled(`${at}.values`, values, grid.length);
    if ((lower === undefined) !== (upper === undefined)) {
      throw new TypeError(`${at} must have both lower and upper, or neither`);
    }
    const hasBand = lower !== undefined && upper !== undefined;
    if (hasBand) {
      requireSampled(`${at}.lower`, lower, grid.length);
      requireSampled(`${at}.upper`, upper, grid.length);
      for (let i = 0; i < grid.length; i += 1) {
        if (lower[i]! > upper[i]!) {
          throw new RangeError(
            `${at}: lower[${i}] = ${lower[i]} is above upper[${i}] = ${upper[i]}`,
          );
        }
      }
      banded = true;
    }
    for (let i = 0; i < grid.length; i += 1) {
      const row: Record<string, unknown> = { epoch, x: grid[i], y: values[i] };
      if (hasBand) {
        row.lower = lower[i];
        row.upper = upper[i];
      }
      rows.push(row);
    }
  });
  if (highlight !== undefined && !epochs.includes(highlight)) {
    throw new RangeError(
      `${caller}: options.highlightEpoch ${highlight} is not the epoch of any curve (${epochs.join(", ")})`,
    );
  }

  const low = Math.min(...epochs);
  const high = Math.max(...epochs);
  const color = {
    field: "epoch",
    type: "quantitative",
    // The last tenth of viridis (pale yellow) is hard to see on white.
    scale: {
      scheme: { name: "viridis", extent: [0, 0.88] },
      domain: low === high ? [low - 1, high] : [low, high],
    },
    legend: {
      title: "Epoch",
      type: "gradient",
      // Opaque, although the translucent band layer shares the legend.
      gradientOpacity: 1,
      gradientLength: Math.max(60, Math.min(plot.height - 20, 200)),
      format: ".4~r",
    },
  };
  const x = {
    field: "x",
    type: "quantitative",
    scale: { zero: false, nice: false },
    axis: { title: xTitle, grid: true },
  };
  const tooltip = [
    { field: "epoch", type: "quantitative", title: "Epoch", format: ".4~r" },
    { field: "x", type: "quantitative", title: xTitle, format: ".4~g" },
    { field: "y", type: "quantitative", title: yTitle, format: ".4~g" },
    ...(banded
      ? [
          { field: "lower", type: "quantitative", title: "Band from", format: ".4~g" },
          { field: "upper", type: "quantitative", title: "Band to", format: ".4~g" },
        ]
      : []),
  ];
  const isHighlighted = highlight === undefined ? "true" : `datum.epoch === ${highlight}`;
  const layers: Record<string, unknown>[] = [];
  if (banded) {
    layers.push({
      transform: [{ filter: `isValid(datum.lower) && ${isHighlighted}` }],
      mark: {
        type: "area",
        interpolate: "step-after",
        opacity: highlight === undefined ? 0.12 : 0.28,
        aria: false,
      },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", axis: { title: yTitle } },
        y2: { field: "upper" },
        color,
        detail: { field: "epoch", type: "quantitative" },
      },
    });
  }
  const line = (filter: string | null, width: number, opacity: number, withTooltip: boolean) => ({
    ...(filter === null ? {} : { transform: [{ filter }] }),
    mark: { type: "line", interpolate: "step-after", strokeWidth: width, opacity },
    encoding: {
      x,
      y: { field: "y", type: "quantitative", axis: { title: yTitle } },
      color,
      detail: { field: "epoch", type: "quantitative" },
      order: { field: "x", type: "quantitative" },
      ...(withTooltip ? { tooltip } : {}),
    },
  });
  if (highlight === undefined) {
    layers.push(line(null, 1.8, 0.9, true));
  } else {
    layers.push(line(`datum.epoch !== ${highlight}`, 1.2, 0.45, true));
    // The highlighted curve: its colour over a black outline, so it reads on any colour.
    const outline = line(`datum.epoch === ${highlight}`, 3.6, 1, false);
    const { color: _color, ...plain } = outline.encoding;
    layers.push({ ...outline, mark: { ...outline.mark, color: "#111111" }, encoding: plain });
    layers.push(line(`datum.epoch === ${highlight}`, 2, 1, true));
  }
  return layeredChartSpec(
    plot,
    `Betti curves of ${epochs.length} epoch${epochs.length === 1 ? "" : "s"} (${low} to ${high})`,
    rows,
    layers,
  );
}
