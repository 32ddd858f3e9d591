import type { DimensionSummary, Spread } from "../../../src/diagrams/dimension-summary.js";
import type { FeatureTable } from "../../../src/diagrams/feature-table.js";
import { element } from "../shared/element.js";

/** A number as the tables print it: at most `digits` significant digits (4), "–" when not finite. */
export function formatNumber(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return String(Number(x.toPrecision(digits)));
}

/** A standard deviation: two significant digits are all it has to say. */
const formatStd = (x: number | null | undefined) => formatNumber(x, 2);

/** A spread over one diagram (its value) or several (mean ± std, the range on hover). */
function spreadCell(spread: Spread, several: boolean): HTMLElement {
  if (!several || !Number.isFinite(spread.mean)) {
    return element("td", { class: "num" }, formatNumber(spread.mean));
  }
  return element(
    "td",
    { class: "num", title: `min ${formatNumber(spread.min)}, max ${formatNumber(spread.max)}` },
    formatNumber(spread.mean),
    element("span", { class: "pm" }, ` ± ${formatStd(spread.std)}`),
  );
}

/** Rows of the summary table: the summaries of one diagram, or of several together, and whose they are. */
export interface SummaryGroup {
  /** The diagram's label in a "Diagram" column; null when the table shows one group. */
  readonly label: string | null;
  readonly rows: readonly DimensionSummary[];
  /** Whether the rows summarise several diagrams (mean ± std) rather than one (exact values). */
  readonly several: boolean;
}

/**
 * The summary table: per dimension, the number of pairs, of essential
 * classes, the longest finite lifetime and the total persistence, exact for
 * one diagram and mean ± std over several; with labelled groups (files
 * overlaid), one block of rows per diagram.
 */
export function summaryTable(groups: readonly SummaryGroup[]): HTMLElement {
  const labelled = groups.some((g) => g.label !== null);
  const table = element("table", { class: "data summary", id: "summary-table" });
  const head = table.createTHead().insertRow();
  const titles = ["Dimension", "Pairs", "Essential (∞)", "Longest finite bar", "Total persistence"];
  for (const title of labelled ? ["Diagram", ...titles] : titles) {
    head.append(element("th", {}, title));
  }
  const body = table.createTBody();
  for (const group of groups) {
    group.rows.forEach((row, k) => {
      const tr = body.insertRow();
      tr.dataset.dim = String(row.dim);
      if (labelled) {
        tr.append(
          element("th", { scope: "row", class: k === 0 ? "" : "repeated" }, group.label ?? ""),
        );
      }
      tr.append(
        element(
          "th",
          { scope: "row" },
          element("span", { class: `dim-dot d${row.dim % 8}` }),
          `H${row.dim}`,
        ),
        spreadCell(row.count, group.several),
        spreadCell(row.essential, group.several),
        spreadCell(row.maxPersistence, group.several),
        spreadCell(row.totalPersistence, group.several),
      );
    });
  }
  return table;
}

/**
 * The features table of a bootstrap file: per feature and dimension, the
 * mean ± std over the repeats (min–max on hover) and, when one repeat is
 * chosen, its value below.
 */
export function featuresTable(features: FeatureTable): HTMLElement {
  const table = element("table", { class: "data features", id: "features-table" });
  const head = table.createTHead().insertRow();
  head.append(element("th", {}, "Feature"));
  for (const column of features.columns) head.append(element("th", { class: "num" }, column));
  const body = table.createTBody();
  for (const row of features.rows) {
    const tr = body.insertRow();
    tr.dataset.feature = row.name;
    tr.append(element("th", { scope: "row" }, row.label));
    row.cells.forEach((cell, k) => {
      const td = element("td", { class: "num" });
      if (cell === null) {
        td.textContent = "–";
      } else {
        td.title = `min ${formatNumber(cell.min)}, max ${formatNumber(cell.max)}`;
        td.append(
          formatNumber(cell.mean),
          element("span", { class: "pm" }, ` ± ${formatStd(cell.std)}`),
        );
      }
      const own = row.repeatValues?.[k];
      if (row.repeatValues !== undefined) {
        td.append(element("div", { class: "repeat-value" }, `this repeat: ${formatNumber(own)}`));
      }
      tr.append(td);
    });
  }
  return table;
}
