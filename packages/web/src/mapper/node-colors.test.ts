import assert from "node:assert/strict";
import { test } from "node:test";
import type { MapperNodeJSON } from "@nettopo/core";
import { categoricalColor, MISSING_COLOR, sequentialColor } from "./color-scale.js";
import { nodeColors, nodeRadius } from "./node-colors.js";

const node = (id: number, fields: Partial<MapperNodeJSON>): MapperNodeJSON => ({
  id,
  members: [],
  size: 1,
  cover: [0],
  cluster: 0,
  lens: [0],
  ...fields,
});
const nodes = [
  node(0, { lens: [1], majority: 2, purity: 1, size: 10, means: [0.5, 3] }),
  node(1, { lens: [3], majority: 0, purity: 0.5, size: 40, means: [1.5, 1] }),
  node(2, { lens: [2], size: 20 }),
];

test("nodeColors spans a sequential scale over the nodes' lens means", () => {
  const { colors, legend, values } = nodeColors(nodes, { kind: "lens", component: 0 });
  assert.deepEqual(colors, [sequentialColor(0), sequentialColor(1), sequentialColor(0.5)]);
  assert.deepEqual(legend, { kind: "sequential", title: "Lens mean", min: 1, max: 3 });
  assert.deepEqual([...values], [1, 3, 2]);
});

test("nodeColors by majority label uses the categorical palette, with a legend of the labels present", () => {
  const { colors, legend } = nodeColors(nodes, { kind: "majority" }, ["a", "b", "c"]);
  assert.deepEqual(colors, [categoricalColor(2), categoricalColor(0), MISSING_COLOR]);
  assert.deepEqual(legend, {
    kind: "categorical",
    title: "Majority label",
    entries: [
      { name: "a", color: categoricalColor(0) },
      { name: "c", color: categoricalColor(2) },
    ],
  });
});

test("nodeColors by a neuron's mean and by purity; a node without the value is grey", () => {
  const neuron = nodeColors(nodes, { kind: "neuron", neuron: 1 });
  assert.deepEqual(neuron.colors, [sequentialColor(1), sequentialColor(0), MISSING_COLOR]);
  assert.equal(neuron.legend.title, "Neuron 1 mean activation");
  const purity = nodeColors(nodes, { kind: "purity" });
  assert.deepEqual(purity.colors, [sequentialColor(1), sequentialColor(0), MISSING_COLOR]);
});

test("nodeRadius grows with the square root of the size, from min to max", () => {
  assert.equal(nodeRadius(0, 100), 4);
  assert.equal(nodeRadius(100, 100), 22);
  assert.equal(nodeRadius(25, 100), 4 + 18 * 0.5);
  assert.equal(nodeRadius(5, 0), 4);
});
