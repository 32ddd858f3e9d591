import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";

/** A temporary directory of one test file, and a way to write inputs into it. */
export interface ScratchDirectory {
  /** Its path. */
  readonly dir: string;
  /** Writes `content` to `dir/name` and returns that path. */
  file(name: string, content: string | Uint8Array): string;
}

/**
 * Makes a fresh directory under the system's temporary directory, removed
 * (with what the tests wrote there) after the calling file's tests: the CLI
 * tests read their inputs from real files and write real outputs.
 *
 * @param prefix - Start of the directory's name, e.g. `"nettopo-plot-"`.
 */
export function scratchDirectory(prefix: string): ScratchDirectory {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
