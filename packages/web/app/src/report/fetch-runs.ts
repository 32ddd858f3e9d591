import type { ReportData } from "../../../src/report/report-data.js";

/** The runs as `nettopo serve` reads them now (`GET api/runs`, never from the cache). */
export async function fetchRuns(): Promise<ReportData> {
  const response = await fetch("api/runs", { cache: "no-store" });
  if (!response.ok) throw new Error(`GET api/runs: ${response.status} ${response.statusText}`);
  return (await response.json()) as ReportData;
}
