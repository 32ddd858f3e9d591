import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { gaussian, seededRandom } from "../random.js";
import { balancedCover } from "./balanced-cover.js";
import { dbscan } from "./dbscan.js";
import { givenLens } from "./given-lens.js";
import { mapper } from "./mapper.js";
import { mapperNerve } from "./mapper-nerve.js";
import type { MapperPoints } from "./mapper-points.js";
import type { MapperOptions } from "./mapper-steps.js";
import { uniformCover } from "./uniform-cover.js";

/** Seeded clustered points: `groups` Gaussian blobs in R^dimension. */
function blobs(
  seed: number,
  count: number,
  dimension: number,
  groups: number,
  spread: number,
): MapperPoints {
  const random = seededRandom(seed);
  const centers = Array.from({ length: groups * dimension }, () => 3 * gaussian(random));
  const coordinates = new Float64Array(count * dimension);
  for (let i = 0; i < count; i++) {
    const g = Math.floor(random() * groups);
    for (let j = 0; j < dimension; j++) {
      coordinates[i * dimension + j] = centers[g * dimension + j]! + spread * gaussian(random);
    }
  }
  return { count, dimension, coordinates };
}

/** DBSCAN by brute force and scikit-learn's expansion order (a stack, clusters in order of their first core point). */
function bruteDbscan(points: MapperPoints, eps: number, minSamples: number): Int32Array {
  const { count: n, dimension: d, coordinates: x } = points;
  const neighbors: number[][] = [];
  for (let i = 0; i < n; i++) {
    const list: number[] = [];
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[i * d + k]! - x[j * d + k]!) ** 2;
      if (s <= eps * eps) list.push(j);
    }
    neighbors.push(list);
  }
  const core = neighbors.map((list) => list.length >= minSamples);
  const labels = new Int32Array(n).fill(-1);
  let label = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== -1 || !core[i]) continue;
    const stack: number[] = [];
    let current = i;
    for (;;) {
      if (labels[current] === -1) {
        labels[current] = label;
        if (core[current]) for (const j of neighbors[current]!) if (labels[j] === -1) stack.push(j);
      }
      if (stack.length === 0) break;
      current = stack.pop()!;
    }
    label++;
  }
  return labels;
}

const sets = (nodes: readonly Int32Array[], relabel: (i: number) => number = (i) => i) =>
  nodes
    .map((m) =>
      Array.from(m, relabel)
        .sort((a, b) => a - b)
        .join(","),
    )
    .sort();

describe("Mapper properties", () => {
  it("dbscan equals brute-force DBSCAN in scikit-learn's order, border points included, in 2 to 60 dimensions", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(2, 5, 20, 60),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (seed, dimension, minSamples, scale) => {
          const points = blobs(seed, 120, dimension, 3, 0.5);
          const eps = scale * Math.sqrt(dimension) * 0.5;
          assert.deepEqual(
            dbscan(points, { eps, minSamples }),
            bruteDbscan(points, eps, minSamples),
          );
        },
      ),
      { seed: 6, numRuns: 30 },
    );
  });

  it("mapper's nodes do not depend on the order of the points (as member sets)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom("dbscan", "single-linkage"),
        fc.constantFrom("uniform", "balanced"),
        (seed, clusterKind, coverKind) => {
          const points = blobs(seed, 80, 3, 3, 0.6);
          const random = seededRandom(seed + 1);
          const permutation = Array.from({ length: 80 }, (_, i) => i);
          for (let i = 79; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [permutation[i], permutation[j]] = [permutation[j]!, permutation[i]!];
          }
          const shuffled = new Float64Array(points.coordinates.length);
          for (let to = 0; to < 80; to++) {
            const from = permutation[to]!;
            shuffled.set(points.coordinates.subarray(from * 3, from * 3 + 3), to * 3);
          }
          // minSamples 2: every point with a neighbour is core, so no border point's cluster depends on the order.
          const options: MapperOptions = {
            cover: { kind: coverKind, intervals: 4, overlap: 0.3 },
            cluster:
              clusterKind === "dbscan"
                ? { kind: "dbscan", eps: 0.7, minSamples: 2 }
                : { kind: "single-linkage" },
          };
          const a = mapper(points, options);
          const b = mapper({ count: 80, dimension: 3, coordinates: shuffled }, options);
          assert.deepEqual(
            sets(
              b.nodes.map((n) => n.members),
              (i) => permutation[i]!,
            ),
            sets(a.nodes.map((n) => n.members)),
          );
          assert.equal(b.links.source.length, a.links.source.length);
        },
      ),
      { seed: 7, numRuns: 25 },
    );
  });

  it("every core point of a cover element is in a node, and single linkage leaves no point out", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 6 }),
        (seed, minSamples) => {
          const points = blobs(seed, 90, 4, 3, 0.7);
          const eps = 1.1;
          const graph = mapper(points, {
            cover: { kind: "uniform", intervals: 5, overlap: 0.25 },
            cluster: { kind: "dbscan", eps, minSamples },
          });
          const inNode = new Set(graph.nodes.flatMap((n) => Array.from(n.members)));
          for (const element of graph.cover.elements) {
            const labels = bruteDbscan(
              {
                count: element.members.length,
                dimension: 4,
                coordinates: Float64Array.from(
                  Array.from(element.members).flatMap((p) =>
                    Array.from(points.coordinates.subarray(p * 4, p * 4 + 4)),
                  ),
                ),
              },
              eps,
              minSamples,
            );
            element.members.forEach((p, k) => {
              if (labels[k]! >= 0)
                assert.ok(inNode.has(p), `point ${p} is clustered but in no node`);
            });
          }
          const linkage = mapper(points, {
            cover: { kind: "uniform", intervals: 5, overlap: 0.25 },
            cluster: { kind: "single-linkage" },
          });
          assert.equal(linkage.noise, 0);
        },
      ),
      { seed: 8, numRuns: 20 },
    );
  });

  it("uniform and balanced covers cover every point, with the issue's interval ends", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (values, intervals, overlap) => {
          const lens = givenLens(values);
          for (const cover of [
            uniformCover(lens, { intervals, overlap }),
            balancedCover(lens, { intervals, overlap }),
          ]) {
            const covered = new Set(cover.elements.flatMap((e) => Array.from(e.members)));
            assert.equal(covered.size, values.length);
            for (const e of cover.elements) {
              const i = e.index[0]!;
              for (const p of e.members) {
                assert.ok(values[p]! >= cover.lower[0]![i]! && values[p]! <= cover.upper[0]![i]!);
              }
            }
          }
          const m = Math.min(...values);
          const M = Math.max(...values);
          const L = (M - m) / (1 + (intervals - 1) * (1 - overlap));
          const uniform = uniformCover(lens, { intervals, overlap });
          for (let i = 0; i < intervals; i++) {
            assert.equal(uniform.lower[0]![i], m + i * L * (1 - overlap));
            if (i < intervals - 1)
              assert.equal(uniform.upper[0]![i], m + i * L * (1 - overlap) + L);
          }
          assert.equal(uniform.upper[0]![intervals - 1], M);
          assert.equal(balancedCover(lens, { intervals, overlap }).emptyElements, 0);
        },
      ),
      { seed: 9, numRuns: 60 },
    );
  });

  it("mapperNerve joins exactly the nodes whose member sets intersect, weighted by the intersection", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 19 }), { minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (lists) => {
          const nodes = lists.map((l) => Int32Array.from(l));
          const { links, simplices } = mapperNerve(nodes, 20, { dimension: 2 });
          const expected: string[] = [];
          const triangles: string[] = [];
          for (let a = 0; a < lists.length; a++) {
            for (let b = a + 1; b < lists.length; b++) {
              const shared = lists[a]!.filter((p) => lists[b]!.includes(p));
              if (shared.length > 0) expected.push(`${a}-${b}:${shared.length}`);
              for (let c = b + 1; c < lists.length; c++) {
                if (shared.some((p) => lists[c]!.includes(p))) triangles.push(`${a},${b},${c}`);
              }
            }
          }
          assert.deepEqual(
            Array.from(links.source, (s, e) => `${s}-${links.target[e]}:${links.weight[e]}`),
            expected,
          );
          const found: string[] = [];
          const v = simplices[0]!.vertices;
          for (let s = 0; s < v.length; s += 3) found.push(`${v[s]},${v[s + 1]},${v[s + 2]}`);
          assert.deepEqual(found, triangles);
        },
      ),
      { seed: 10, numRuns: 60 },
    );
  });
});
