import assert from "node:assert/strict";
import { test } from "node:test";
import { graphSvg } from "./graph-svg.js";
import { spreadSample } from "./spread-sample.js";

test("graphSvg frames every node with a margin and draws one line per link, faded where dimmed", () => {
  const svg = graphSvg({
    positions: [0, 0, 100, 50, 40, -20],
    radii: [5, 10, 4],
    colors: ["#ff0000", "#00ff00", "#0000ff"],
    bright: [1, 0, 1],
    links: [
      { source: 0, target: 1, jaccard: 0.5 },
      { source: 0, target: 2, jaccard: 0.1 },
    ],
    title: "a <title>",
  });
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="163" height="160"/);
  assert.equal((svg.match(/<circle /g) ?? []).length, 3);
  assert.equal((svg.match(/<line /g) ?? []).length, 2);
  assert.match(svg, /<circle cx="29" cy="76" r="5" fill="#ff0000">/);
  assert.match(svg, /fill="#00ff00" fill-opacity="0\.15"/);
  assert.match(svg, /a &lt;title&gt;/);
});

test("spreadSample takes items evenly over the list, or all of a short list", () => {
  assert.deepEqual(spreadSample([1, 2, 3], 5), [1, 2, 3]);
  assert.deepEqual(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4), [0, 2, 5, 7]);
});

test("graphSvg draws the colour legend under the graph: swatches for labels, a gradient for values", () => {
  const base = {
    positions: [0, 0],
    radii: [5],
    colors: ["#4e79a7"],
    bright: null,
    links: [],
  };
  const labels = graphSvg({
    ...base,
    legend: {
      kind: "categorical",
      title: "Majority label",
      entries: [
        { name: "Bag", color: "#9c755f" },
        { name: "Coat", color: "#59a14f" },
      ],
    },
  });
  assert.match(labels, /width="560"/, "wide enough for the legend");
  assert.match(labels, />Majority label<\/text>/);
  assert.match(
    labels,
    /<circle cx="\d+" cy="\d+(\.\d+)?" r="5" fill="#9c755f"\/>\s*<text [^>]+>Bag<\/text>/,
  );
  const values = graphSvg({
    ...base,
    legend: { kind: "sequential", title: "Lens mean", min: 0.5, max: 12.25 },
  });
  assert.match(
    values,
    /<linearGradient id="legend-scale"><stop offset="0%" stop-color="#440154"\/>/,
  );
  assert.match(values, />0\.5<\/text>[\s\S]*>12\.3<\/text>/);
});
