import { trainingFigure } from "../../../src/report/report-figures.js";
import { element } from "../shared/element.js";
import { draw, slot } from "./chart-slot.js";
import { report } from "./report-state.js";
import { runLegend } from "./run-legend.js";

/** The curves over epochs: accuracy, loss and generalization gap of every run. */
const trainingSlots = {
  accuracy: slot("accuracy"),
  loss: slot("loss"),
  gap: slot("gap"),
};

/** The card of the training curves (its charts are drawn by {@link drawTraining}). */
export function trainingSection(): HTMLElement {
  return element(
    "section",
    { class: "card" },
    element("div", { class: "section-head" }, element("h2", {}, "Training"), runLegend()),
    element(
      "p",
      { class: "note" },
      "Train (solid) and test (dashed) on the records of metrics.jsonl; the gap is train minus test accuracy.",
    ),
    element(
      "div",
      { class: "grid three" },
      trainingSlots.accuracy,
      trainingSlots.loss,
      trainingSlots.gap,
    ),
  );
}

/** Draws the three training charts from the runs' records. */
export async function drawTraining(): Promise<void> {
  const size = { width: 300, height: 200, runLegend: false };
  await Promise.all(
    (["accuracy", "loss", "gap"] as const).map((metric) =>
      draw(
        trainingSlots[metric],
        trainingFigure(report.data, metric, size),
        "No record in metrics.jsonl yet.",
      ),
    ),
  );
}
