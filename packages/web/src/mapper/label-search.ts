import { labelName } from "./top-labels.js";

/** What {@link labelSearch} reads of a node. */
export interface SearchableNode {
  readonly labels?: Readonly<Record<string, number>>;
  readonly majority?: number;
}

/**
 * The labels a search query names: those whose name contains the query
 * (case-insensitive, trimmed), or whose index it is. An empty query names
 * none.
 * @example
 * ```ts
 * labelsMatching("sneak", ["Sandal", "Sneaker"], [0, 1]); // Set {1}
 * ```
 */
export function labelsMatching(
  query: string,
  names: readonly string[] | null | undefined,
  labels: Iterable<number>,
): Set<number> {
  const q = query.trim().toLowerCase();
  const out = new Set<number>();
  if (q === "") return out;
  for (const k of labels) {
    if (labelName(k, names).toLowerCase().includes(q) || String(k) === q) out.add(k);
  }
  return out;
}

/**
 * The nodes a label search keeps bright: those whose majority label is one
 * the query names (the others are dimmed). `null` for an empty query, which
 * dims nothing.
 *
 * @returns A flag per node, or null.
 * @example
 * ```ts
 * labelSearch("sneaker", [{ majority: 1 }, { majority: 0 }], ["Sandal", "Sneaker"]); // Uint8Array [1, 0]
 * ```
 */
export function labelSearch(
  query: string,
  nodes: readonly SearchableNode[],
  names: readonly string[] | null | undefined,
): Uint8Array | null {
  if (query.trim() === "") return null;
  const present = new Set<number>();
  for (const node of nodes) if (node.majority !== undefined) present.add(node.majority);
  for (let k = 0; k < (names?.length ?? 0); k++) present.add(k);
  const wanted = labelsMatching(query, names, present);
  const out = new Uint8Array(nodes.length);
  nodes.forEach((node, i) => {
    if (node.majority !== undefined && wanted.has(node.majority)) out[i] = 1;
  });
  return out;
}
