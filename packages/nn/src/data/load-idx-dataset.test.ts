import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { readIdx } from "../formats/read-idx.js";
import { writeIdx } from "../formats/write-idx.js";
import { assertOneLineError, assertOneLineRejection } from "../test-support/errors.js";
import { DATA_FIXTURES, fixtureBytes } from "../test-support/fixtures.js";
import { idxDataset } from "./idx-dataset.js";
import { loadIdxDataset } from "./load-idx-dataset.js";

const idxDir = fileURLToPath(new URL("idx/", DATA_FIXTURES));

describe("loadIdxDataset and idxDataset", () => {
  it("finds train-* files in a directory and keeps pixels 0..255 in float32", async () => {
    const d = await loadIdxDataset(idxDir, { split: "train" });
    const images = readIdx(fixtureBytes("idx/train-images-idx3-ubyte"));
    const labels = readIdx(fixtureBytes("idx/train-labels-idx1-ubyte"));
    assert.equal(d.name, "idx/train");
    assert.equal(d.count, 3);
    assert.deepEqual(d.sampleShape, [4, 5]);
    assert.deepEqual([...d.inputs], [...images.data]);
    assert.deepEqual([...d.labels!], [...labels.data]);
  });

  it("reads explicit paths and applies a limit", async () => {
    const d = await loadIdxDataset(
      { images: `${idxDir}train-images-idx3-ubyte`, labels: `${idxDir}train-labels-idx1-ubyte.gz` },
      { limit: 2, name: "tiny" },
    );
    assert.equal(d.count, 2);
    assert.equal(d.name, "tiny");
    assert.equal(d.labels!.length, 2);
  });

  it("lists the names it tried when a split is missing", async () => {
    await assertOneLineRejection(
      () => loadIdxDataset(idxDir, { split: "test" }),
      /no test images in .*; looked for t10k-images-idx3-ubyte\.gz, .*test-images\.idx3-ubyte$/,
      RangeError,
    );
  });

  it("refuses a label count that differs from the image count", () => {
    const images = writeIdx({ shape: [2, 2, 2], data: new Uint8Array(8) });
    const labels = writeIdx({ shape: [3], data: Uint8Array.of(0, 1, 2) });
    assertOneLineError(
      () => idxDataset(images, labels, { name: "x" }),
      /x has 2 images but 3 labels/,
      RangeError,
    );
  });
});
