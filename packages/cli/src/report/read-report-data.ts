import { readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { readMetrics, readTopology, TOPOLOGY_FILE } from "@nettopo/nn";
import type { ReportData, ReportRun, RunConfigJSON, TopologySnapshotJSON } from "@nettopo/web";
import { IoError } from "../io-error.js";

/**
 * Checks that `directory` is a training run directory (it exists and has a
 * `config.json` of `nettopo train`) and reads its config.
 *
 * @throws RangeError with one line for a missing directory, a file, a
 *   directory without config.json, or a config.json that is not a run's;
 *   IoError for an unreadable file.
 */
export async function readRunConfig(directory: string): Promise<RunConfigJSON> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(directory)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new RangeError(
        `run directory ${JSON.stringify(directory)} does not exist; expected a directory made by nettopo train`,
      );
    }
    throw new IoError("read", directory, error);
  }
  if (!isDirectory) {
    throw new RangeError(
      `${JSON.stringify(directory)} is a file; expected a run directory made by nettopo train`,
    );
  }
  const path = join(directory, "config.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new RangeError(
        `${JSON.stringify(directory)} is not a run directory: it has no config.json (nettopo train writes one)`,
      );
    }
    throw new IoError("read", path, error);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new RangeError(`${path} is not JSON (${(error as Error).message})`);
  }
  if (
    typeof config !== "object" ||
    config === null ||
    (config as { format?: unknown }).format !== "nettopo-run"
  ) {
    throw new RangeError(
      `${path} is not the config of a nettopo run (expected "format": "nettopo-run")`,
    );
  }
  return config as RunConfigJSON;
}

/**
 * Reads one run directory for the report: its config, its metrics.jsonl and,
 * when present, its topology.jsonl (through @nettopo/nn's readers, which
 * ignore a torn last line). Each Betti curve's per-repeat curves are left
 * out (the report draws their mean and band).
 *
 * @throws What {@link readRunConfig} throws; RangeError naming the file and
 *   line for a damaged line.
 */
export async function readReportRun(directory: string, name: string): Promise<ReportRun> {
  const config = await readRunConfig(directory);
  const records = await readFileOf(join(directory, "metrics.jsonl"), readMetrics);
  const topologyPath = join(directory, TOPOLOGY_FILE);
  const hasTopology = await exists(topologyPath);
  const snapshots = hasTopology
    ? await readFileOf(topologyPath, () => readTopology(directory))
    : null;
  const topology =
    snapshots === null
      ? null
      : (snapshots as unknown[]).map((value, k) => reportSnapshot(value, topologyPath, k));
  return { name, directory, config, records, topology };
}

/**
 * The report's data for run directories: each read by {@link readReportRun},
 * named by its base name (" (2)", " (3)" appended to repeated names).
 */
export async function readReportData(
  directories: readonly string[],
  title: string,
): Promise<ReportData> {
  const names = runNames(directories);
  const runs = await Promise.all(directories.map((d, k) => readReportRun(d, names[k]!)));
  return { title, generated: new Date().toISOString(), runs };
}

/** Unique short names of run directories: base names, repeated ones numbered. */
export function runNames(directories: readonly string[]): string[] {
  const names: string[] = [];
  for (const directory of directories) {
    const base = basename(resolve(directory)) || directory;
    let name = base;
    for (let k = 2; names.includes(name); k += 1) name = `${base} (${k})`;
    names.push(name);
  }
  return names;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new IoError("read", path, error);
  }
}

async function readFileOf<T>(path: string, read: (path: string) => Promise<T>): Promise<T> {
  try {
    return await read(path);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw error;
    throw new IoError("read", path, error);
  }
}

/**
 * A snapshot of topology.jsonl as the report uses it, checked (the fields the
 * report draws), without each Betti curve's per-repeat curves.
 *
 * @throws RangeError naming the file and the snapshot for a record that is not one.
 */
export function reportSnapshot(value: unknown, path: string, index: number): TopologySnapshotJSON {
  const problem = snapshotProblem(value);
  if (problem !== null) {
    throw new RangeError(
      `${path}: snapshot ${index + 1} is not a neuron-topology snapshot (${problem})`,
    );
  }
  const snapshot = value as TopologySnapshotJSON;
  return {
    ...snapshot,
    summary: {
      ...snapshot.summary,
      bettiCurves: snapshot.summary.bettiCurves.map(({ dim, grid, mean, lower, upper }) => ({
        dim,
        grid,
        mean,
        lower,
        upper,
      })),
    },
  };
}

/** What is wrong with a record of topology.jsonl, or null when it has the fields the report reads. */
function snapshotProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "expected a JSON object";
  }
  const v = value as Record<string, unknown>;
  if (typeof v.epoch !== "number" || !(v.epoch >= 0)) return "epoch must be a number >= 0";
  if (typeof v.step !== "number" || !(v.step >= 0)) return "step must be a number >= 0";
  if (!Array.isArray(v.repeats)) return "repeats must be an array";
  for (const [r, repeat] of (v.repeats as unknown[]).entries()) {
    const rep = repeat as Record<string, unknown> | null;
    if (typeof rep !== "object" || rep === null || !Array.isArray(rep.diagrams)) {
      return `repeats[${r}].diagrams must be an array`;
    }
    if (typeof rep.features !== "object" || rep.features === null) {
      return `repeats[${r}].features must be an object`;
    }
    for (const d of rep.diagrams as unknown[]) {
      const diagram = d as Record<string, unknown> | null;
      if (typeof diagram?.dim !== "number" || !Array.isArray(diagram.pairs)) {
        return `repeats[${r}].diagrams must be {dim, pairs}`;
      }
    }
  }
  const summary = v.summary as Record<string, unknown> | null | undefined;
  if (typeof summary !== "object" || summary === null) return "no summary";
  if (typeof summary.features !== "object" || summary.features === null) {
    return "no summary.features";
  }
  if (!Array.isArray(summary.bettiCurves)) return "summary.bettiCurves must be an array";
  for (const band of summary.bettiCurves as unknown[]) {
    const b = band as Record<string, unknown> | null;
    if (
      typeof b?.dim !== "number" ||
      !Array.isArray(b.grid) ||
      !Array.isArray(b.mean) ||
      b.grid.length !== b.mean.length
    ) {
      return "summary.bettiCurves must be {dim, grid, mean, lower, upper} with as many means as grid points";
    }
  }
  return null;
}
