import { element } from "../shared/element.js";
import { bettiGrid } from "./betti-curves.js";
import { diagramSlots } from "./epoch-diagram.js";
import { featureSlots } from "./features-over-training.js";
import { report, runsWithTopology } from "./report-state.js";
import { runLegend } from "./run-legend.js";
import { controls } from "./topology-controls.js";

/**
 * The card of neuron topology over training: the controls, the Betti curves
 * by epoch, the diagram and barcode of the chosen epoch, and the features
 * over training; or a notice saying how to record topology when no run has any.
 */
export function topologySection(): HTMLElement {
  const { data } = report;
  const withTopology = runsWithTopology();
  const section = element("section", { class: "card", id: "topology" });
  section.append(element("h2", {}, "Neuron topology over training"));
  if (withTopology.length === 0) {
    section.append(
      element(
        "p",
        { class: "notice", id: "no-topology" },
        data.runs.length === 1 ? "This run has" : "These runs have",
        " no neuron topology (no topology.jsonl in the run directory, or no snapshot in it yet): the report shows the training curves only. Train with ",
        element("code", {}, "nettopo train … --monitor neurons"),
        " to record the persistent homology of the neurons at every epoch.",
      ),
    );
    return section;
  }
  const missing = data.runs.filter((run) => (run.topology?.length ?? 0) === 0).map((r) => r.name);
  section.append(
    element(
      "p",
      { class: "note" },
      "Persistent homology of the neurons' functional metric (Vietoris–Rips on 1 − |corr| of their activations), bootstrapped over samples of neurons and inputs at every snapshot.",
      missing.length > 0
        ? ` Without topology.jsonl: ${missing.join(", ")} (training curves only).`
        : "",
    ),
  );
  const controlBar = element(
    "div",
    { class: "controls" },
    element("label", {}, "Run ", controls.run),
    element("label", { class: "slider" }, "Epoch ", controls.slider, controls.epochLabel),
    element("label", {}, "Repeat ", controls.repeat),
  );
  section.append(
    controlBar,
    element(
      "h3",
      {},
      "Betti curves per epoch ",
      element(
        "span",
        { class: "muted" },
        "(Corneanu et al.; colour = epoch, band = bootstrap confidence band; the chosen epoch in bold)",
      ),
    ),
    bettiGrid,
    element("h3", {}, "Diagram and barcode of the chosen epoch and repeat"),
    element("div", { class: "grid diagram-row" }, diagramSlots.diagram, diagramSlots.barcode),
    element(
      "div",
      { class: "features-head" },
      element("h3", {}, "Topological features over training"),
      element("label", {}, "Band ", controls.band),
      runLegend(withTopology),
    ),
    element(
      "p",
      { class: "note" },
      "Each point is the mean over the bootstrap repeats of a snapshot; runs share the axes so they compare directly.",
    ),
    featureSlots.headline,
    element(
      "div",
      { class: "features-head" },
      element("label", {}, "Any feature ", controls.feature),
    ),
    featureSlots.extra,
  );
  return section;
}
