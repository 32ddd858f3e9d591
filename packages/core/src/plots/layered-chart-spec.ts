import type { ResolvedPlotOptions } from "./plot-options.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega-lite-spec.js";

/**
 * The top level of a layered chart (the barcode, the persistence diagram,
 * the curves; internal): schema, description, size, the rows inline, the
 * layers, and the title unless it is `""`. Written once so that every chart
 * has the same frame and its keys in the same order.
 *
 * @param description - The chart's accessible description; left out when undefined.
 */
export function layeredChartSpec(
  plot: ResolvedPlotOptions,
  description: string | undefined,
  rows: readonly Record<string, unknown>[],
  layers: readonly Record<string, unknown>[],
): VegaLiteSpec {
  const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA };
  if (description !== undefined) spec.description = description;
  spec.width = plot.width;
  spec.height = plot.height;
  spec.data = { values: rows };
  spec.layer = layers;
  if (plot.title !== "") spec.title = plot.title;
  return spec;
}
