import { requireBarcode } from "../diagrams/barcode.js";
import { describe } from "../metric/validate.js";
import type { DiagramOfDimension, PersistenceDiagram } from "../types.js";

/** A persistence diagram with the name a plot shows for it (e.g. `"epoch 3"`). */
export interface LabelledDiagram {
  readonly label: string;
  readonly diagram: PersistenceDiagram;
}

/** The pairs of one dimension of one input diagram, checked (internal). */
export interface CheckedDimension {
  readonly dim: number;
  readonly births: Float64Array;
  readonly deaths: Float64Array;
}

/** One checked input diagram (internal); `label` is null for an unlabelled diagram. */
export interface CheckedDiagram {
  readonly label: string | null;
  readonly dimensions: readonly CheckedDimension[];
}

/**
 * Checks a plot's diagram input (internal): one {@link PersistenceDiagram}, or
 * an array of {@link LabelledDiagram}s with distinct non-empty labels. Each
 * dimension is checked as a Barcode (`requireBarcode`), dims must be distinct
 * integers >= 0, and only the dims in `keep` (all when undefined) are kept,
 * in increasing order.
 */
export function requireDiagrams(
  caller: string,
  input: unknown,
  keep: readonly number[] | undefined,
): CheckedDiagram[] {
  if (Array.isArray(input)) {
    if (input.length === 0) {
      throw new RangeError(`${caller}: expected at least one labelled diagram; got an empty array`);
    }
    const seen = new Set<string>();
    return input.map((entry: unknown, index) => {
      if (typeof entry !== "object" || entry === null || !("diagram" in entry)) {
        throw new TypeError(
          `${caller}: diagrams[${index}] must be {label, diagram}; got ${describe(entry)}`,
        );
      }
      const { label, diagram } = entry as { label?: unknown; diagram: unknown };
      if (typeof label !== "string" || label === "") {
        throw new TypeError(
          `${caller}: diagrams[${index}].label must be a non-empty string; got ${describe(label)}`,
        );
      }
      if (seen.has(label)) {
        throw new RangeError(
          `${caller}: diagrams[${index}].label ${describe(label)} is used twice; labels must differ`,
        );
      }
      seen.add(label);
      return {
        label,
        dimensions: requireDimensions(`${caller}: diagram ${describe(label)}`, diagram, keep),
      };
    });
  }
  return [{ label: null, dimensions: requireDimensions(`${caller}: diagram`, input, keep) }];
}

function requireDimensions(
  name: string,
  diagram: unknown,
  keep: readonly number[] | undefined,
): CheckedDimension[] {
  const dimensions =
    typeof diagram === "object" && diagram !== null
      ? (diagram as { dimensions?: unknown }).dimensions
      : undefined;
  if (!Array.isArray(dimensions)) {
    throw new TypeError(
      `${name} must be a persistence diagram {dimensions: [...]}; got ${describe(diagram)}`,
    );
  }
  const seen = new Set<number>();
  const out: CheckedDimension[] = [];
  dimensions.forEach((entry: unknown, index) => {
    const dim =
      typeof entry === "object" && entry !== null ? (entry as DiagramOfDimension).dim : undefined;
    if (typeof dim !== "number" || !Number.isSafeInteger(dim) || dim < 0) {
      throw new TypeError(
        `${name}: dimensions[${index}].dim must be an integer >= 0; got ${describe(dim)}`,
      );
    }
    if (seen.has(dim)) {
      throw new RangeError(`${name}: dimension ${dim} appears twice in dimensions`);
    }
    seen.add(dim);
    const bars = requireBarcode(`${name} H${dim}`, entry);
    if (keep === undefined || keep.includes(dim)) {
      out.push({ dim, births: bars.births, deaths: bars.deaths });
    }
  });
  return out.sort((a, b) => a.dim - b.dim);
}

/** Checks an optional `dimensions` option: an array of integers >= 0 (internal). */
export function requireDimensionList(
  caller: string,
  value: unknown,
): readonly number[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    throw new TypeError(
      `${caller}: options.dimensions must be an array of dimensions; got ${describe(value)}`,
    );
  }
  value.forEach((dim: unknown, index) => {
    if (typeof dim !== "number" || !Number.isSafeInteger(dim) || dim < 0) {
      throw new RangeError(
        `${caller}: options.dimensions[${index}] must be an integer >= 0; got ${describe(dim)}`,
      );
    }
  });
  return value as readonly number[];
}

/** The dims present in any of the diagrams, increasing (internal). */
export function dimsOf(diagrams: readonly CheckedDiagram[]): number[] {
  const dims = new Set<number>();
  for (const diagram of diagrams) for (const d of diagram.dimensions) dims.add(d.dim);
  return [...dims].sort((a, b) => a - b);
}

/** The least and greatest finite value among births and deaths, NaN when none (internal). */
export function finiteRange(diagrams: readonly CheckedDiagram[]): {
  min: number;
  max: number;
  hasEssential: boolean;
} {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let hasEssential = false;
  for (const diagram of diagrams) {
    for (const { births, deaths } of diagram.dimensions) {
      for (let k = 0; k < births.length; k += 1) {
        const b = births[k]!;
        const d = deaths[k]!;
        if (b < min) min = b;
        if (b > max) max = b;
        if (d === Number.POSITIVE_INFINITY) hasEssential = true;
        else if (d > max) max = d;
      }
    }
  }
  if (min === Number.POSITIVE_INFINITY) return { min: Number.NaN, max: Number.NaN, hasEssential };
  return { min, max, hasEssential };
}
