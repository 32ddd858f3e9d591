import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** A chart drawn in an element; `finalize` frees its view. */
export interface DrawnChart {
  readonly view: View;
  finalize(): void;
}

let tooltipElement: HTMLDivElement | null = null;

/** One tooltip element for the page, shown next to the pointer. */
function tooltip(): HTMLDivElement {
  if (tooltipElement === null) {
    tooltipElement = document.createElement("div");
    tooltipElement.className = "chart-tooltip";
    tooltipElement.setAttribute("role", "tooltip");
    document.body.append(tooltipElement);
  }
  return tooltipElement;
}

function showTooltip(event: MouseEvent, value: unknown): void {
  const element = tooltip();
  if (value === undefined || value === null || value === "") {
    element.style.display = "none";
    return;
  }
  element.replaceChildren();
  if (typeof value === "object") {
    const table = document.createElement("table");
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      const row = table.insertRow();
      const name = row.insertCell();
      name.textContent = key;
      name.className = "key";
      row.insertCell().textContent = String(entry);
    }
    element.append(table);
  } else {
    element.textContent = String(value);
  }
  element.style.display = "block";
  const { innerWidth } = window;
  const box = element.getBoundingClientRect();
  const left =
    event.clientX + 14 + box.width > innerWidth
      ? event.clientX - box.width - 14
      : event.clientX + 14;
  element.style.left = `${left + window.scrollX}px`;
  element.style.top = `${event.clientY + 14 + window.scrollY}px`;
}

/**
 * Draws a Vega-Lite spec into `element` as SVG (vega-lite compiles it, a vega
 * View renders it; nothing is loaded from the network), with a plain tooltip.
 * `config` is merged under the spec's own.
 */
export async function drawChart(
  element: HTMLElement,
  spec: Record<string, unknown>,
  config: Readonly<Record<string, unknown>> = {},
): Promise<DrawnChart> {
  const compiled = compile({
    ...spec,
    config: { ...config, ...(spec.config as object) },
  } as unknown as TopLevelSpec);
  const view = new View(parse(compiled.spec), {
    renderer: "svg",
    container: element,
    hover: true,
  });
  view.tooltip((_handler: unknown, event: MouseEvent, _item: unknown, value: unknown) =>
    showTooltip(event, value),
  );
  await view.runAsync();
  element.dataset.rendered = "true";
  return {
    view,
    finalize() {
      view.finalize();
      element.replaceChildren();
      if (tooltipElement) tooltipElement.style.display = "none";
    },
  };
}
