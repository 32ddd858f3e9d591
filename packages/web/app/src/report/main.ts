import type { ReportData } from "../../../src/report/report-data.js";
import { readPageData } from "../page-data.js";
import { element } from "../shared/element.js";
import { fetchRuns } from "./fetch-runs.js";
import { followLiveUpdates } from "./live-updates.js";
import { redrawAll, redrawEpoch, redrawFeatures } from "./redraw.js";
import { app, buildPage } from "./report-page.js";
import { report } from "./report-state.js";
import { listenToControls } from "./topology-controls.js";
import "./report.css";

/**
 * The training report page (app/report.html): training curves and neuron
 * topology of one or more runs. `nettopo report` inlines the runs in the
 * page; `nettopo serve` leaves it empty, so the page fetches them and follows
 * the runs live.
 */

listenToControls({
  epochChanged: () => void redrawEpoch(),
  runChanged: () => void redrawAll(),
  featuresChanged: () => void redrawFeatures(),
});

async function start(): Promise<void> {
  const embedded = readPageData<ReportData>();
  if (embedded !== null) {
    report.data = embedded;
  } else {
    report.live = true;
    report.data = await fetchRuns();
  }
  document.title = `${report.data.title} · nettopo`;
  buildPage();
  await redrawAll();
  if (report.live) followLiveUpdates();
}

start().catch((error: unknown) => {
  app.replaceChildren(
    element(
      "p",
      { class: "notice error" },
      `The report could not be shown: ${(error as Error).message}`,
    ),
  );
  throw error;
});
