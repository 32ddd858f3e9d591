import type { MapperGraphJSON } from "@nettopo/core";

/**
 * Starting positions for a recomputed graph: each new node starts at the
 * mean position of the old nodes its members were in (up to 64 members
 * looked at), so the picture changes smoothly; a node whose members were
 * all noise before gets NaN (the layout places it).
 * @example
 * ```ts
 * const initial = carriedPositions(oldGraph, oldPositions, newGraph); // x, y per new node (NaN: none)
 * ```
 */
export function carriedPositions(
  old: MapperGraphJSON,
  oldPositions: Float32Array,
  next: MapperGraphJSON,
): Float32Array {
  const nodeOf = new Int32Array(old.meta.points).fill(-1);
  old.nodes.forEach((node, i) => {
    for (const m of node.members) nodeOf[m] = i;
  });
  const out = new Float32Array(2 * next.nodes.length).fill(Number.NaN);
  next.nodes.forEach((node, i) => {
    let x = 0;
    let y = 0;
    let n = 0;
    const step = Math.max(1, Math.floor(node.members.length / 64));
    for (let k = 0; k < node.members.length; k += step) {
      const o = nodeOf[node.members[k]!]!;
      if (o < 0) continue;
      x += oldPositions[2 * o]!;
      y += oldPositions[2 * o + 1]!;
      n++;
    }
    if (n > 0) {
      // A little spread, so nodes carried to one spot do not start stacked.
      out[2 * i] = x / n + ((i * 7) % 11) - 5;
      out[2 * i + 1] = y / n + ((i * 13) % 11) - 5;
    }
  });
  return out;
}
