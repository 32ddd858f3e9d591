/**
 * Connected components of a graph on `n` vertices given by the edges
 * `first[k] - second[k]`, k < `edges`, that `keep(k)` accepts (internal).
 * Returns a label per vertex: components numbered 0, 1, ... in order of
 * their smallest vertex, among vertices with `member[v]` (others get -1;
 * every vertex when `member` is omitted).
 */
export function componentLabels(
  n: number,
  first: Int32Array,
  second: Int32Array,
  edges: number,
  keep: (edge: number) => boolean,
  member?: Uint8Array,
): Int32Array {
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const grand = parent[parent[x]!]!;
      parent[x] = grand;
      x = grand;
    }
    return x;
  };
  for (let k = 0; k < edges; k++) {
    if (!keep(k)) continue;
    const a = find(first[k]!);
    const b = find(second[k]!);
    if (a === b) continue;
    // The smaller root survives, so a root is its component's smallest vertex.
    if (a < b) parent[b] = a;
    else parent[a] = b;
  }
  const labels = new Int32Array(n).fill(-1);
  const labelOfRoot = new Int32Array(n).fill(-1);
  let next = 0;
  for (let v = 0; v < n; v++) {
    if (member !== undefined && member[v] === 0) continue;
    const root = find(v);
    if (labelOfRoot[root] === -1) labelOfRoot[root] = next++;
    labels[v] = labelOfRoot[root]!;
  }
  return labels;
}
