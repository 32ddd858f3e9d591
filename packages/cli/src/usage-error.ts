/**
 * An error in how the command was called (an unknown flag, a bad flag value,
 * a missing argument): reported in one line with exit code 2.
 */
export class UsageError extends Error {
  override name = "UsageError";
}
