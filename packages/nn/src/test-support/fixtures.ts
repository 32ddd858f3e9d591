import { existsSync, readFileSync } from "node:fs";

/** The repository's fixtures/data folder, from the compiled dist/test-support. */
export const DATA_FIXTURES = new URL("../../../../fixtures/data/", import.meta.url);

/** The bytes of a fixture file under fixtures/data. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, DATA_FIXTURES)));
}

/** A JSON fixture under fixtures/data, or undefined when absent. */
export function fixtureJson<T>(path: string): T | undefined {
  const url = new URL(path, DATA_FIXTURES);
  return existsSync(url) ? (JSON.parse(readFileSync(url, "utf8")) as T) : undefined;
}

/** A manifest value: a number, or "nan" / "inf" / "-inf". */
export type JsonNumber = number | "nan" | "inf" | "-inf";

/** The number a manifest value stands for. */
export function decodeNumber(v: JsonNumber): number {
  if (v === "nan") return Number.NaN;
  if (v === "inf") return Number.POSITIVE_INFINITY;
  if (v === "-inf") return Number.NEGATIVE_INFINITY;
  return v;
}

/** Whether two numbers are the same value (NaN equals NaN, -0 differs from 0). */
export function sameNumber(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}
