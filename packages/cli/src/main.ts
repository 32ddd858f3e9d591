/** Entry point of the `nettopo` command; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  process.stdout.write(`nettopo: ${argv.join(" ")}\n`);
  return 0;
}
