import { type FileHandle, open } from "node:fs/promises";
import { writeFileAtomic } from "./durable-files.js";
import { readTopologyFile, type TopologyRecord } from "./read-topology.js";

/**
 * A run's `topology.jsonl` (internal): one snapshot per line, each appended
 * with a single write and flushed to disk (fdatasync), as `metrics.jsonl`.
 */
export class TopologyLog {
  private constructor(private readonly handle: FileHandle) {}

  /** Opens the file for appending (creating it). */
  static async open(path: string): Promise<TopologyLog> {
    return new TopologyLog(await open(path, "a", 0o644));
  }

  /** Appends one record as a line and flushes it. */
  async append(record: TopologyRecord): Promise<void> {
    await this.handle.write(`${JSON.stringify(record)}\n`);
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * Keeps the snapshots of a `topology.jsonl` up to a step, dropping a torn
 * last line, rewriting the file atomically (internal).
 *
 * @returns The records kept.
 */
export async function truncateTopology(path: string, lastStep: number): Promise<TopologyRecord[]> {
  const kept = (await readTopologyFile(path)).filter((r) => r.step <= lastStep);
  await writeFileAtomic(path, kept.map((r) => `${JSON.stringify(r)}\n`).join(""));
  return kept;
}
