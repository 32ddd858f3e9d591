import assert from "node:assert/strict";
import { test } from "node:test";
import type { MapperGraphJSON } from "@nettopo/core";
import { carriedPositions } from "./carried-positions.js";

const graph = (points: number, members: number[][]) =>
  ({
    meta: { points },
    nodes: members.map((m, id) => ({ id, members: m, size: m.length })),
    links: [],
  }) as unknown as MapperGraphJSON;

test("carriedPositions starts a recomputed node near the old nodes of its members", () => {
  const old = graph(6, [
    [0, 1, 2],
    [3, 4],
  ]);
  const positions = Float32Array.of(0, 0, 100, 50);
  const next = graph(6, [[0, 1], [3, 4], [2, 3], [5]]);
  const carried = carriedPositions(old, positions, next);
  const near = (i: number, x: number, y: number) =>
    assert.ok(
      Math.abs(carried[2 * i]! - x) <= 5 && Math.abs(carried[2 * i + 1]! - y) <= 5,
      `node ${i} at (${carried[2 * i]}, ${carried[2 * i + 1]}), expected near (${x}, ${y})`,
    );
  near(0, 0, 0);
  near(1, 100, 50);
  near(2, 50, 25);
  assert.ok(Number.isNaN(carried[6]!) && Number.isNaN(carried[7]!), "point 5 was noise: no start");
});
