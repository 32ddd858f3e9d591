import { type FileHandle, open, readFile } from "node:fs/promises";
import { writeFileAtomic } from "./durable-files.js";
import type { TrainingRecord } from "./training-record.js";

/**
 * A run's `metrics.jsonl` (internal): one {@link TrainingRecord} per line,
 * appended and flushed to disk (fsync) record by record.
 */
export class MetricsLog {
  private constructor(private readonly handle: FileHandle) {}

  /** Opens the file for appending (creating it). */
  static async open(path: string): Promise<MetricsLog> {
    return new MetricsLog(await open(path, "a", 0o644));
  }

  /** Appends one record as a line and flushes it. */
  async append(record: TrainingRecord): Promise<void> {
    await this.handle.write(`${JSON.stringify(record)}\n`);
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * The records of a `metrics.jsonl` (internal); a last line cut short by a
 * killed process is ignored, as is a missing file.
 */
export function readMetrics(path: string): Promise<TrainingRecord[]> {
  return readJsonLines<TrainingRecord>(path);
}

/**
 * The records of a JSON-lines log that this process appends to (internal):
 * none for a missing file; a torn last line (a killed writer) is left out,
 * a bad line before it is damage (a RangeError naming the line).
 */
export async function readJsonLines<T>(path: string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const records: T[] = [];
  const lines = text.split("\n");
  lines.forEach((line, k) => {
    if (line.trim() === "") return;
    try {
      records.push(JSON.parse(line) as T);
    } catch (error) {
      // Only the last line can be torn (appends are sequential); anything else is damage.
      if (k !== lines.length - 1) {
        throw new RangeError(
          `${path}: line ${k + 1} is not a JSON record (${(error as Error).message})`,
        );
      }
    }
  });
  return records;
}

/**
 * Keeps the records of a `metrics.jsonl` up to a step (those the last
 * checkpoint covers), rewriting the file atomically (internal).
 *
 * @returns The records kept.
 */
export async function truncateMetrics(path: string, lastStep: number): Promise<TrainingRecord[]> {
  const kept = (await readMetrics(path)).filter((r) => r.step <= lastStep);
  await writeFileAtomic(path, kept.map((r) => `${JSON.stringify(r)}\n`).join(""));
  return kept;
}
