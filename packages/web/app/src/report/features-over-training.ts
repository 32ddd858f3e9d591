import { featureFigure, headlineFeatures } from "../../../src/report/report-figures.js";
import { element } from "../shared/element.js";
import { draw, keepSlots, slot } from "./chart-slot.js";
import { choice } from "./choice.js";
import { report, runsWithTopology } from "./report-state.js";

/**
 * The topological features over training: a grid of the headline features
 * and one wider chart of the feature the reader picks.
 */
export const featureSlots = {
  headline: element("div", { class: "grid three" }),
  extra: slot("feature-extra"),
};

/** Draws the features of every run with topology, with the chosen band. */
export async function drawFeatures(): Promise<void> {
  const { data } = report;
  if (runsWithTopology().length === 0) return;
  const keys = headlineFeatures(data);
  keepSlots(
    featureSlots.headline,
    keys.map((key) => `feature-${key}`),
  );
  const size = { width: 300, height: 170, runLegend: false };
  await Promise.all([
    ...keys.map((key, k) =>
      draw(
        featureSlots.headline.children[k] as HTMLElement,
        featureFigure(data, key, choice.band, size),
        "No value.",
      ),
    ),
    draw(
      featureSlots.extra,
      choice.extraFeature === ""
        ? null
        : featureFigure(data, choice.extraFeature, choice.band, {
            width: 620,
            height: 220,
            runLegend: false,
          }),
      "No feature.",
    ),
  ]);
}
