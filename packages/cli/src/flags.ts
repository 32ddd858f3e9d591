import { parseArgs } from "node:util";
import { UsageError } from "./usage-error.js";

type OptionsConfig = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/**
 * Parses a command's arguments strictly (unknown flags are errors) with
 * positionals allowed, turning node's parse errors into one-line usage errors
 * that point at the command's help.
 *
 * @param command - The command's name, for the hint in messages.
 * @throws UsageError for an unknown flag or a flag missing its value.
 */
export function parseCommandArgs<T extends OptionsConfig>(
  command: string,
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, command));
  }
}

function describeParseError(error: unknown, command: string): string {
  const e = error as { code?: string; message?: string };
  const message = String(e.message ?? error);
  const option = /'([^']+)'/.exec(message)?.[1];
  const hint = `run 'nettopo ${command} --help' for the options`;
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? message}; ${hint}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `${message.replace(/\.$/, "").replace(/^Option /, "option ")}; ${hint}`;
    default:
      return message.split("\n")[0]!;
  }
}

/** The flag's value if it is one of `allowed`, `undefined` if absent; a UsageError otherwise. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${flag} ${JSON.stringify(value)} is not known; expected one of ${allowed.join(", ")}`,
  );
}

/** The flag's value as an integer >= `min` (default 0); a UsageError otherwise. */
export function integerFlag(flag: string, value: string, min = 0): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not an integer >= ${min}; expected e.g. ${flag} ${Math.max(min, 1)}`,
    );
  }
  return number;
}

/**
 * The flag's value as a number >= `min`; `inf`/`infinity` (any case) is
 * Infinity when `allowInfinity`. A UsageError otherwise.
 */
export function numberFlag(
  flag: string,
  value: string,
  { min = 0, allowInfinity = false }: { min?: number; allowInfinity?: boolean } = {},
): number {
  if (allowInfinity && /^\+?(inf|infinity)$/i.test(value)) return Number.POSITIVE_INFINITY;
  const number = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(value)
    ? Number(value)
    : Number.NaN;
  if (!(number >= min) || !Number.isFinite(number)) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not a number >= ${min}${allowInfinity ? " or inf" : ""}; expected e.g. ${flag} ${min === 0 || !Number.isFinite(min) ? "0.5" : min}`,
    );
  }
  return number;
}

/** The flag's value as two comma-separated integers >= 1, e.g. `--image-size 40,30`. */
export function integerPairFlag(flag: string, value: string): readonly [number, number] {
  const parts = value.split(",");
  if (parts.length !== 2) {
    throw new UsageError(`${flag} ${JSON.stringify(value)} must be two integers A,B`);
  }
  return [integerFlag(flag, parts[0].trim(), 1), integerFlag(flag, parts[1].trim(), 1)];
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  "": 1,
  k: 2 ** 10,
  m: 2 ** 20,
  g: 2 ** 30,
  t: 2 ** 40,
};

/**
 * The flag's value as a number of bytes: a number with an optional binary
 * unit K, M, G or T (KiB..TiB; `512M`, `1.5G`, `2GiB`, `100000`). A
 * UsageError otherwise.
 */
export function sizeFlag(flag: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(value.trim());
  const bytes = match ? Math.floor(Number(match[1]) * SIZE_UNITS[match[2]!.toLowerCase()]!) : NaN;
  if (!Number.isSafeInteger(bytes)) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not a size; expected bytes with an optional unit K, M, G or T (powers of 1024), e.g. ${flag} 512M`,
    );
  }
  return bytes;
}
