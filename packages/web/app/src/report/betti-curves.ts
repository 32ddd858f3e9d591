import type { ReportRun } from "../../../src/report/report-data.js";
import { bettiFigure, topologyDims } from "../../../src/report/report-figures.js";
import { element } from "../shared/element.js";
import { draw, keepSlots } from "./chart-slot.js";

/** The grid of Betti curves by epoch: one chart per homology dimension of the run. */
export const bettiGrid = element("div", { class: "grid two" });

/** Draws the run's Betti curves of every epoch, the chosen `epoch` in bold. */
export async function drawBettiCurves(run: ReportRun, epoch: number): Promise<void> {
  const dims = topologyDims(run);
  // One slot per dimension, created once per run.
  keepSlots(
    bettiGrid,
    dims.map((dim) => `betti-h${dim}`),
  );
  const wide = { width: 440, height: 240 };
  await Promise.all(
    dims.map((dim, k) =>
      draw(
        bettiGrid.children[k] as HTMLElement,
        bettiFigure(run, dim, epoch, wide),
        `No H${dim} Betti curve.`,
      ),
    ),
  );
}
