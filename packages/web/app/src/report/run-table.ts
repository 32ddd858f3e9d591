import type { ReportRun } from "../../../src/report/report-data.js";
import { formatEpoch } from "../../../src/report/report-figures.js";
import { element } from "../shared/element.js";
import { report } from "./report-state.js";
import { runColor } from "./run-color.js";

const percent = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? "–" : `${(100 * x).toFixed(1)}%`;
const points = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x)
    ? "–"
    : `${x >= 0 ? "+" : "−"}${Math.abs(100 * x).toFixed(1)} pts`;

/**
 * The card listing the runs: architecture, data, progress, last accuracies
 * and what neuron topology each recorded. Built afresh on every redraw, since
 * a live run's last record changes.
 */
export function runTable(): HTMLElement {
  const table = element("table", { class: "runs" });
  const head = table.createTHead().insertRow();
  for (const title of [
    "Run",
    "Architecture",
    "Data",
    "Epochs",
    "Train acc.",
    "Test acc.",
    "Gap",
    "Neuron topology",
  ]) {
    head.append(element("th", {}, title));
  }
  const body = table.createTBody();
  report.data.runs.forEach((run, k) => {
    const row = body.insertRow();
    row.dataset.run = run.name;
    const last = run.records.at(-1);
    const planned = run.config.training?.epochs;
    const done = last === undefined ? 0 : last.epoch;
    const set = run.config.data;
    const dataText =
      set === undefined
        ? "–"
        : `${set.dataset ?? set.train?.name ?? "?"}${set.train?.count !== undefined ? ` (${set.train.count} train / ${set.test?.count ?? "?"} test)` : ""}`;
    const opt = run.config.training?.optimizer;
    const arch = `${run.config.arch ?? "?"}${run.config.model?.activation ? ` ${run.config.model.activation}` : ""}`;
    const cells: (Node | string)[] = [
      element(
        "span",
        { class: "run-name" },
        element("span", { class: "swatch", style: `background:${runColor(k)}` }),
        run.name,
      ),
      element(
        "span",
        {},
        arch,
        element(
          "span",
          { class: "muted" },
          opt?.name ? ` · ${opt.name}${opt.learningRate ? ` ${opt.learningRate}` : ""}` : "",
        ),
      ),
      dataText,
      `${formatEpoch(done)}${planned !== undefined ? ` / ${planned}` : ""}`,
      percent(last?.train.accuracy),
      percent(last?.test.accuracy),
      points(last?.gap.accuracy),
      topologyCell(run),
    ];
    for (const cell of cells) row.insertCell().append(cell);
  });
  return element("section", { class: "card" }, table);
}

function topologyCell(run: ReportRun): Node {
  if (run.topology === null) {
    return element("span", { class: "muted" }, "none (no topology.jsonl)");
  }
  if (run.topology.length === 0) return element("span", { class: "muted" }, "no snapshot yet");
  const first = run.topology[0]!;
  const neurons = first.layers?.reduce((sum, l) => sum + l.neurons, 0);
  const p = first.parameters ?? {};
  const sampled = p.neurons !== undefined && p.neurons !== "all" ? `${p.neurons} of ` : "";
  return element(
    "span",
    {},
    `${run.topology.length} snapshots`,
    element(
      "span",
      { class: "muted" },
      ` · ${sampled}${neurons ?? "?"} neurons · B = ${first.repeats.length}`,
    ),
  );
}
