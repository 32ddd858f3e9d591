import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Durable file writing for run directories (internal): data reaches the
 * disk (fsync) before a rename makes it visible, so a killed process leaves
 * either the old state or the new one, never a torn file.
 */

/** Writes a file and flushes it to disk (not atomic by itself: write into a temporary directory or use {@link writeFileAtomic}). */
export async function writeFileSynced(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, "w", 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory's entries (a rename or a new file in it) to disk. */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on directories; the rename is still atomic.
    if ((error as NodeJS.ErrnoException).code !== "EINVAL") throw error;
  } finally {
    await handle.close();
  }
}

/** A fresh temporary name beside `path`, hidden and marked with the process id. */
export function temporaryPath(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
}

/** Replaces a file atomically: temporary file, fsync, rename, fsync of the directory. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFileSynced(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Fills a directory atomically: `fill` writes into a temporary directory
 * beside `path`, which then replaces `path` (an existing one is moved
 * aside and removed after the swap).
 */
export async function writeDirectoryAtomic(
  path: string,
  fill: (directory: string) => Promise<void>,
): Promise<void> {
  const temporary = temporaryPath(path);
  await mkdir(temporary, { recursive: true });
  try {
    await fill(temporary);
    await syncDirectory(temporary);
    const old = temporaryPath(path);
    let moved = false;
    try {
      await rename(path, old);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    await rename(temporary, path);
    await syncDirectory(dirname(path));
    if (moved) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
