import type { ReportEvent, ReportRun } from "../../../src/report/report-data.js";
import { fetchRuns } from "./fetch-runs.js";
import { afterDrawing, redrawAll } from "./redraw.js";
import { buildPage } from "./report-page.js";
import { report, runsWithTopology } from "./report-state.js";

let pending: ReturnType<typeof setTimeout> | null = null;
let rebuildPending = false;
/** Redraws soon, once for a burst of events; `rebuild` also rebuilds the sections. */
function scheduleRedraw(rebuild = false): void {
  rebuildPending ||= rebuild;
  if (pending !== null) return;
  pending = setTimeout(() => {
    pending = null;
    const rebuildNow = rebuildPending;
    rebuildPending = false;
    void afterDrawing(() => {
      if (rebuildNow) buildPage();
    });
    void redrawAll();
  }, 250);
}

function refetch(): void {
  void fetchRuns().then((fresh) => {
    report.data = fresh;
    scheduleRedraw(true);
  });
}

/**
 * Follows the runs live (`nettopo serve`): listens to the server's event
 * stream (`api/events`), appends each new record or snapshot to its run and
 * redraws; refetches all runs when lines were missed, a run was reset, or
 * the stream comes back after a loss. The header's status says whether the
 * stream is up.
 */
export function followLiveUpdates(): void {
  const events = new EventSource("api/events");
  const status = () => document.getElementById("live-status");
  let lost = false;
  events.addEventListener("open", () => {
    const s = status();
    if (s) {
      s.textContent = "● live";
      s.className = "status live";
    }
    // Lines written while the stream was down are fetched again.
    if (lost) refetch();
    lost = false;
  });
  events.addEventListener("error", () => {
    lost = true;
    const s = status();
    if (s) {
      s.textContent = "○ reconnecting…";
      s.className = "status offline";
    }
  });
  const hadTopology = () => runsWithTopology().length > 0;
  const apply = (event: ReportEvent) => {
    const run = report.data.runs[event.run] as
      | { -readonly [K in keyof ReportRun]: ReportRun[K] }
      | undefined;
    if (run === undefined) return;
    if (event.type === "reset") {
      refetch();
      return;
    }
    const have = event.type === "record" ? run.records.length : (run.topology?.length ?? 0);
    if (event.line < have) return; // already read with the runs
    if (event.line > have) {
      refetch(); // some lines were missed
      return;
    }
    if (event.type === "record") {
      run.records = [...run.records, event.record];
      scheduleRedraw();
    } else {
      const before = hadTopology();
      run.topology = [...(run.topology ?? []), event.snapshot];
      scheduleRedraw(!before);
    }
  };
  for (const type of ["record", "topology", "reset"]) {
    events.addEventListener(type, (message) => {
      apply({ type, ...JSON.parse((message as MessageEvent<string>).data) } as ReportEvent);
    });
  }
}
