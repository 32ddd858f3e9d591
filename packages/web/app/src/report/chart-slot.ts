import { REPORT_CHART_CONFIG } from "../../../src/report/chart-config.js";
import { element } from "../shared/element.js";
import { type DrawnChart, drawChart } from "../shared/vega-chart.js";

/**
 * The charts on the page by slot id, so that redrawing a slot first frees
 * the vega view it held.
 */
const charts = new Map<string, DrawnChart>();

/** A chart slot: a figure element whose chart is (re)drawn by {@link draw}. */
export function slot(id: string, className = "chart"): HTMLElement {
  return element("figure", { class: className, "data-chart": id });
}

/**
 * Draws `spec` into a slot (replacing what was there), or says `empty` when
 * it is null; `data-rendered` is set once drawn, so a test can wait for it.
 */
export async function draw(
  target: HTMLElement,
  spec: Record<string, unknown> | null,
  empty: string,
): Promise<void> {
  const id = target.dataset.chart!;
  charts.get(id)?.finalize();
  charts.delete(id);
  target.replaceChildren();
  delete target.dataset.rendered;
  if (spec === null) {
    target.append(element("p", { class: "empty" }, empty));
    return;
  }
  const host = element("div", { class: "vega" });
  target.append(host);
  try {
    charts.set(id, await drawChart(host, spec, REPORT_CHART_CONFIG));
    target.dataset.rendered = "true";
  } catch (error) {
    target.replaceChildren(
      element(
        "p",
        { class: "empty" },
        `This chart could not be drawn: ${(error as Error).message}`,
      ),
    );
  }
}

/**
 * Makes `container` hold one slot per id, in order; the slots are replaced
 * (and their charts freed) only when the ids change, e.g. for another run.
 */
export function keepSlots(container: HTMLElement, wanted: readonly string[]): void {
  const existing = [...container.children].map((c) => (c as HTMLElement).dataset.chart);
  if (wanted.join() !== existing.join()) {
    for (const id of existing) charts.get(id!)?.finalize();
    container.replaceChildren(...wanted.map((id) => slot(id)));
  }
}

/** Frees every chart on the page, before the sections are built again. */
export function finalizeCharts(): void {
  for (const chart of charts.values()) chart.finalize();
  charts.clear();
}
