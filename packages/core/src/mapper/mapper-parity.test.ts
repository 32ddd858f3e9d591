import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { ClusterSpec } from "./cluster-spec.js";
import type { CoverSpec } from "./cover-spec.js";
import type { LensSpec } from "./lens-spec.js";
import { mapper } from "./mapper.js";
import { mapperGraphToJSON } from "./mapper-graph-to-json.js";

interface MapperFixture {
  readonly reference: string;
  readonly count: number;
  readonly dimension: number;
  readonly points: number[];
  readonly labels: number[] | null;
  readonly lens: LensSpec;
  readonly cover: { kind: "uniform" | "balanced"; intervals: number[]; overlap: number };
  readonly cluster: ClusterSpec;
  readonly nodes: { cover: number[]; members: number[] }[];
  readonly links: [number, number, number][];
  readonly triangles: [number, number, number][];
}

// Made by scripts/fixtures/mapper.py: Mapper from issue 6's definition with
// scikit-learn 1.2.1's DBSCAN (or scipy's single linkage cut at the first gap).
const fixtureDir = new URL("../../../../fixtures/mapper/", import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".json") && name !== "lenses.json")
  .sort()
  .map((name) => ({
    name,
    fixture: JSON.parse(readFileSync(new URL(name, fixtureDir), "utf8")) as MapperFixture,
  }));

const key = (members: ArrayLike<number>): string => Array.from(members).join(",");

describe("mapper equals the reference built from the definition with scikit-learn's DBSCAN", () => {
  it("finds the fixtures", () => assert.ok(fixtures.length >= 7));
  for (const { name, fixture } of fixtures) {
    it(`mapper gives the reference's nodes, links and triangles on ${name}`, () => {
      const graph = mapper(
        {
          count: fixture.count,
          dimension: fixture.dimension,
          coordinates: Float64Array.from(fixture.points),
        },
        {
          lens: fixture.lens,
          cover: fixture.cover as CoverSpec,
          cluster: fixture.cluster,
          nerveDimension: 2,
          ...(fixture.labels === null ? {} : { labels: fixture.labels }),
        },
      );
      // Nodes as member sets, with their cover elements.
      const ours = graph.nodes.map((n) => `${key(n.cover)}:${key(n.members)}`).sort();
      const theirs = fixture.nodes.map((n) => `${key(n.cover)}:${key(n.members)}`).sort();
      assert.deepEqual(ours, theirs);
      // Links as pairs of member sets, with weights.
      const ourNodes = graph.nodes.map((n) => key(n.members));
      const theirNodes = fixture.nodes.map((n) => key(n.members));
      const edge = (names: string[], a: number, b: number, w: number) =>
        `${[names[a], names[b]].sort().join("|")}#${w}`;
      const { source, target, weight } = graph.links;
      assert.deepEqual(
        Array.from(source, (s, e) => edge(ourNodes, s, target[e]!, weight[e]!)).sort(),
        fixture.links.map(([a, b, w]) => edge(theirNodes, a, b, w)).sort(),
      );
      const triangle = (names: string[], t: number[]) =>
        t
          .map((v) => names[v])
          .sort()
          .join("|");
      const ourTriangles: string[] = [];
      for (const { dimension, vertices } of graph.simplices) {
        assert.equal(dimension, 2);
        for (let s = 0; s < vertices.length; s += 3) {
          ourTriangles.push(triangle(ourNodes, Array.from(vertices.subarray(s, s + 3))));
        }
      }
      assert.deepEqual(
        ourTriangles.sort(),
        fixture.triangles.map((t) => triangle(theirNodes, t)).sort(),
      );
      // Label statistics agree with the members' labels.
      if (fixture.labels !== null) {
        const json = mapperGraphToJSON(graph);
        for (const node of json.nodes) {
          const counts = new Map<number, number>();
          for (const p of node.members) {
            counts.set(fixture.labels[p]!, (counts.get(fixture.labels[p]!) ?? 0) + 1);
          }
          const best = Math.max(...counts.values());
          assert.equal(node.purity, best / node.size);
          assert.equal(node.labels?.[String(node.majority)], best);
        }
      }
    });
  }
});
