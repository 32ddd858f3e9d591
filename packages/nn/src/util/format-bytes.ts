/**
 * Bytes for a message: GiB or MiB with three significant digits, else bytes.
 *
 * @example
 * formatBytes(3 * 2 ** 30); // "3.00 GiB"
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toPrecision(3)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toPrecision(3)} MiB`;
  return `${bytes} bytes`;
}
