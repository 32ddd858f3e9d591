import { writeFileAtomic } from "./atomic-write.js";
import { IoError } from "./io-error.js";

/**
 * Writes a command's result: to `path` atomically (never half-written) when
 * given, else to stdout.
 * @throws IoError when the file cannot be written.
 */
export async function writeOutput(
  data: string | Uint8Array,
  path: string | undefined,
): Promise<void> {
  if (path === undefined) {
    process.stdout.write(data);
    return;
  }
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw new IoError("write", path, error);
  }
}
