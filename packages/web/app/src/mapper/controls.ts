import type { MapperGraphJSON } from "@nettopo/core";
import { type NodeWithMeans, neuronsBySpread } from "../../../src/mapper/neuron-spread.js";
import { element } from "../shared/element.js";
import { field } from "./field.js";
import { formatValue } from "./legend.js";
import { buildParameterForm, type ParameterForm } from "./parameter-form.js";

/** The controls of the left column, for main.ts to wire. */
export interface Controls {
  readonly root: HTMLElement;
  readonly colorMode: HTMLSelectElement;
  readonly neuronRow: HTMLElement;
  readonly neuron: HTMLSelectElement;
  readonly search: HTMLInputElement;
  readonly searchStatus: HTMLElement;
  readonly parameters: ParameterForm;
  readonly exportPng: HTMLButtonElement;
  readonly exportSvg: HTMLButtonElement;
  readonly exportJson: HTMLButtonElement;
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

  const parameters = buildParameterForm(graph, options.rows);

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
    parameters.form,
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
    parameters,
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
