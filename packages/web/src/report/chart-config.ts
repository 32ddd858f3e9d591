/**
 * The Vega-Lite `config` of the report's charts (fonts, sizes, colours of
 * axes and titles), the same in the page and in `nettopo report --figures`.
 */
export const REPORT_CHART_CONFIG: Readonly<Record<string, unknown>> = Object.freeze({
  font: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  background: "white",
  padding: 6,
  title: {
    fontSize: 14,
    fontWeight: 600,
    anchor: "start",
    color: "#1f2328",
    offset: 10,
  },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 500,
    titleColor: "#3b4149",
    labelColor: "#57606a",
    gridColor: "#edf0f3",
    domainColor: "#8c959f",
    tickColor: "#8c959f",
    titlePadding: 8,
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 600,
    titleColor: "#3b4149",
    labelColor: "#3b4149",
    labelLimit: 220,
  },
  view: { stroke: "#d8dee4" },
});
