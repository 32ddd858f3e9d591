import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type {
  ReportData,
  ReportRun,
  RunConfigJSON,
  TopologySnapshotJSON,
  TrainingRecordJSON,
} from "../report/report-data.js";

/**
 * The committed example run (fixtures/report-runs/mlp-16-16, made by
 * scripts/make-example-runs.mjs --small: a 4-16-16-2 MLP on ball4, 5 epochs,
 * topology.jsonl with 3 bootstrap repeats per snapshot).
 */
export const FIXTURE_RUN = fileURLToPath(
  new URL("../../../../fixtures/report-runs/mlp-16-16/", import.meta.url),
);

function lines<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

/** The fixture run as the report reads it, named `name`; without its topology when `topology` is false. */
export function fixtureRun(name = "mlp-16-16", topology = true): ReportRun {
  return {
    name,
    directory: FIXTURE_RUN,
    config: JSON.parse(readFileSync(`${FIXTURE_RUN}config.json`, "utf8")) as RunConfigJSON,
    records: lines<TrainingRecordJSON>(`${FIXTURE_RUN}metrics.jsonl`),
    topology: topology ? lines<TopologySnapshotJSON>(`${FIXTURE_RUN}topology.jsonl`) : null,
  };
}

/** Report data of the given runs. */
export function reportData(runs: readonly ReportRun[], title = "Fixture report"): ReportData {
  return { title, generated: "2026-01-01T00:00:00.000Z", runs };
}
