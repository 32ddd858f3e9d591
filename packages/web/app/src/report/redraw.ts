import { drawEpochCharts } from "./epoch-charts.js";
import { drawFeatures } from "./features-over-training.js";
import { refreshTable } from "./report-page.js";
import { fillControls } from "./topology-controls.js";
import { drawTraining } from "./training-section.js";

let drawing: Promise<void> = Promise.resolve();

/** Runs `task` after the drawing queued before it, so that two redraws never interleave. */
export function afterDrawing(task: () => void | Promise<void>): Promise<void> {
  drawing = drawing.then(task);
  return drawing;
}

/** Redraws everything; `data-ready` on the body says the first drawing is done. */
export function redrawAll(): Promise<void> {
  return afterDrawing(async () => {
    fillControls();
    await Promise.all([drawTraining(), drawEpochCharts(), drawFeatures()]);
    refreshTable();
    document.body.dataset.ready = "true";
  });
}

/** Redraws the charts of the chosen epoch and repeat. */
export function redrawEpoch(): Promise<void> {
  return afterDrawing(() => drawEpochCharts());
}

/** Redraws the features over training. */
export function redrawFeatures(): Promise<void> {
  return afterDrawing(() => drawFeatures());
}
