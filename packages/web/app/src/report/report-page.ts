import { element } from "../shared/element.js";
import { finalizeCharts } from "./chart-slot.js";
import { pageHeader } from "./page-header.js";
import { report } from "./report-state.js";
import { runTable } from "./run-table.js";
import { topologySection } from "./topology-section.js";
import { trainingSection } from "./training-section.js";

/** The page's root element, which the report fills. */
export const app = document.getElementById("app")!;

let table: HTMLElement;

/**
 * Builds the page's sections from the data (header, runs, training,
 * topology, footer), freeing the charts drawn before; the charts themselves
 * are drawn by the redraws.
 */
export function buildPage(): void {
  const { data, live } = report;
  finalizeCharts();
  table = runTable();
  app.replaceChildren(
    pageHeader(),
    table,
    trainingSection(),
    topologySection(),
    element(
      "footer",
      {},
      "Made by ",
      element("code", {}, live ? "nettopo serve" : "nettopo report"),
      " from ",
      data.runs.map((r) => r.directory).join(", "),
      ". Charts: Vega-Lite specs of @nettopo/core.",
    ),
  );
}

/** Replaces the table of runs with one of the current data. */
export function refreshTable(): void {
  const fresh = runTable();
  table.replaceWith(fresh);
  table = fresh;
}
