import type { ReportRun } from "../../../src/report/report-data.js";
import { barcodeFigure, diagramFigure } from "../../../src/report/report-figures.js";
import { draw, slot } from "./chart-slot.js";

/** The persistence diagram and barcode of the chosen snapshot and repeat. */
export const diagramSlots = {
  diagram: slot("diagram"),
  barcode: slot("barcode"),
};

/** Draws the diagram and barcode of repeat `repeat` of snapshot `snapshot` of the run. */
export async function drawDiagramAndBarcode(
  run: ReportRun,
  snapshot: number,
  repeat: number,
): Promise<void> {
  await Promise.all([
    draw(
      diagramSlots.diagram,
      diagramFigure(run, snapshot, repeat, { width: 300, height: 300 }),
      "No diagram in this snapshot.",
    ),
    draw(
      diagramSlots.barcode,
      barcodeFigure(run, snapshot, repeat, { width: 460 }),
      "No diagram in this snapshot.",
    ),
  ]);
}
