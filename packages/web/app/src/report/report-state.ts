import type { ReportData } from "../../../src/report/report-data.js";

/**
 * What the page shows: the runs' data (inlined by `nettopo report`, or
 * fetched and then kept up to date by `nettopo serve`) and whether it is live.
 * One mutable object, so that a refetch replaces the data for every section.
 */
export const report: { data: ReportData; live: boolean } = {
  data: undefined as unknown as ReportData,
  live: false,
};

/** The indices of the runs that have at least one topology snapshot. */
export function runsWithTopology(): number[] {
  return report.data.runs.flatMap((run, k) => ((run.topology?.length ?? 0) > 0 ? [k] : []));
}
