import {
  type FeatureBand,
  featureCatalog,
  formatEpoch,
} from "../../../src/report/report-figures.js";
import { element } from "../shared/element.js";
import { choice } from "./choice.js";
import { report, runsWithTopology } from "./report-state.js";

/**
 * The inputs of the topology section: run, epoch slider (with its label),
 * bootstrap repeat, band of the feature charts, and the feature of the
 * "any feature" chart. Created once; {@link fillControls} fits them to the data.
 */
export const controls = {
  run: element("select", { id: "run-select", "aria-label": "Run" }),
  slider: element("input", {
    id: "epoch-slider",
    type: "range",
    min: "0",
    max: "0",
    step: "1",
    value: "0",
    "aria-label": "Epoch",
  }),
  epochLabel: element("output", { id: "epoch-label", for: "epoch-slider" }),
  repeat: element("select", { id: "repeat-select", "aria-label": "Bootstrap repeat" }),
  band: element(
    "select",
    { id: "band-select", "aria-label": "Band" },
    element("option", { value: "std" }, "mean ± std"),
    element("option", { value: "range" }, "min – max"),
  ),
  feature: element("select", { id: "feature-select", "aria-label": "Feature" }),
};

/**
 * Fits the controls' options and values to the data (which grows in a live
 * run), and the choice to what exists: a run with topology, a snapshot (the
 * newest while the slider follows it), a repeat and a feature.
 */
export function fillControls(): void {
  const { data } = report;
  const withTopology = runsWithTopology();
  if (withTopology.length === 0) return;
  if (!withTopology.includes(choice.run)) choice.run = withTopology[0]!;
  controls.run.replaceChildren(
    ...withTopology.map((k) => element("option", { value: String(k) }, data.runs[k]!.name)),
  );
  controls.run.value = String(choice.run);
  controls.run.disabled = withTopology.length === 1;
  const snapshots = data.runs[choice.run]!.topology!;
  const last = snapshots.length - 1;
  if (choice.followLatest || choice.snapshot > last) choice.snapshot = last;
  controls.slider.max = String(last);
  controls.slider.value = String(choice.snapshot);
  controls.slider.disabled = last === 0;
  const repeats = snapshots[choice.snapshot]!.repeats.length;
  if (choice.repeat >= repeats) choice.repeat = 0;
  controls.repeat.replaceChildren(
    ...Array.from({ length: repeats }, (_, r) =>
      element("option", { value: String(r) }, `${r + 1} of ${repeats}`),
    ),
  );
  controls.repeat.value = String(choice.repeat);
  const features = featureCatalog(data);
  if (!features.some((f) => f.key === choice.extraFeature)) {
    choice.extraFeature =
      features.find((f) => f.key === "h1.lifetime.mean")?.key ?? features[0]?.key ?? "";
  }
  controls.feature.replaceChildren(
    ...features.map((f) => element("option", { value: f.key }, f.label)),
  );
  controls.feature.value = choice.extraFeature;
  controls.band.value = choice.band;
  updateEpochLabel();
}

/** Says which snapshot the slider is on: epoch, step and its rank. */
export function updateEpochLabel(): void {
  const { data } = report;
  const snapshot = data.runs[choice.run]?.topology?.[choice.snapshot];
  if (snapshot === undefined) return;
  const of = data.runs[choice.run]!.topology!.length;
  controls.epochLabel.textContent = `epoch ${formatEpoch(snapshot.epoch)} · step ${snapshot.step} · snapshot ${choice.snapshot + 1} of ${of}`;
}

/** What to redraw when the reader changes a control (the choice is already updated). */
export interface ControlHandlers {
  /** Another snapshot or repeat: the charts of the chosen epoch. */
  epochChanged(): void;
  /** Another run: everything. */
  runChanged(): void;
  /** Another band or feature: the features over training. */
  featuresChanged(): void;
}

/** Writes each control's changes into the choice, then calls the matching handler. */
export function listenToControls(handlers: ControlHandlers): void {
  controls.slider.addEventListener("input", () => {
    choice.snapshot = Number(controls.slider.value);
    choice.followLatest = choice.snapshot === Number(controls.slider.max);
    handlers.epochChanged();
  });
  controls.run.addEventListener("change", () => {
    choice.run = Number(controls.run.value);
    choice.followLatest = true;
    choice.repeat = 0;
    handlers.runChanged();
  });
  controls.repeat.addEventListener("change", () => {
    choice.repeat = Number(controls.repeat.value);
    handlers.epochChanged();
  });
  controls.band.addEventListener("change", () => {
    choice.band = controls.band.value as FeatureBand;
    handlers.featuresChanged();
  });
  controls.feature.addEventListener("change", () => {
    choice.extraFeature = controls.feature.value;
    handlers.featuresChanged();
  });
}
