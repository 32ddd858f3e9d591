import { readFileSync } from "node:fs";
import { diagramFromJSON } from "@nettopo/core";
import type { BettiBandJSON, DiagramFileData, FeatureSpreadJSON } from "@nettopo/web";
import { IoError } from "../io-error.js";
import { diagramPairs } from "./diagram-pairs.js";
import { sourceName } from "./text-scanner.js";

/**
 * Reads the JSON of `nettopo neurons` (a bootstrap: `{"repeats": [{"diagrams",
 * "features"}, ...], "summary": {"features", "bettiCurves"}}`) as a file of
 * the diagrams page: every repeat's diagram and features, the summary, and
 * what the file says about how it was made (input, data, parameters). The
 * repeats' sampled indices are left out (the page does not show them).
 *
 * @param path - The file.
 * @param label - Its label on the page.
 * @returns The file's data, or null when it is not a `nettopo neurons` JSON
 *   (no top-level "repeats" array): then it is read as one diagram.
 * @throws IoError when it cannot be read; TypeError/RangeError naming the
 *   file and the part for a malformed repeat or summary.
 */
export function readNeuronsFile(path: string, label: string): DiagramFileData | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new IoError("read", path, error);
  }
  if (text.trimStart()[0] !== "{") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // the diagram reader says what is wrong with it
  }
  const json = value as Record<string, unknown>;
  if (!Array.isArray(json.repeats) || "diagrams" in json) return null;
  const name = sourceName(path);
  if (json.repeats.length === 0) {
    throw new RangeError(`${name}: the nettopo neurons file has no repeat; expected at least one`);
  }
  const repeats = json.repeats.map((repeat: unknown, k) => {
    const entry = (repeat ?? {}) as { diagrams?: unknown; features?: unknown };
    let diagrams: DiagramFileData["repeats"][number]["diagrams"];
    try {
      diagrams = diagramPairs(diagramFromJSON({ diagrams: entry.diagrams }));
    } catch (error) {
      const message = `${name}: repeats[${k}]: ${(error as Error).message}`;
      throw error instanceof RangeError ? new RangeError(message) : new TypeError(message);
    }
    return { diagrams, features: numberRecord(entry.features) };
  });
  const summary = json.summary as { features?: unknown; bettiCurves?: unknown } | undefined;
  return {
    label,
    path,
    kind: "neurons",
    repeats,
    summary: {
      features: spreads(summary?.features),
      bettiCurves: bands(summary?.bettiCurves, repeats.length, name),
    },
    about: {
      ...(typeof json.input === "string" ? { input: json.input } : {}),
      ...(typeof json.data === "string" ? { data: json.data } : {}),
      ...(typeof json.parameters === "object" && json.parameters !== null
        ? { parameters: json.parameters }
        : {}),
    },
  };
}

/** The entries of an object that are numbers or null (a feature's value; null when not finite). */
function numberRecord(value: unknown): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || typeof entry === "number") out[key] = entry;
  }
  return out;
}

function spreads(value: unknown): Record<string, FeatureSpreadJSON> {
  const out: Record<string, FeatureSpreadJSON> = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [key, entry] of Object.entries(value)) {
    const s = numberRecord(entry);
    if ("mean" in s)
      out[key] = { mean: s.mean!, std: s.std ?? null, min: s.min ?? null, max: s.max ?? null };
  }
  return out;
}

/** The summary's Betti curve bands, checked: equal lengths, one curve per repeat, finite values. */
function bands(value: unknown, repeats: number, name: string): BettiBandJSON[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new TypeError(`${name}: summary.bettiCurves must be an array; got ${typeof value}`);
  }
  return value.map((entry: unknown, k) => {
    const at = `${name}: summary.bettiCurves[${k}]`;
    const band = (entry ?? {}) as Record<string, unknown>;
    if (!Number.isSafeInteger(band.dim) || (band.dim as number) < 0) {
      throw new TypeError(`${at}.dim must be an integer >= 0; got ${JSON.stringify(band.dim)}`);
    }
    const grid = finiteArray(band.grid, undefined, `${at}.grid`);
    const curves = Array.isArray(band.curves) ? band.curves : [];
    if (curves.length !== repeats && curves.length !== 0) {
      throw new RangeError(
        `${at} has ${curves.length} curves for ${repeats} repeats; they must match`,
      );
    }
    const optional = (key: string) =>
      band[key] === null || band[key] === undefined
        ? null
        : finiteArray(band[key], grid.length, `${at}.${key}`);
    return {
      dim: band.dim as number,
      grid,
      mean: finiteArray(band.mean, grid.length, `${at}.mean`),
      lower: optional("lower"),
      upper: optional("upper"),
      curves: curves.map((c: unknown, r) => finiteArray(c, grid.length, `${at}.curves[${r}]`)),
    };
  });
}

function finiteArray(value: unknown, length: number | undefined, at: string): number[] {
  if (!Array.isArray(value) || !value.every((x) => typeof x === "number" && Number.isFinite(x))) {
    throw new TypeError(`${at} must be an array of finite numbers`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RangeError(
      `${at} has ${value.length} values but the grid has ${length}; they must match`,
    );
  }
  return value as number[];
}
