import type { MapperGraphJSON } from "@nettopo/core";
import { type NodeWithMeans, neuronsBySpread } from "../../../src/mapper/neuron-spread.js";
import { PAGE_LENSES } from "../../../src/mapper/page-parameters.js";
import { element } from "../shared/element.js";
import { formatValue } from "./legend.js";

/** The controls of the left column, for main.ts to wire. */
export interface Controls {
  readonly root: HTMLElement;
  readonly colorMode: HTMLSelectElement;
  readonly neuronRow: HTMLElement;
  readonly neuron: HTMLSelectElement;
  readonly search: HTMLInputElement;
  readonly searchStatus: HTMLElement;
  readonly form: HTMLFormElement;
  readonly lens: HTMLSelectElement;
  readonly intervals: HTMLInputElement;
  readonly overlap: HTMLInputElement;
  readonly eps: HTMLInputElement;
  readonly minSamples: HTMLInputElement;
  readonly recompute: HTMLButtonElement;
  readonly status: HTMLElement;
  readonly exportPng: HTMLButtonElement;
  readonly exportSvg: HTMLButtonElement;
  readonly exportJson: HTMLButtonElement;
}

function field(label: string, control: HTMLElement, help: string): HTMLElement {
  return element("label", { class: "field", title: help }, element("span", {}, label), control);
}

function numberInput(
  id: string,
  value: number,
  min: string,
  step: string,
  max = "",
): HTMLInputElement {
  const input = element("input", { id, type: "number", min, step, value: String(value) });
  if (max !== "") input.max = max;
  return input;
}

/**
 * Builds the controls: colouring (with a neuron picker), the label search,
 * Mapper's parameters with a recompute button and its status, and exports.
 *
 * @param graph - The first graph (its parameters fill the form).
 * @param legend - The colour legend, placed under the colour controls.
 * @param options - What the data allows: labels, node means, activation rows.
 */
export function buildControls(
  graph: MapperGraphJSON,
  legend: HTMLElement,
  options: { labels: boolean; names: readonly string[] | null; means: number; rows: boolean },
): Controls {
  const colorMode = element("select", { id: "color-mode" });
  fillColorModes(colorMode, graph.meta.lens.dims, options.labels, options.means > 0);
  colorMode.value = options.labels ? "majority" : "lens:0";

  const neuron = element("select", { id: "neuron" });
  const neuronRow = field(
    "Neuron (most varying first)",
    neuron,
    "Which neuron's mean activation colours the nodes; listed by how much it varies over the nodes",
  );
  neuronRow.hidden = true;

  const search = element("input", {
    id: "label-search",
    type: "search",
    placeholder: options.labels ? "e.g. sneaker" : "no labels in this graph",
    autocomplete: "off",
    list: "label-names",
  });
  search.disabled = !options.labels;
  const names = element("datalist", { id: "label-names" });
  for (const name of options.names ?? []) names.append(element("option", { value: name }));
  const searchStatus = element("p", {
    class: "field-status",
    id: "search-status",
    "aria-live": "polite",
  });

  const cluster = graph.meta.cluster as { kind: string; eps?: number; minSamples?: number };
  const lens = element("select", { id: "param-lens" });
  for (const name of PAGE_LENSES) lens.append(element("option", { value: name }, lensTitle(name)));
  const { kind, dims } = graph.meta.lens;
  const current = kind === "pca" && dims === 2 ? "pca2" : kind;
  lens.value = (PAGE_LENSES as readonly string[]).includes(current) ? current : "l2";
  const intervals = numberInput(
    "param-intervals",
    graph.meta.cover.intervals[0] ?? 10,
    "1",
    "1",
    "500",
  );
  const overlap = numberInput(
    "param-overlap",
    graph.meta.cover.overlap ?? 0.3,
    "0",
    "0.05",
    "0.95",
  );
  const eps = numberInput("param-eps", cluster.eps ?? 0.5, "0", "any");
  const minSamples = numberInput("param-min-samples", cluster.minSamples ?? 5, "1", "1");
  const recompute = element(
    "button",
    { id: "recompute", type: "submit", class: "primary" },
    "Recompute",
  );
  const status = element("p", {
    class: "field-status",
    id: "recompute-status",
    "aria-live": "polite",
  });
  const form = element(
    "form",
    { id: "parameters" },
    field("Lens", lens, "The function on the inputs whose range is covered"),
    element(
      "div",
      { class: "field-pair" },
      field("Intervals", intervals, "Intervals of the uniform cover, per lens dimension"),
      field("Overlap", overlap, "Overlap fraction of neighbouring intervals, in [0, 1)"),
    ),
    element(
      "div",
      { class: "field-pair" },
      field("DBSCAN eps", eps, "Radius of a neighbourhood, > 0"),
      field(
        "Min samples",
        minSamples,
        "Points within eps (itself included) that make a core point",
      ),
    ),
    recompute,
    status,
  );
  if (!options.rows) {
    for (const control of [lens, intervals, overlap, eps, minSamples, recompute])
      control.disabled = true;
    status.textContent =
      "Recomputing needs the activation rows, which this page does not hold (see the notes).";
  }

  const exportPng = element("button", { id: "export-png", type: "button" }, "PNG");
  const exportSvg = element("button", { id: "export-svg", type: "button" }, "SVG");
  const exportJson = element("button", { id: "export-json", type: "button" }, "JSON");

  const root = element(
    "aside",
    { class: "controls" },
    element("h2", {}, "Colour"),
    field("Colour nodes by", colorMode, "What the node colours show"),
    neuronRow,
    legend,
    element("h2", {}, "Search"),
    field("Label", search, "Dims the nodes whose majority label does not match"),
    names,
    searchStatus,
    element("h2", {}, "Parameters"),
    form,
    element("h2", {}, "Export"),
    element("div", { class: "export-buttons" }, exportPng, exportSvg, exportJson),
  );
  return {
    root,
    colorMode,
    neuronRow,
    neuron,
    search,
    searchStatus,
    form,
    lens,
    intervals,
    overlap,
    eps,
    minSamples,
    recompute,
    status,
    exportPng,
    exportSvg,
    exportJson,
  };
}

/**
 * The colourings a graph offers: one per lens component, the labels' when
 * there are labels, the size, and a neuron's mean when nodes have means.
 * Called again after a recompute (the lens may have another dimension); the
 * choice is kept when it is still offered.
 */
export function fillColorModes(
  select: HTMLSelectElement,
  lensDims: number,
  labels: boolean,
  means: boolean,
): void {
  const chosen = select.value;
  select.replaceChildren();
  for (let d = 0; d < lensDims; d++) {
    const name = lensDims > 1 ? `Lens mean (component ${d + 1})` : "Lens mean";
    select.append(element("option", { value: `lens:${d}` }, name));
  }
  if (labels) {
    select.append(
      element("option", { value: "majority" }, "Majority label"),
      element("option", { value: "purity" }, "Label purity"),
    );
  }
  select.append(element("option", { value: "size" }, "Node size"));
  if (means) select.append(element("option", { value: "neuron" }, "A neuron's mean activation"));
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : "lens:0";
}

/**
 * Lists the neurons in the picker, those whose node means vary most first
 * (called again after a recompute); the choice is kept.
 */
export function fillNeurons(select: HTMLSelectElement, nodes: readonly NodeWithMeans[]): void {
  const chosen = select.value;
  select.replaceChildren(
    ...neuronsBySpread(nodes).map(({ neuron, spread }) =>
      element(
        "option",
        { value: String(neuron) },
        `neuron ${neuron} (spread ${formatValue(spread)})`,
      ),
    ),
  );
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

function lensTitle(name: string): string {
  switch (name) {
    case "l2":
      return "L2 norm";
    case "pca":
      return "PCA, first component";
    case "pca2":
      return "PCA, two components";
    case "eccentricity":
      return "Eccentricity";
    case "density":
      return "Density (Gaussian KDE)";
    default:
      return "Distance to measure";
  }
}
