import { describe, requireOptions } from "../metric/validate.js";
import type { PersistenceDiagram } from "../types.js";
import { describePairs } from "./describe-pairs.js";
import { dimsOf, finiteRange, requireDiagrams, requireDimensionList } from "./labelled-diagram.js";
import { layeredChartSpec } from "./layered-chart-spec.js";
import { type PlotOptions, resolvePlotOptions } from "./plot-options.js";
import { dimensionColor, dimensionLabel } from "./plot-palette.js";
import { valueAxis } from "./value-axis.js";
import type { VegaLiteSpec } from "./vega-lite-spec.js";

/** Options of {@link barcodeSpec}. */
export interface BarcodeSpecOptions extends PlotOptions {
  /** The title; default "Barcode" (`""` for none). */
  readonly title?: string;
  /** Width of the plotting area in pixels; default 480. */
  readonly width?: number;
  /**
   * Height of the plotting area in pixels; default 12 pixels a bar, at least
   * 120 and at most 420 (many bars then draw as thin lines).
   */
  readonly height?: number;
  /** The homological dimensions drawn; default: all those of the diagram. */
  readonly dimensions?: readonly number[];
}

/**
 * A Vega-Lite spec of a persistence barcode: one horizontal bar per pair from
 * its birth to its death, grouped by homological dimension (H0 on top, each
 * group labelled on the left and drawn in its colour of
 * {@link PLOT_PALETTE}), sorted within a group by birth, then longest first.
 * Bars of essential classes (death = Infinity) run to the right edge, where
 * an arrowhead ends them and the axis reads "∞". The x axis is "Filtration
 * value"; a tooltip gives birth, death, lifetime and dimension.
 *
 * The data are inline, one row per pair with full precision:
 * `{dimension: "H1", birth, death, row}` (`death: null` for an essential
 * class; `row` is the bar's position from the top, groups separated by a
 * blank row or more).
 *
 * @param diagram - A {@link PersistenceDiagram} (each dimension is checked as a
 *   Barcode by `requireBarcode`).
 * @param options - {@link BarcodeSpecOptions}: title ("Barcode"), width
 *   (480), height (12 px a bar, 120..420), dimensions (all).
 * @returns A plain-JSON Vega-Lite spec ({@link VegaLiteSpec}).
 * @throws TypeError or RangeError for a malformed diagram or option.
 * @example
 * ```ts
 * const diagram = { dimensions: [{ dim: 0, ...barcode([[0, 1], [0, null]]) }] };
 * const spec = barcodeSpec(diagram, { width: 400 });
 * ```
 * @see R. Ghrist, "Barcodes: the persistent topology of data", Bull. AMS 45 (2008).
 */
export function barcodeSpec(
  diagram: PersistenceDiagram,
  options?: BarcodeSpecOptions,
): VegaLiteSpec {
  const caller = "barcodeSpec";
  const checked = requireOptions(`${caller}: options`, options);
  if (Array.isArray(diagram)) {
    throw new TypeError(
      `${caller}: diagram must be one persistence diagram {dimensions}; got ${describe(diagram)} (persistenceDiagramSpec overlays several)`,
    );
  }
  const diagrams = requireDiagrams(
    caller,
    diagram,
    requireDimensionList(caller, checked.dimensions),
  );
  const dimensions = diagrams[0]!.dimensions;
  // A dimension with no bar keeps one blank row, so its label says it is empty.
  const slotCount = dimensions.reduce((sum, d) => sum + Math.max(1, d.births.length), 0);
  const gap = Math.max(1, Math.round(0.03 * slotCount));
  const rowCount = slotCount + gap * Math.max(0, dimensions.length - 1);
  const { plot } = resolvePlotOptions(caller, options, {
    title: "Barcode",
    width: 480,
    height: Math.min(420, Math.max(120, 12 * rowCount)),
  });
  const { min, max, hasEssential } = finiteRange(diagrams);
  const axis = valueAxis(min, max, hasEssential, plot.width);
  const [low, top] = axis.domain;
  const end = axis.infinity ?? top;

  const rows: Record<string, unknown>[] = [];
  const labelValues: number[] = [];
  const labelTests: string[] = [];
  let row = 0;
  for (const { dim, births, deaths } of dimensions) {
    const order = Array.from(births, (_, k) => k).sort(
      (i, j) =>
        births[i]! - births[j]! || deaths[j]! - births[j]! - (deaths[i]! - births[i]!) || i - j,
    );
    const first = row;
    for (const k of order) {
      const death = deaths[k]!;
      rows.push({
        dimension: dimensionLabel(dim),
        birth: births[k],
        death: death === Number.POSITIVE_INFINITY ? null : death,
        row,
      });
      row += 1;
    }
    if (order.length === 0) row += 1;
    const middle = (first + row - 1) / 2;
    labelValues.push(middle);
    labelTests.push(`datum.value === ${middle} ? '${dimensionLabel(dim)}' : `);
    row += gap;
  }

  const thickness = Math.min(10, Math.max(0.5, (0.75 * plot.height) / Math.max(1, rowCount)));
  const dims = dimsOf(diagrams);
  const color = {
    field: "dimension",
    type: "nominal",
    scale: { domain: dims.map(dimensionLabel), range: dims.map(dimensionColor) },
    legend: null,
  };
  const x = {
    field: "birth",
    type: "quantitative",
    scale: { domain: [low, top], nice: false, zero: false },
    axis: {
      title: "Filtration value",
      values: axis.ticksWithInfinity,
      format: "~g",
      grid: true,
      labelExpr: axis.labelExpr,
      ...axis.infinityLabelStyle,
    },
  };
  const y = {
    field: "row",
    type: "quantitative",
    scale: {
      domain: [-0.5 - gap / 2, Math.max(0, rowCount - 1) + 0.5 + gap / 2],
      reverse: true,
      nice: false,
      zero: false,
    },
    axis: {
      title: null,
      values: labelValues,
      labelExpr: `${labelTests.join("")}''`,
      grid: false,
      ticks: false,
      domain: false,
      labelFontSize: 12,
      labelFontWeight: "bold",
      labelPadding: 6,
    },
  };
  const tooltip = [
    { field: "dimension", type: "nominal", title: "Dimension" },
    { field: "birth", type: "quantitative", title: "Birth", format: ".6~g" },
    { field: "deathText", type: "nominal", title: "Death" },
    { field: "lifetimeText", type: "nominal", title: "Lifetime" },
  ];
  const layers: Record<string, unknown>[] = [
    {
      transform: [
        { calculate: `datum.death === null ? ${end} : datum.death`, as: "end" },
        { calculate: "datum.death === null ? '∞' : format(datum.death, '.6~g')", as: "deathText" },
        {
          calculate: "datum.death === null ? '∞' : format(datum.death - datum.birth, '.6~g')",
          as: "lifetimeText",
        },
      ],
      mark: { type: "rule", strokeWidth: thickness, strokeCap: "butt", aria: false },
      encoding: { x, x2: { field: "end" }, y, color, tooltip },
    },
  ];
  if (axis.infinity !== null) {
    layers.unshift({
      data: { values: [{}] },
      mark: { type: "rule", color: "#999999", strokeWidth: 1, strokeDash: [6, 4], aria: false },
      encoding: { x: { datum: axis.infinity, type: "quantitative" } },
    });
    layers.push({
      transform: [{ filter: "datum.death === null" }],
      mark: {
        type: "point",
        shape: "triangle-right",
        filled: true,
        opacity: 1,
        size: Math.max(30, 6 * thickness * thickness),
        aria: false,
      },
      encoding: {
        x: { datum: axis.infinity, type: "quantitative" },
        y: { field: "row", type: "quantitative" },
        color,
      },
    });
  }

  return layeredChartSpec(plot, describePairs("Barcode", diagrams, dims), rows, layers);
}
