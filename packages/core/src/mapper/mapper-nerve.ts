import { describe } from "../metric/validate.js";

/** The edges of a Mapper graph, struct-of-arrays, sorted by (source, target) with source < target. */
export interface MapperLinks {
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Number of points the two nodes share (>= 1). */
  readonly weight: Int32Array;
  /** Jaccard index of the two member sets: shared / (|A| + |B| - shared). */
  readonly jaccard: Float64Array;
}

/** The simplices of one dimension k >= 2 of the nerve: `k + 1` increasing node ids per simplex, flat, in lexicographic order. */
export interface NerveSimplices {
  readonly dimension: number;
  readonly vertices: Int32Array;
}

/** The nerve of the Mapper nodes: its 1-skeleton and, on request, its higher simplices. */
export interface MapperNerve {
  readonly links: MapperLinks;
  /** One entry per dimension 2..`dimension` (empty when `dimension` is 1). */
  readonly simplices: readonly NerveSimplices[];
}

/** Options of {@link mapperNerve}. */
export interface MapperNerveOptions {
  /** Highest simplex dimension to list, an integer >= 1 (1: the graph only); default 1. */
  readonly dimension?: number;
}

/**
 * The nerve of a family of point sets (the Mapper nodes): nodes i and j are
 * joined when they share a point, with weight the number of shared points
 * and their Jaccard index; with `dimension` k >= 2, every set of up to k + 1
 * nodes with a common point is a simplex. Built point by point from the
 * nodes holding each point, so the cost is the sum over points of (nodes
 * holding it)^(k+1), not the number of node pairs.
 *
 * @param nodes - Each node's members (point indices, no repeats).
 * @param count - The number of points (indices are in [0, count)).
 * @param options - `dimension` (default 1).
 * @returns The links and the higher simplices.
 * @example
 * ```ts
 * const { links } = mapperNerve([Int32Array.of(0, 1), Int32Array.of(1, 2), Int32Array.of(3)], 4);
 * links.source; // Int32Array [0]; links.target: [1]; links.weight: [1]; links.jaccard: [1/3]
 * ```
 */
export function mapperNerve(
  nodes: readonly Int32Array[],
  count: number,
  options: MapperNerveOptions = {},
): MapperNerve {
  const dimension = options.dimension ?? 1;
  if (!Number.isSafeInteger(dimension) || dimension < 1) {
    throw new RangeError(
      `mapperNerve: options.dimension must be an integer >= 1; got ${describe(dimension)}`,
    );
  }
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`mapperNerve: count must be an integer >= 0; got ${describe(count)}`);
  }
  // Point -> nodes holding it (CSR, node ids increasing).
  const degree = new Int32Array(count + 1);
  for (let v = 0; v < nodes.length; v++) {
    const members = nodes[v]!;
    for (let k = 0; k < members.length; k++) {
      const p = members[k]!;
      if (!(p >= 0 && p < count)) {
        throw new RangeError(
          `mapperNerve: node ${v} holds point ${p}; expected indices in [0, ${count})`,
        );
      }
      degree[p + 1]!++;
    }
  }
  for (let p = 0; p < count; p++) degree[p + 1]! += degree[p]!;
  const holders = new Int32Array(degree[count]!);
  const fill = degree.slice(0, count);
  for (let v = 0; v < nodes.length; v++) {
    const members = nodes[v]!;
    for (let k = 0; k < members.length; k++) holders[fill[members[k]!]!++] = v;
  }
  const shared = new Map<number, number>();
  const size = nodes.length;
  for (let p = 0; p < count; p++) {
    const start = degree[p]!;
    const end = degree[p + 1]!;
    for (let a = start; a < end; a++) {
      for (let b = a + 1; b < end; b++) {
        const key = holders[a]! * size + holders[b]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const keys = Float64Array.from(shared.keys()).sort();
  const links = {
    source: new Int32Array(keys.length),
    target: new Int32Array(keys.length),
    weight: new Int32Array(keys.length),
    jaccard: new Float64Array(keys.length),
  };
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e]!;
    const a = Math.floor(key / size);
    const b = key - a * size;
    const w = shared.get(key)!;
    links.source[e] = a;
    links.target[e] = b;
    links.weight[e] = w;
    links.jaccard[e] = w / (nodes[a]!.length + nodes[b]!.length - w);
  }
  const simplices: NerveSimplices[] = [];
  for (let k = 2; k <= dimension; k++) {
    const seen = new Set<string>();
    const found: number[][] = [];
    const chosen: number[] = [];
    const choose = (from: number, end: number): void => {
      if (chosen.length === k + 1) {
        const key = chosen.join(",");
        if (!seen.has(key)) {
          seen.add(key);
          found.push([...chosen]);
        }
        return;
      }
      for (let a = from; a < end; a++) {
        chosen.push(holders[a]!);
        choose(a + 1, end);
        chosen.pop();
      }
    };
    for (let p = 0; p < count; p++) {
      if (degree[p + 1]! - degree[p]! > k) choose(degree[p]!, degree[p + 1]!);
    }
    found.sort((x, y) => {
      for (let i = 0; i <= k; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return 0;
    });
    const vertices = new Int32Array(found.length * (k + 1));
    for (let s = 0; s < found.length; s++) vertices.set(found[s]!, s * (k + 1));
    simplices.push({ dimension: k, vertices });
  }
  return { links, simplices };
}
