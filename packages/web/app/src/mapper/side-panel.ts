import type { MapperGraphJSON, MapperNodeJSON } from "@nettopo/core";
import { categoricalColor } from "../../../src/mapper/color-scale.js";
import type { ImageStack } from "../../../src/mapper/image-stack.js";
import { spreadSample } from "../../../src/mapper/spread-sample.js";
import { formatShare, labelName, topLabels } from "../../../src/mapper/top-labels.js";
import { element } from "../shared/element.js";
import { copyText } from "./copy-text.js";
import { formatValue } from "./legend.js";
import { thumbnail } from "./thumbnail.js";

/** What the panel reads besides the nodes. */
export interface PanelContext {
  readonly graph: MapperGraphJSON;
  readonly names: readonly string[] | null;
  readonly labels: Int32Array | null;
  readonly images: ImageStack | null;
}

const EXAMPLES = 12;

function section(title: string, ...children: (Node | string)[]): HTMLElement {
  return element("section", { class: "panel-section" }, element("h3", {}, title), ...children);
}

/** Label bars: name, a bar as long as the share, the percentage. */
function labelBars(
  histogram: Record<string, number> | undefined,
  names: PanelContext["names"],
): HTMLElement {
  const rows = topLabels(histogram, names, 6);
  const list = element("ol", { class: "label-bars" });
  for (const row of rows) {
    const fill = element("span", { class: "bar-fill" });
    fill.style.width = `${(100 * row.share).toFixed(1)}%`;
    fill.style.background = categoricalColor(row.label);
    list.append(
      element(
        "li",
        { "data-label": String(row.label) },
        element("span", { class: "bar-name" }, row.name),
        element("span", { class: "bar" }, fill),
        element("span", { class: "bar-value" }, formatShare(row.share)),
      ),
    );
  }
  return list;
}

/** Combined label counts of several nodes' distinct members. */
function histogramOf(members: readonly number[], labels: Int32Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of members) {
    const k = String(labels[i]);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** The member list with a Copy button. */
function memberList(members: readonly number[]): HTMLElement {
  const text = members.join(", ");
  const area = element("textarea", {
    class: "members",
    readonly: "",
    rows: "4",
    id: "member-indices",
  });
  area.value = text;
  const button = element("button", { class: "small", type: "button", id: "copy-members" }, "Copy");
  const done = element("span", { class: "copied", "aria-live": "polite" });
  button.addEventListener("click", async () => {
    done.textContent = (await copyText(text, area)) ? "copied" : "select and copy by hand";
    setTimeout(() => {
      done.textContent = "";
    }, 1600);
  });
  return element("div", {}, area, element("div", { class: "row-actions" }, button, done));
}

function examples(members: readonly number[], context: PanelContext): HTMLElement | null {
  const { images, labels, names } = context;
  if (images === null) return null;
  const grid = element("div", { class: "thumbs" });
  for (const i of spreadSample(members, EXAMPLES)) {
    grid.append(thumbnail(images, i, labels === null ? "" : labelName(labels[i]!, names)));
  }
  return section("Example inputs", grid);
}

function activationSummary(means: readonly number[] | undefined): HTMLElement | null {
  if (means === undefined || means.length === 0) return null;
  const order = means.map((_, k) => k).sort((a, b) => means[b]! - means[a]! || a - b);
  const top = order.slice(0, 5);
  const mean = means.reduce((s, x) => s + x, 0) / means.length;
  const max = Math.max(...means.map(Math.abs), 1e-12);
  const list = element("ol", { class: "neuron-bars" });
  for (const k of top) {
    const fill = element("span", { class: "bar-fill neutral" });
    fill.style.width = `${Math.max(0, (100 * means[k]!) / max).toFixed(1)}%`;
    list.append(
      element(
        "li",
        { "data-neuron": String(k) },
        element("span", { class: "bar-name" }, `neuron ${k}`),
        element("span", { class: "bar" }, fill),
        element("span", { class: "bar-value" }, formatValue(means[k]!)),
      ),
    );
  }
  return section(
    "Mean activation",
    element(
      "p",
      { class: "kv" },
      `mean over ${means.length} neurons `,
      element("strong", {}, formatValue(mean)),
      "; strongest:",
    ),
    list,
  );
}

/** Shows one node: size, labels with percentages, example inputs, mean activation, members. */
export function showNode(panel: HTMLElement, node: MapperNodeJSON, context: PanelContext): void {
  const { graph, names } = context;
  const share = node.size / Math.max(1, graph.meta.points);
  const facts = element(
    "dl",
    { class: "facts" },
    element("dt", {}, "Size"),
    element("dd", { id: "node-size" }, `${node.size} inputs (${formatShare(share)})`),
    element("dt", {}, "Lens mean"),
    element("dd", {}, node.lens.map(formatValue).join(", ")),
    element("dt", {}, "Cover element"),
    element("dd", {}, `${node.cover.join(", ")} · cluster ${node.cluster}`),
  );
  if (node.purity !== undefined) {
    facts.append(element("dt", {}, "Purity"), element("dd", {}, formatShare(node.purity)));
  }
  panel.replaceChildren(element("h2", { "data-node": String(node.id) }, `Node ${node.id}`), facts);
  if (node.labels !== undefined) panel.append(section("Top labels", labelBars(node.labels, names)));
  const pictures = examples(node.members, context);
  if (pictures !== null) panel.append(pictures);
  const activation = activationSummary(node.means);
  if (activation !== null) panel.append(activation);
  panel.append(section(`Members (${node.members.length})`, memberList(node.members)));
}

/** Shows several nodes: their distinct members, combined labels, and the list to copy. */
export function showSelection(
  panel: HTMLElement,
  nodes: readonly MapperNodeJSON[],
  context: PanelContext,
): void {
  const members = [...new Set(nodes.flatMap((n) => n.members))].sort((a, b) => a - b);
  panel.replaceChildren(
    element("h2", { "data-selection": String(nodes.length) }, `${nodes.length} nodes selected`),
    element(
      "p",
      { class: "kv", id: "selection-size" },
      `${members.length} distinct inputs (${formatShare(members.length / Math.max(1, context.graph.meta.points))} of the data). Shift-click a node to add or remove it; Shift-drag to lasso.`,
    ),
  );
  if (context.labels !== null) {
    panel.append(section("Labels", labelBars(histogramOf(members, context.labels), context.names)));
  }
  const pictures = examples(members, context);
  if (pictures !== null) panel.append(pictures);
  panel.append(section(`Member indices (${members.length})`, memberList(members)));
}

/** Shows what the graph is when nothing is selected. */
export function showSummary(
  panel: HTMLElement,
  context: PanelContext,
  notes: readonly string[],
): void {
  const { meta, nodes, links } = context.graph;
  const lens = `${meta.lens.kind}${meta.lens.dims > 1 ? ` (${meta.lens.dims}-d)` : ""}`;
  const cluster = Object.entries(meta.cluster)
    .filter(([key]) => key !== "kind")
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");
  panel.replaceChildren(
    element("h2", {}, "The graph"),
    element(
      "dl",
      { class: "facts" },
      element("dt", {}, "Nodes"),
      element("dd", {}, String(nodes.length)),
      element("dt", {}, "Links"),
      element("dd", {}, String(links.length)),
      element("dt", {}, "Inputs"),
      element("dd", {}, `${meta.points} × ${meta.dims} dims`),
      element("dt", {}, "Noise"),
      element("dd", {}, `${meta.noise} inputs in no node`),
      element("dt", {}, "Lens"),
      element("dd", {}, lens),
      element("dt", {}, "Cover"),
      element(
        "dd",
        {},
        `${meta.cover.kind}, ${meta.cover.intervals.join(" × ")} intervals, overlap ${meta.cover.overlap ?? "–"}`,
      ),
      element("dt", {}, "Clustering"),
      element("dd", {}, `${meta.cluster.kind}${cluster ? ` (${cluster})` : ""}`),
    ),
    element(
      "p",
      { class: "hint" },
      "Click a node for its labels, example inputs and members. Shift-click or Shift-drag (lasso) to select several. Escape clears the selection. Drag to pan, scroll to zoom, double-click to fit.",
    ),
  );
  for (const note of notes) panel.append(element("p", { class: "notice" }, note));
}
