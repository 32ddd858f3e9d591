import { describe } from "../metric/validate.js";
import { layeredChartSpec } from "./layered-chart-spec.js";
import { type PlotOptions, resolvePlotOptions } from "./plot-options.js";
import { PLOT_PALETTE } from "./plot-palette.js";
import { requireFinite, requireSampled, requireText } from "./spec-inputs.js";
import type { VegaLiteSpec } from "./vega-lite-spec.js";

/**
 * One curve of {@link Curves}: `values[i]` is its value at `grid[i]`;
 * `lower`/`upper`, given together, bound a band drawn around it (e.g. a
 * bootstrap confidence band of an averaged curve).
 */
export interface CurveSeries {
  readonly label: string;
  readonly values: Float64Array;
  readonly lower?: Float64Array;
  readonly upper?: Float64Array;
}

/** Curves sampled on one grid: Betti curves, persistence landscapes, silhouettes. */
export interface Curves {
  /** The sample points, finite and non-decreasing. */
  readonly grid: Float64Array;
  /** One entry per curve (landscape layers, diagrams, ...), distinct labels. */
  readonly series: readonly CurveSeries[];
}

/** Options of {@link curvesSpec}. */
export interface CurvesSpecOptions extends PlotOptions {
  /** The title; default "" (none). */
  readonly title?: string;
  /** Width of the plotting area in pixels; default 480. */
  readonly width?: number;
  /** Height of the plotting area in pixels; default 300. */
  readonly height?: number;
  /** Title of the x axis; default "Filtration value". */
  readonly xTitle?: string;
  /** Title of the y axis, e.g. "Betti number"; default "Value". */
  readonly yTitle?: string;
  /** Title of the legend of the series; default "" (none). */
  readonly seriesTitle?: string;
  /**
   * How the curve joins its samples: "linear", or "step-after" for a
   * piecewise-constant curve such as a Betti curve (each value holds until the
   * next grid point); default "linear".
   */
  readonly interpolate?: "linear" | "step-after";
}

/**
 * A Vega-Lite spec of curves sampled on a grid (Betti curves, persistence
 * landscapes, silhouettes): one line per series, coloured by series (the
 * colours of {@link PLOT_PALETTE} up to 8 series, then the viridis scheme), a
 * translucent band between `lower` and `upper` where a series has them, and
 * a legend when there are several series.
 *
 * The data are inline, one row per series and grid point with full
 * precision: `{series, x, y}`, plus `lower` and `upper` for a banded series.
 *
 * @param curves - {@link Curves}: the grid and the series.
 * @param options - {@link CurvesSpecOptions}: title (""), width (480), height
 *   (300), xTitle ("Filtration value"), yTitle ("Value"), seriesTitle (""),
 *   interpolate ("linear").
 * @returns A plain-JSON Vega-Lite spec ({@link VegaLiteSpec}).
 * @throws TypeError for arrays that are not Float64Arrays or a wrong kind of
 *   option; RangeError for arrays of the wrong length, non-finite values, a
 *   decreasing grid, a band with lower > upper, or repeated labels.
 * @example
 * ```ts
 * const grid = new Float64Array([0, 0.5, 1, 1.5]);
 * const spec = curvesSpec(
 *   { grid, series: [{ label: "H1", values: new Float64Array([0, 2, 1, 0]) }] },
 *   { yTitle: "Betti number", interpolate: "step-after" },
 * );
 * ```
 */
export function curvesSpec(curves: Curves, options?: CurvesSpecOptions): VegaLiteSpec {
  const caller = "curvesSpec";
  const { options: checked, plot } = resolvePlotOptions(caller, options, {
    title: "",
    width: 480,
    height: 300,
  });
  const xTitle = requireText(caller, "xTitle", checked.xTitle, "Filtration value");
  const yTitle = requireText(caller, "yTitle", checked.yTitle, "Value");
  const seriesTitle = requireText(caller, "seriesTitle", checked.seriesTitle, "");
  const interpolate = checked.interpolate ?? "linear";
  if (interpolate !== "linear" && interpolate !== "step-after") {
    throw new RangeError(
      `${caller}: options.interpolate must be "linear" or "step-after"; got ${describe(interpolate)}`,
    );
  }
  if (typeof curves !== "object" || curves === null) {
    throw new TypeError(`${caller}: curves must be {grid, series}; got ${describe(curves)}`);
  }
  const { grid, series } = curves;
  requireFinite(`${caller}: curves.grid`, grid);
  if (grid.length === 0) throw new RangeError(`${caller}: curves.grid is empty`);
  for (let i = 1; i < grid.length; i += 1) {
    if (grid[i]! < grid[i - 1]!) {
      throw new RangeError(
        `${caller}: curves.grid must not decrease; grid[${i}] = ${grid[i]} < grid[${i - 1}] = ${grid[i - 1]}`,
      );
    }
  }
  if (!Array.isArray(series) || series.length === 0) {
    throw new TypeError(
      `${caller}: curves.series must be a non-empty array of {label, values}; got ${describe(series)}`,
    );
  }

  const labels: string[] = [];
  const rows: Record<string, unknown>[] = [];
  let banded = false;
  series.forEach((entry: CurveSeries, s) => {
    const at = `${caller}: curves.series[${s}]`;
    if (typeof entry !== "object" || entry === null) {
      throw new TypeError(`${at} must be {label, values}; got ${describe(entry)}`);
    }
    const { label, values, lower, upper } = entry;
    if (typeof label !== "string" || label === "") {
      throw new TypeError(`${at}.label must be a non-empty string; got ${describe(label)}`);
    }
    if (labels.includes(label)) {
      throw new RangeError(`${at}.label ${describe(label)} is used twice; labels must differ`);
    }
    labels.push(label);
    requireSampled(`${at}.values`, values, grid.length);
    if ((lower === undefined) !== (upper === undefined)) {
      throw new TypeError(`${at} must have both lower and upper, or neither`);
    }
    if (lower !== undefined && upper !== undefined) {
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
      const row: Record<string, unknown> = { series: label, x: grid[i], y: values[i] };
      if (lower !== undefined && upper !== undefined) {
        row.lower = lower[i];
        row.upper = upper[i];
      }
      rows.push(row);
    }
  });

  const color = {
    field: "series",
    type: "nominal",
    scale:
      labels.length <= PLOT_PALETTE.length
        ? { domain: labels, range: PLOT_PALETTE.slice(0, labels.length) }
        : { domain: labels, scheme: "viridis" },
    legend:
      labels.length > 1
        ? {
            title: seriesTitle === "" ? null : seriesTitle,
            symbolType: "stroke",
            symbolStrokeWidth: 3,
            symbolOpacity: 1,
          }
        : null,
  };
  const x = {
    field: "x",
    type: "quantitative",
    scale: { domain: [grid[0], grid[grid.length - 1]], nice: false, zero: false },
    axis: { title: xTitle, grid: true },
  };
  const layers: Record<string, unknown>[] = [];
  if (banded) {
    layers.push({
      transform: [{ filter: "isValid(datum.lower)" }],
      mark: { type: "area", opacity: 0.25, interpolate },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", axis: { title: yTitle, grid: true } },
        y2: { field: "upper" },
        color,
      },
    });
  }
  layers.push({
    mark: { type: "line", strokeWidth: 2, interpolate },
    encoding: {
      x,
      y: { field: "y", type: "quantitative", axis: { title: yTitle, grid: true } },
      color,
      tooltip: [
        { field: "series", type: "nominal", title: seriesTitle === "" ? "Series" : seriesTitle },
        { field: "x", type: "quantitative", title: xTitle, format: ".6~g" },
        { field: "y", type: "quantitative", title: yTitle, format: ".6~g" },
      ],
    },
  });
  return layeredChartSpec(plot, undefined, rows, layers);
}
