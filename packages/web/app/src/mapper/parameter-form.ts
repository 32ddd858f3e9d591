import type { MapperGraphJSON } from "@nettopo/core";
import { graphParameterFields } from "../../../src/mapper/graph-parameter-fields.js";
import {
  PAGE_CLUSTERS,
  PAGE_COVERS,
  PAGE_LENSES,
  type ParameterFields,
} from "../../../src/mapper/page-parameters.js";
import { element } from "../shared/element.js";
import { field } from "./field.js";

/** Mapper's parameter form: its fields, the recompute button and the status line. */
export interface ParameterForm {
  readonly form: HTMLFormElement;
  readonly recompute: HTMLButtonElement;
  readonly status: HTMLElement;
  /** The text of the fields, for pageParameters to check. */
  fields(): ParameterFields;
}

function numberInput(id: string, value: string, min: string, step: string, max = "") {
  const input = element("input", { id, type: "number", min, step, value });
  if (max !== "") input.max = max;
  return input;
}

function choice(id: string, names: readonly string[], title: (name: string) => string) {
  const select = element("select", { id });
  for (const name of names) select.append(element("option", { value: name }, title(name)));
  return select;
}

/**
 * Builds the parameter form, filled with the parameters `graph` was
 * computed with; only the chosen clustering's fields are shown. Without
 * activation rows every control is disabled and the status says why.
 *
 * @param graph - The first graph (its `meta` fills the form).
 * @param rows - Whether the page holds the activation rows to recompute from.
 */
export function buildParameterForm(graph: MapperGraphJSON, rows: boolean): ParameterForm {
  const initial = graphParameterFields(graph.meta);
  const lens = choice("param-lens", PAGE_LENSES, lensTitle);
  lens.value = initial.lens;
  const cover = choice("param-cover", PAGE_COVERS, coverTitle);
  cover.value = initial.cover;
  const intervals = numberInput("param-intervals", initial.intervals, "1", "1", "500");
  const overlap = numberInput("param-overlap", initial.overlap, "0", "0.05", "0.95");
  const cluster = choice("param-cluster", PAGE_CLUSTERS, clusterTitle);
  cluster.value = initial.cluster;
  const eps = numberInput("param-eps", initial.eps, "0", "any");
  const minSamples = numberInput("param-min-samples", initial.minSamples, "1", "1");
  const relativeGap = numberInput("param-gap", initial.relativeGap, "0", "0.05", "1");
  const dbscanFields = element(
    "div",
    { class: "field-pair", id: "dbscan-fields" },
    field("DBSCAN eps", eps, "Radius of a neighbourhood, > 0"),
    field("Min samples", minSamples, "Points within eps (itself included) that make a core point"),
  );
  const linkageFields = field(
    "Relative gap",
    relativeGap,
    "The dendrogram is cut at the first gap between merge distances larger than this fraction of the largest merge, in (0, 1]",
  );
  linkageFields.id = "single-linkage-fields";
  const showClusterFields = () => {
    dbscanFields.hidden = cluster.value !== "dbscan";
    linkageFields.hidden = cluster.value !== "single-linkage";
  };
  showClusterFields();
  cluster.addEventListener("change", showClusterFields);

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
  // novalidate: the browser's own checks of min/max/step would block the
  // submit with a bubble; pageParameters says the problem in the status line.
  const form = element(
    "form",
    { id: "parameters", novalidate: "" },
    field("Lens", lens, "The function on the inputs whose range is covered"),
    field(
      "Cover",
      cover,
      "Uniform: intervals of equal length over the lens range; balanced: intervals holding about equal numbers of inputs",
    ),
    element(
      "div",
      { class: "field-pair" },
      field("Intervals", intervals, "Intervals of the cover, per lens dimension"),
      field("Overlap", overlap, "Overlap fraction of neighbouring intervals, in [0, 1)"),
    ),
    field("Clustering", cluster, "How the inputs of each cover element are split into nodes"),
    dbscanFields,
    linkageFields,
    recompute,
    status,
  );
  if (!rows) {
    const controls = [lens, cover, intervals, overlap, cluster, eps, minSamples, relativeGap];
    for (const control of [...controls, recompute]) control.disabled = true;
    status.textContent =
      "Recomputing needs the activation rows, which this page does not hold (see the notes).";
  }
  return {
    form,
    recompute,
    status,
    fields: () => ({
      lens: lens.value,
      cover: cover.value,
      intervals: intervals.value,
      overlap: overlap.value,
      cluster: cluster.value,
      eps: eps.value,
      minSamples: minSamples.value,
      relativeGap: relativeGap.value,
    }),
  };
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

function coverTitle(name: string): string {
  return name === "balanced" ? "Balanced (equal counts)" : "Uniform (equal lengths)";
}

function clusterTitle(name: string): string {
  return name === "single-linkage" ? "Single linkage, first gap" : "DBSCAN";
}
