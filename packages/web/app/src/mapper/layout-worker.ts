/// <reference lib="webworker" />
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from "d3-force";
import type { LayoutProgress, LayoutRequest } from "./layout-protocol.js";

/**
 * The force layout of the Mapper graph, off the page's thread (d3-force,
 * which is deterministic: it places nodes on a phyllotaxis and seeds its own
 * jiggle). Ticks run in slices of ~12 ms, each followed by the positions,
 * so the page animates the layout and a new request interrupts the old one.
 */

interface Node extends SimulationNodeDatum {
  r: number;
}

let current = 0;

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  current = request.id;
  const nodes: Node[] = Array.from(request.radii, (r, i) => {
    const x = request.initial[2 * i]!;
    const y = request.initial[2 * i + 1]!;
    return Number.isNaN(x) ? { r } : { r, x, y };
  });
  const links = [];
  for (let e = 0; e < request.links.length; e += 2) {
    links.push({ source: request.links[e]!, target: request.links[e + 1]! });
  }
  const n = nodes.length;
  const simulation = forceSimulation(nodes)
    .force(
      "link",
      forceLink<Node, { source: number | Node; target: number | Node }>(links).distance(
        (link) => (link.source as Node).r + (link.target as Node).r + 14,
      ),
    )
    .force(
      "charge",
      forceManyBody<Node>()
        .strength((d) => -18 - 2.5 * d.r)
        .theta(0.9),
    )
    .force(
      "collide",
      forceCollide<Node>((d) => d.r + 2),
    )
    // A weak pull to the centre keeps the components of a Mapper graph
    // (often many) from drifting apart.
    .force("x", forceX(0).strength(0.045))
    .force("y", forceY(0).strength(0.045))
    .stop();
  // Large graphs cool faster (about 150 ticks instead of 300): each tick
  // costs O(n log n), and their overall shape settles early.
  if (n > 2000) simulation.alphaDecay(0.045);
  // Graphs laid out from known positions (a recompute) need less heat.
  if (nodes.some((d) => d.x !== undefined)) simulation.alpha(0.5);
  const post = (done: boolean) => {
    const positions = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      positions[2 * i] = nodes[i]!.x!;
      positions[2 * i + 1] = nodes[i]!.y!;
    }
    const message: LayoutProgress = {
      type: "tick",
      id: request.id,
      positions,
      alpha: simulation.alpha(),
      done,
    };
    self.postMessage(message, [positions.buffer]);
  };
  const slice = () => {
    if (current !== request.id) return;
    const start = performance.now();
    while (performance.now() - start < 12 && simulation.alpha() >= simulation.alphaMin()) {
      simulation.tick();
    }
    const done = simulation.alpha() < simulation.alphaMin();
    post(done);
    if (!done) setTimeout(slice, 0);
  };
  post(false);
  setTimeout(slice, 0);
};
