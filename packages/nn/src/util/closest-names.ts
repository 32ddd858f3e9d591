/**
 * The candidates closest to `name` by edit distance (Levenshtein: insertions,
 * deletions and substitutions of one character each cost 1), ignoring case;
 * ties keep the candidates' order. Used to suggest names after a typo.
 *
 * @param name - What was asked for.
 * @param candidates - The names that exist (duplicates are listed once).
 * @param count - How many to return at most; default 5.
 * @returns Up to `count` candidates, closest first.
 *
 * @example
 * closestNames("fc4", ["conv1", "fc1", "fc2", "relu"], 2); // ["fc1", "fc2"]
 */
export function closestNames(name: string, candidates: Iterable<string>, count = 5): string[] {
  const target = name.toLowerCase();
  const scored: { name: string; distance: number; order: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    scored.push({
      name: candidate,
      distance: editDistance(target, candidate.toLowerCase()),
      order: scored.length,
    });
  }
  scored.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return scored.slice(0, count).map((entry) => entry.name);
}

/** Levenshtein distance with one row of the dynamic programme. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(substitution, previous[j]! + 1, row[j - 1]! + 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
