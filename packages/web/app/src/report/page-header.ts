import { element } from "../shared/element.js";
import { report } from "./report-state.js";

/**
 * The page's header: title, number of runs, and either when the report was
 * written or the live status (`#live-status`, updated by the event stream).
 */
export function pageHeader(): HTMLElement {
  const { data, live } = report;
  const status = live
    ? element("span", { class: "status live", id: "live-status" }, "● live")
    : element("span", { class: "status" }, `written ${new Date(data.generated).toLocaleString()}`);
  const count = `${data.runs.length} run${data.runs.length === 1 ? "" : "s"}`;
  return element(
    "header",
    { class: "page-header" },
    element("div", { class: "brand" }, "nettopo"),
    element("h1", {}, data.title),
    element("p", { class: "subtitle" }, count, " · ", status),
  );
}
