import assert from "node:assert/strict";
import { test } from "node:test";
import { labelSearch, labelsMatching } from "./label-search.js";
import { formatShare, topLabels } from "./top-labels.js";

const NAMES = ["T-shirt/top", "Trouser", "Pullover", "Sneaker"];

test("labelsMatching matches names case-insensitively by substring, or a label's index", () => {
  assert.deepEqual([...labelsMatching("sneak", NAMES, [0, 1, 2, 3])], [3]);
  assert.deepEqual([...labelsMatching(" T", NAMES, [0, 1, 2, 3])], [0, 1]);
  assert.deepEqual([...labelsMatching("2", null, [0, 1, 2])], [2]);
  assert.equal(labelsMatching("  ", NAMES, [0, 1]).size, 0);
});

test("labelSearch keeps bright the nodes whose majority label matches, and dims nothing for an empty query", () => {
  const nodes = [{ majority: 3 }, { majority: 1 }, {}, { majority: 3 }];
  assert.deepEqual([...labelSearch("sneaker", nodes, NAMES)!], [1, 0, 0, 1]);
  assert.deepEqual([...labelSearch("nothing", nodes, NAMES)!], [0, 0, 0, 0]);
  assert.equal(labelSearch("", nodes, NAMES), null);
});

test("topLabels lists a node's labels by count with their shares", () => {
  const rows = topLabels({ "0": 2, "3": 6, "1": 2 }, NAMES);
  assert.deepEqual(
    rows.map((r) => [r.name, r.count, formatShare(r.share)]),
    [
      ["Sneaker", 6, "60.0%"],
      ["T-shirt/top", 2, "20.0%"],
      ["Trouser", 2, "20.0%"],
    ],
  );
  assert.equal(topLabels({ "7": 1 }, NAMES)[0]!.name, "label 7");
  assert.deepEqual(topLabels(undefined, NAMES), []);
  assert.equal(topLabels({ "0": 1, "1": 1, "2": 1 }, NAMES, 2).length, 2);
});
