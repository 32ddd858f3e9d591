import type { DiagramFileData, FeatureSpreadJSON } from "./diagrams-data.js";

/** One row of a {@link FeatureTable}: a feature, with its spread per column (null: not in the file). */
export interface FeatureRow {
  /** The feature's name without its group, e.g. `lifetime.mean`. */
  readonly name: string;
  /** How the page says it, e.g. "mean lifetime". */
  readonly label: string;
  readonly cells: readonly (FeatureSpreadJSON | null)[];
  /** The chosen repeat's value per column, when one repeat is chosen. */
  readonly repeatValues?: readonly (number | null)[];
}

/** The features of a `nettopo neurons` file: one row per feature, one column per dimension ("H1") and "All". */
export interface FeatureTable {
  readonly columns: readonly string[];
  readonly rows: readonly FeatureRow[];
}

/** Reading order and names of the features `nettopo neurons` writes; others follow in name order. */
const FEATURE_NAMES: readonly (readonly [string, string])[] = [
  ["count", "number of finite bars"],
  ["entropy", "persistent entropy"],
  ["lifetime.mean", "mean lifetime"],
  ["lifetime.std", "lifetime std"],
  ["top1.lifetime", "longest lifetime"],
  ["top2.lifetime", "2nd longest lifetime"],
  ["top3.lifetime", "3rd longest lifetime"],
  ["top4.lifetime", "4th longest lifetime"],
  ["top5.lifetime", "5th longest lifetime"],
  ["birth.mean", "mean birth"],
  ["birth.std", "birth std"],
  ["death.mean", "mean death"],
  ["death.std", "death std"],
  ["midlife.mean", "mean midlife"],
  ["midlife.std", "midlife std"],
];

/**
 * The features table of a bootstrap file for the chosen dimensions: the
 * spread (mean, std, min, max) of each feature over the repeats, as the
 * file's summary gives it; with `repeat`, that repeat's own values too.
 * Columns are `H<d>` for each chosen dimension the file has features of,
 * then "All" (features of all dimensions together) when present. Null when
 * the file has no feature (a plain diagram file).
 *
 * @param file - A file of the page.
 * @param dims - The dimensions shown.
 * @param repeat - A repeat (0-based) whose own values to add; default none.
 * @example
 * ```ts
 * const table = featureTable(bootstrap, [1]); // bootstrap: a nettopo neurons file of the page
 * table.columns; // ["H1", "All"]
 * table.rows[0].label; // "number of finite bars"
 * ```
 */
export function featureTable(
  file: DiagramFileData,
  dims: readonly number[],
  repeat?: number,
): FeatureTable | null {
  const spreads = file.summary?.features ?? {};
  const keys = Object.keys(spreads);
  if (keys.length === 0) return null;
  const groups = [
    ...dims.filter((d) => keys.some((k) => k.startsWith(`h${d}.`))).map((d) => `h${d}`),
    ...(keys.some((k) => k.startsWith("all.")) ? ["all"] : []),
  ];
  const names = new Set<string>();
  for (const key of keys) {
    const match = /^(h\d+|all)\.(.+)$/.exec(key);
    if (match !== null && groups.includes(match[1]!)) names.add(match[2]!);
  }
  const known = FEATURE_NAMES.map(([name]) => name);
  const ordered = [
    ...known.filter((name) => names.has(name)),
    ...[...names].filter((name) => !known.includes(name)).sort(),
  ];
  const features = repeat === undefined ? undefined : file.repeats[repeat]?.features;
  return {
    columns: groups.map((g) => (g === "all" ? "All" : `H${g.slice(1)}`)),
    rows: ordered.map((name) => ({
      name,
      label: FEATURE_NAMES.find(([n]) => n === name)?.[1] ?? name,
      cells: groups.map((g) => spreads[`${g}.${name}`] ?? null),
      ...(features === undefined
        ? {}
        : { repeatValues: groups.map((g) => features[`${g}.${name}`] ?? null) }),
    })),
  };
}
