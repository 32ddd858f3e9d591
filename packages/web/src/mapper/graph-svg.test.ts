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
