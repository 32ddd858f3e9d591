import { sequentialColor } from "../../../src/mapper/color-scale.js";
import type { ColorLegend } from "../../../src/mapper/node-colors.js";
import { element } from "../shared/element.js";

/** A compact number for legends and tooltips: 3 significant digits, no trailing zeros. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return "–";
  if (x !== 0 && (Math.abs(x) >= 1e5 || Math.abs(x) < 1e-3)) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

/** What sizes and widths mean, under every legend. */
const ENCODING_NOTE = "Node area: inputs · link width: Jaccard overlap";

/** Draws the legend of the current colouring into `host`. */
export function drawLegend(host: HTMLElement, legend: ColorLegend): void {
  host.replaceChildren(element("div", { class: "legend-title" }, legend.title));
  const note = element("div", { class: "legend-note" }, ENCODING_NOTE);
  if (legend.kind === "categorical") {
    const list = element("ul", { class: "legend-swatches" });
    for (const entry of legend.entries) {
      const swatch = element("span", { class: "swatch" });
      swatch.style.background = entry.color;
      list.append(element("li", {}, swatch, entry.name));
    }
    if (legend.entries.length === 0) list.append(element("li", { class: "muted" }, "no labels"));
    host.append(list, note);
    return;
  }
  const stops = Array.from({ length: 11 }, (_, k) => `${sequentialColor(k / 10)} ${k * 10}%`);
  const bar = element("div", { class: "legend-gradient" });
  bar.style.background = `linear-gradient(to right, ${stops.join(", ")})`;
  host.append(
    bar,
    element(
      "div",
      { class: "legend-range" },
      element("span", {}, formatValue(legend.min)),
      element("span", {}, formatValue(legend.max)),
    ),
    note,
  );
}
