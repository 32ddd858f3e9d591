import type { PersistenceDiagram } from "../types.js";
import { describePairs } from "./describe-pairs.js";
import {
  dimsOf,
  finiteRange,
  type LabelledDiagram,
  requireDiagrams,
  requireDimensionList,
} from "./labelled-diagram.js";
import { layeredChartSpec } from "./layered-chart-spec.js";
import { type PlotOptions, resolvePlotOptions } from "./plot-options.js";
import { dimensionColor, dimensionLabel } from "./plot-palette.js";
import { valueAxis } from "./value-axis.js";
import type { VegaLiteSpec } from "./vega-lite-spec.js";

/** Options of {@link persistenceDiagramSpec}. */
export interface PersistenceDiagramSpecOptions extends PlotOptions {
  /** The title; default "Persistence diagram" (`""` for none). */
  readonly title?: string;
  /** Width of the plotting area in pixels; default 360. */
  readonly width?: number;
  /** Height of the plotting area in pixels; default 360 (equal to the width: a square). */
  readonly height?: number;
  /** The homological dimensions drawn; default: all those of the diagrams. */
  readonly dimensions?: readonly number[];
}

/** Point shapes of overlaid diagrams, in input order (then repeated). */
const DIAGRAM_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"];

/**
 * A Vega-Lite spec of a persistence diagram: one point per pair at
 * (birth, death), a colour per homological dimension (legend "H0", "H1", ...
 * in the colours of {@link PLOT_PALETTE}), the diagonal death = birth, and,
 * when some class never dies, a dashed line a little above the largest finite
 * value on which the essential classes sit, labelled "∞" on the death axis.
 * Both axes cover the same range (the picture is square when width = height).
 * Several labelled diagrams are overlaid, one point shape per diagram with a
 * second legend. A tooltip gives birth, death, lifetime and dimension.
 *
 * The data are inline, one row per pair with full precision:
 * `{dimension: "H1", birth, death}` (`death: null` for an essential class),
 * plus `diagram: label` for labelled diagrams.
 *
 * @param input - A {@link PersistenceDiagram}, or an array of
 *   {@link LabelledDiagram}s with distinct labels to overlay.
 * @param options - {@link PersistenceDiagramSpecOptions}: title ("Persistence
 *   diagram"), width (360), height (360), dimensions (all).
 * @returns A plain-JSON Vega-Lite spec ({@link VegaLiteSpec}).
 * @throws TypeError or RangeError for a malformed diagram (each dimension is
 *   checked as a Barcode by `requireBarcode`) or option.
 * @example
 * ```ts
 * const diagram = { dimensions: [{ dim: 0, ...barcode([[0, 1], [0, null]]) }] };
 * const spec = persistenceDiagramSpec(diagram, { title: "Two points" });
 * JSON.stringify(spec); // give it to vega-embed, or to the CLI's renderSvg
 * ```
 * @see H. Edelsbrunner and J. Harer, "Computational Topology: An Introduction"
 *   (2010), VII.1, for the diagram and its diagonal.
 */
export function persistenceDiagramSpec(
  input: PersistenceDiagram | readonly LabelledDiagram[],
  options?: PersistenceDiagramSpecOptions,
): VegaLiteSpec {
  const caller = "persistenceDiagramSpec";
  const { options: checked, plot } = resolvePlotOptions(caller, options, {
    title: "Persistence diagram",
    width: 360,
    height: 360,
  });
  const diagrams = requireDiagrams(caller, input, requireDimensionList(caller, checked.dimensions));
  const labelled = diagrams[0]!.label !== null;
  const dims = dimsOf(diagrams);
  const { min, max, hasEssential } = finiteRange(diagrams);
  const axis = valueAxis(min, max, hasEssential, Math.min(plot.width, plot.height));
  const [low, top] = axis.domain;

  const rows: Record<string, unknown>[] = [];
  for (const diagram of diagrams) {
    for (const { dim, births, deaths } of diagram.dimensions) {
      for (let k = 0; k < births.length; k += 1) {
        const death = deaths[k]!;
        const row: Record<string, unknown> = {
          dimension: dimensionLabel(dim),
          birth: births[k],
          death: death === Number.POSITIVE_INFINITY ? null : death,
        };
        if (labelled) row.diagram = diagram.label;
        rows.push(row);
      }
    }
  }

  const scale = { domain: [low, top], nice: false, zero: false };
  const diagonal = {
    data: { values: [{}] },
    mark: { type: "rule", color: "#999999", strokeWidth: 1, aria: false },
    encoding: {
      x: { datum: low, type: "quantitative" },
      y: { datum: low, type: "quantitative" },
      x2: { datum: top },
      y2: { datum: top },
    },
  };
  // Below the diagonal no pair can lie: shade it lightly.
  const below = {
    data: { values: [{ x: low }, { x: top }] },
    mark: { type: "area", color: "#f2f2f2", aria: false },
    encoding: {
      x: { field: "x", type: "quantitative" },
      y: { field: "x", type: "quantitative" },
      y2: { datum: low },
    },
  };
  const layers: Record<string, unknown>[] = [below, diagonal];
  if (axis.infinity !== null) {
    layers.push({
      data: { values: [{}] },
      mark: { type: "rule", color: "#999999", strokeWidth: 1, strokeDash: [6, 4], aria: false },
      encoding: {
        x: { datum: low, type: "quantitative" },
        x2: { datum: top },
        y: { datum: axis.infinity, type: "quantitative" },
      },
    });
  }
  const tooltip: Record<string, unknown>[] = [
    { field: "dimension", type: "nominal", title: "Dimension" },
    { field: "birth", type: "quantitative", title: "Birth", format: ".6~g" },
    { field: "deathText", type: "nominal", title: "Death" },
    { field: "lifetimeText", type: "nominal", title: "Lifetime" },
  ];
  if (labelled) tooltip.unshift({ field: "diagram", type: "nominal", title: "Diagram" });
  const encoding: Record<string, unknown> = {
    x: {
      field: "birth",
      type: "quantitative",
      scale,
      axis: { title: "Birth", values: axis.ticks, format: "~g", grid: true },
    },
    y: {
      field: "plottedDeath",
      type: "quantitative",
      scale,
      axis: {
        title: "Death",
        values: axis.ticksWithInfinity,
        format: "~g",
        grid: true,
        labelExpr: axis.labelExpr,
        ...axis.infinityLabelStyle,
      },
    },
    color: {
      field: "dimension",
      type: "nominal",
      scale: { domain: dims.map(dimensionLabel), range: dims.map(dimensionColor) },
      legend: dims.length > 0 ? { title: "Dimension" } : null,
    },
    tooltip,
  };
  if (labelled) {
    const labels = diagrams.map((d) => d.label!);
    encoding.shape = {
      field: "diagram",
      type: "nominal",
      scale: {
        domain: labels,
        range: labels.map((_, i) => DIAGRAM_SHAPES[i % DIAGRAM_SHAPES.length]),
      },
      legend: { title: "Diagram" },
    };
  }
  layers.push({
    transform: [
      {
        calculate:
          axis.infinity === null
            ? "datum.death"
            : `datum.death === null ? ${axis.infinity} : datum.death`,
        as: "plottedDeath",
      },
      { calculate: "datum.death === null ? '∞' : format(datum.death, '.6~g')", as: "deathText" },
      {
        calculate: "datum.death === null ? '∞' : format(datum.death - datum.birth, '.6~g')",
        as: "lifetimeText",
      },
    ],
    // No ARIA label per point (it would repeat the tooltip for every pair); the chart has a description.
    mark: { type: "point", filled: true, size: labelled ? 60 : 36, opacity: 0.75, aria: false },
    encoding,
  });

  return layeredChartSpec(plot, describePairs("Persistence diagram", diagrams, dims), rows, layers);
}
