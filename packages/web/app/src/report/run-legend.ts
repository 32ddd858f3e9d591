import { element } from "../shared/element.js";
import { report } from "./report-state.js";
import { runColor } from "./run-color.js";

/** The runs' colours, once for a section of charts (the charts draw no legend of their own). */
export function runLegend(only?: readonly number[]): HTMLElement {
  const shown = only ?? report.data.runs.map((_, k) => k);
  return element(
    "div",
    { class: "run-legend" },
    ...shown.map((k) =>
      element(
        "span",
        { class: "run-key" },
        element("span", { class: "line", style: `background:${runColor(k)}` }),
        report.data.runs[k]!.name,
      ),
    ),
  );
}
