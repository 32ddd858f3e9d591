/**
 * A file that could not be read or written, with a one-line message that says
 * which and why (reported with exit code 1).
 */
export class IoError extends Error {
  override name = "IoError";

  /**
   * @param action - "read" or "write".
   * @param path - The file.
   * @param cause - The system error.
   */
  constructor(action: "read" | "write", path: string, cause: unknown) {
    super(`cannot ${action} ${JSON.stringify(path)}: ${reason(cause, action)}`, { cause });
  }
}

function reason(cause: unknown, action: "read" | "write"): string {
  const code = (cause as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return action === "read"
        ? "no such file; expected an existing file (or - for standard input)"
        : "no such directory; expected the directory of the output file to exist";
    case "EISDIR":
      return "it is a directory; expected a file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return code === undefined
        ? String((cause as Error)?.message ?? cause)
        : `${code} (${(cause as Error).message})`;
  }
}
