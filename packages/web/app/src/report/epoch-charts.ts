import { drawBettiCurves } from "./betti-curves.js";
import { choice } from "./choice.js";
import { diagramSlots, drawDiagramAndBarcode } from "./epoch-diagram.js";
import { report } from "./report-state.js";
import { updateEpochLabel } from "./topology-controls.js";

/**
 * Draws what depends on the slider and the repeat: the Betti curves (the
 * chosen epoch in bold), the diagram and the barcode. Once all are drawn the
 * diagram and barcode carry the epoch in `data-epoch`, so a test can wait for it.
 */
export async function drawEpochCharts(): Promise<void> {
  const run = report.data.runs[choice.run];
  if (run?.topology == null || run.topology.length === 0) return;
  const snapshot = run.topology[choice.snapshot]!;
  updateEpochLabel();
  await Promise.all([
    drawBettiCurves(run, snapshot.epoch),
    drawDiagramAndBarcode(run, choice.snapshot, choice.repeat),
  ]);
  for (const target of [diagramSlots.diagram, diagramSlots.barcode]) {
    target.dataset.epoch = String(snapshot.epoch);
  }
}
