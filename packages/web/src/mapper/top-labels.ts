/** One label of a node's histogram. */
export interface LabelShare {
  readonly label: number;
  readonly name: string;
  readonly count: number;
  /** count / node size, in [0, 1]. */
  readonly share: number;
}

/**
 * The display name of label `k`: its name when known, else `label k`.
 *
 * @example
 * ```ts
 * labelName(1, ["cat", "dog"]); // "dog"
 * labelName(7, null); // "label 7"
 * ```
 */
export function labelName(k: number, names: readonly string[] | null | undefined): string {
  return names?.[k] ?? `label ${k}`;
}

/**
 * A node's labels, most frequent first (ties by label), with their shares
 * of the node: what the side panel lists as "top labels with percentages".
 *
 * @param histogram - The node's `labels` (label → count) from Mapper JSON.
 * @param names - Label names, if known.
 * @param limit - How many to return; default all.
 * @example
 * ```ts
 * topLabels({ "0": 2, "3": 6 }, null); // [{ label: 3, name: "label 3", count: 6, share: 0.75 }, ...]
 * ```
 */
export function topLabels(
  histogram: Readonly<Record<string, number>> | undefined,
  names: readonly string[] | null | undefined,
  limit = Number.POSITIVE_INFINITY,
): LabelShare[] {
  if (histogram === undefined) return [];
  const entries = Object.entries(histogram).map(([key, count]) => ({
    label: Number(key),
    count,
  }));
  const total = entries.reduce((sum, e) => sum + e.count, 0);
  entries.sort((a, b) => b.count - a.count || a.label - b.label);
  return entries.slice(0, limit).map(({ label, count }) => ({
    label,
    name: labelName(label, names),
    count,
    share: total > 0 ? count / total : 0,
  }));
}

/**
 * `share` as a percentage with one decimal, e.g. `"87.5%"`.
 *
 * @example
 * ```ts
 * formatShare(0.875); // "87.5%"
 * ```
 */
export function formatShare(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}
