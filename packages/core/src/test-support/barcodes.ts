/**
 * Test support: compare persistence barcodes as multisets of (birth, death)
 * pairs per dimension, within a relative tolerance. Used by the parity tests
 * against Ripser/GUDHI fixtures and by `bench/ph.mjs` (through the compiled
 * `dist/test-support/barcodes.js`). Not part of the published package.
 */

import type { PersistenceDiagram } from "../types.js";

/** One bar; an essential class has `death === Infinity`. */
export interface Bar {
  readonly birth: number;
  readonly death: number;
}

/** The bars of one dimension in JSON form: `[birth, death | null]`. */
export interface DimensionPairsJSON {
  readonly dim: number;
  readonly pairs: ReadonlyArray<readonly [number, number | null]>;
}

/**
 * Anything that holds a barcode per dimension: a {@link PersistenceDiagram},
 * its JSON form `{ diagrams: [{ dim, pairs }] }`, or the bare list of
 * `{ dim, pairs }`.
 */
export type BarcodeSource =
  | PersistenceDiagram
  | { readonly diagrams: readonly DimensionPairsJSON[] }
  | readonly DimensionPairsJSON[];

/** How close two values must be to count as equal. */
export interface BarcodeTolerance {
  /** `|a - b| <= relative * max(|a|, |b|) + absolute`; default 1e-6. */
  readonly relative?: number;
  /** Added to the relative bound; default 0. */
  readonly absolute?: number;
  /**
   * Drop bars with `death <= birth` from both sides before comparing (Ripser
   * omits zero-length bars); default true.
   */
  readonly dropZeroLength?: boolean;
}

/** The difference in one dimension between an actual and an expected barcode. */
export interface BarcodeMismatch {
  readonly dim: number;
  readonly actualCount: number;
  readonly expectedCount: number;
  /** Expected bars that no actual bar matched. */
  readonly missing: readonly Bar[];
  /** Actual bars that matched no expected bar. */
  readonly unexpected: readonly Bar[];
}

/**
 * The bars of each dimension of `source`, indexed by dimension (a dimension
 * that is absent is an empty list). `null` deaths become `Infinity`.
 */
export function barsByDimension(source: BarcodeSource): Bar[][] {
  const out: Bar[][] = [];
  const slot = (dim: number): Bar[] => {
    if (!Number.isInteger(dim) || dim < 0) {
      throw new RangeError(`barsByDimension: expected dimension indices >= 0, got ${dim}`);
    }
    while (out.length <= dim) out.push([]);
    return out[dim]!;
  };
  if ("dimensions" in source) {
    for (const { dim, births, deaths } of source.dimensions) {
      const bars = slot(dim);
      for (let k = 0; k < births.length; k += 1)
        bars.push({ birth: births[k]!, death: deaths[k]! });
    }
    return out;
  }
  const list = "diagrams" in source ? source.diagrams : source;
  for (const { dim, pairs } of list) {
    const bars = slot(dim);
    for (const [birth, death] of pairs) {
      bars.push({ birth, death: death === null ? Number.POSITIVE_INFINITY : death });
    }
  }
  return out;
}

/**
 * Compares two barcodes as multisets of bars per dimension: every expected bar
 * must be matched by a distinct actual bar whose birth and death are within
 * the tolerance (infinite deaths match only infinite deaths), and no actual
 * bar may be left over. Dimensions absent on one side count as empty.
 *
 * @returns One entry per dimension that differs; empty when they agree.
 */
export function compareBarcodes(
  actual: BarcodeSource,
  expected: BarcodeSource,
  tolerance: BarcodeTolerance = {},
): BarcodeMismatch[] {
  const relative = tolerance.relative ?? 1e-6;
  const absolute = tolerance.absolute ?? 0;
  const dropZero = tolerance.dropZeroLength ?? true;
  const keep = (bars: Bar[]): Bar[] => (dropZero ? bars.filter((b) => b.death > b.birth) : bars);
  const a = barsByDimension(actual).map(keep);
  const e = barsByDimension(expected).map(keep);
  const mismatches: BarcodeMismatch[] = [];
  for (let dim = 0; dim < Math.max(a.length, e.length); dim += 1) {
    const result = matchBars(a[dim] ?? [], e[dim] ?? [], relative, absolute);
    if (result !== undefined) mismatches.push({ dim, ...result });
  }
  return mismatches;
}

/** A readable report of {@link compareBarcodes}'s result (empty string when equal). */
export function describeMismatches(mismatches: readonly BarcodeMismatch[], limit = 8): string {
  const show = (bars: readonly Bar[]): string => {
    const text = bars
      .slice(0, limit)
      .map((b) => `[${b.birth}, ${b.death === Number.POSITIVE_INFINITY ? "" : b.death})`)
      .join(" ");
    return bars.length > limit ? `${text} ... (${bars.length} in all)` : text;
  };
  return mismatches
    .map(
      (m) =>
        `H${m.dim}: ${m.actualCount} actual bars vs ${m.expectedCount} expected;` +
        (m.missing.length > 0 ? ` missing ${show(m.missing)};` : "") +
        (m.unexpected.length > 0 ? ` unexpected ${show(m.unexpected)}` : ""),
    )
    .join("\n");
}

/**
 * Throws an Error describing the differences when the barcodes differ (see
 * {@link compareBarcodes}); `label` prefixes the message.
 */
export function assertSameBarcodes(
  actual: BarcodeSource,
  expected: BarcodeSource,
  tolerance: BarcodeTolerance = {},
  label = "barcodes differ",
): void {
  const mismatches = compareBarcodes(actual, expected, tolerance);
  if (mismatches.length > 0) throw new Error(`${label}\n${describeMismatches(mismatches)}`);
}

/**
 * Parses the barcode lines of Ripser's standard output (and nettopo's
 * `--format text`): `persistence intervals in dim k:` then ` [b,d)` or
 * ` [b, )` per bar. Other lines are ignored.
 */
export function parseRipserBarcodes(text: string): DimensionPairsJSON[] {
  const out: { dim: number; pairs: [number, number | null][] }[] = [];
  for (const line of text.split("\n")) {
    const header = /^persistence intervals in dim (\d+):\s*$/.exec(line);
    if (header !== null) {
      out.push({ dim: Number(header[1]), pairs: [] });
      continue;
    }
    const bar = /^\s*\[([^,\]]+),([^)]*)\)\s*$/.exec(line);
    if (bar !== null && out.length > 0) {
      const death = bar[2]!.trim();
      out[out.length - 1]!.pairs.push([
        parseValue(bar[1]!, line),
        death === "" ? null : parseValue(death, line),
      ]);
    }
  }
  return out;
}

function parseValue(text: string, line: string): number {
  const value = Number(text.trim());
  if (text.trim() === "" || Number.isNaN(value)) {
    throw new RangeError(`parseRipserBarcodes: expected a number in ${JSON.stringify(line)}`);
  }
  return value;
}

function byDeathThenBirth(x: Bar, y: Bar): number {
  if (x.death !== y.death) return x.death < y.death ? -1 : 1;
  return x.birth - y.birth;
}

/**
 * Matches expected bars to actual ones, greedily in order of death: for each
 * expected bar, the first unmatched actual bar (by death, then birth) within
 * tolerance. Returns undefined when every bar is matched.
 */
function matchBars(
  actual: Bar[],
  expected: Bar[],
  relative: number,
  absolute: number,
): Omit<BarcodeMismatch, "dim"> | undefined {
  const close = (x: number, y: number): boolean => {
    if (x === y) return true;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    return Math.abs(x - y) <= relative * Math.max(Math.abs(x), Math.abs(y)) + absolute;
  };
  const a = [...actual].sort(byDeathThenBirth);
  const e = [...expected].sort(byDeathThenBirth);
  // next[k]: the first index >= k whose bar is still unmatched (path-halving).
  const next = new Int32Array(a.length + 1);
  for (let k = 0; k <= a.length; k += 1) next[k] = k;
  const find = (k: number): number => {
    while (next[k] !== k) {
      next[k] = next[next[k]!]!;
      k = next[k]!;
    }
    return k;
  };
  const matched = new Uint8Array(a.length);
  const missing: Bar[] = [];
  for (const bar of e) {
    const low = bar.death - (relative * Math.abs(bar.death) * (1 + relative) + absolute);
    let lo = 0;
    let hi = a.length;
    if (Number.isFinite(bar.death)) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (a[mid]!.death < low) lo = mid + 1;
        else hi = mid;
      }
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (Number.isFinite(a[mid]!.death)) lo = mid + 1;
        else hi = mid;
      }
    }
    let found = -1;
    for (let k = find(lo); k < a.length; k = find(k + 1)) {
      const candidate = a[k]!;
      if (!close(candidate.death, bar.death)) {
        if (candidate.death > bar.death) break;
        continue;
      }
      if (close(candidate.birth, bar.birth)) {
        found = k;
        break;
      }
    }
    if (found < 0) missing.push(bar);
    else {
      matched[found] = 1;
      next[found] = found + 1;
    }
  }
  const unexpected = a.filter((_, k) => matched[k] === 0);
  if (missing.length === 0 && unexpected.length === 0) return undefined;
  return { actualCount: a.length, expectedCount: e.length, missing, unexpected };
}
