import { open, stat } from "node:fs/promises";

/** What one {@link LineTail.poll} found. */
export interface TailUpdate {
  /** The new complete lines (without their "\n"; blank lines left out), in order. */
  readonly lines: readonly string[];
  /** The index (among the file's non-blank complete lines) of `lines[0]`. */
  readonly firstIndex: number;
  /** True when the file shrank or was replaced: what was read before is void. */
  readonly reset: boolean;
}

/**
 * Follows a file that another process appends lines to (a run's
 * metrics.jsonl or topology.jsonl): each {@link poll} returns the complete
 * lines added since the last one. A line being written (no "\n" yet) is kept
 * back until it is complete; a file that shrinks or is replaced by another
 * (a resumed run rewrites its metrics atomically) is reported as a reset and
 * followed from its start again. A missing file is an empty one.
 */
export class LineTail {
  private offset = 0;
  private inode: number | null = null;
  private partial = Buffer.alloc(0);
  private count = 0;

  /** @param path - The file to follow. */
  constructor(readonly path: string) {}

  /** Skips what the file holds now: later polls give only lines added after this. */
  async skipExisting(): Promise<void> {
    await this.poll();
  }

  /** The complete lines added since the last poll. */
  async poll(): Promise<TailUpdate> {
    let size: number;
    let inode: number;
    try {
      const s = await stat(this.path);
      size = s.size;
      inode = s.ino;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      const reset = this.offset > 0;
      this.restart(null);
      return { lines: [], firstIndex: 0, reset };
    }
    let reset = false;
    if ((this.inode !== null && inode !== this.inode) || size < this.offset) {
      reset = true;
      this.restart(inode);
    }
    this.inode = inode;
    if (size === this.offset) return { lines: [], firstIndex: this.count, reset };
    const handle = await open(this.path, "r");
    let chunk: Buffer;
    try {
      chunk = Buffer.alloc(size - this.offset);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, this.offset);
      chunk = chunk.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    this.offset += chunk.length;
    const text = Buffer.concat([this.partial, chunk]);
    const end = text.lastIndexOf(0x0a);
    if (end < 0) {
      this.partial = text;
      return { lines: [], firstIndex: this.count, reset };
    }
    this.partial = Buffer.from(text.subarray(end + 1));
    const firstIndex = this.count;
    const lines = text
      .subarray(0, end)
      .toString("utf8")
      .split("\n")
      .filter((line) => line.trim() !== "");
    this.count += lines.length;
    return { lines, firstIndex, reset };
  }

  private restart(inode: number | null): void {
    this.offset = 0;
    this.inode = inode;
    this.partial = Buffer.alloc(0);
    this.count = 0;
  }
}
