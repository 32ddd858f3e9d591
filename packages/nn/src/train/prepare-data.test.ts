import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { FASHION_MNIST_DIRECTORY } from "../data/fashion-mnist.js";
import { writeNpy } from "../formats/write-npy.js";
import { writeNpz } from "../formats/write-npz.js";
import { assertOneLineRejection } from "../test-support/errors.js";
import { prepareData } from "./prepare-data.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-prepare-data-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("prepareData", () => {
  it("splits D^4 (ball4 or disk4) with a seeded stratified split, unnormalised", async () => {
    const a = await prepareData({ dataset: "ball4", count: 1000, seed: 3 });
    const b = await prepareData({ dataset: "disk4", count: 1000, seed: 3 });
    assert.equal(a.train.count, 800);
    assert.equal(a.test.count, 200);
    assert.deepEqual(a.train.inputs, b.train.inputs);
    assert.equal(a.normalization, null);
    assert.deepEqual(a.config, {
      dataset: "ball4",
      kind: "ball-in-cube",
      dimension: 4,
      count: 1000,
      testFraction: 0.2,
      normalize: "none",
      seed: 3,
    });
    const c = await prepareData({ dataset: "ball4", count: 1000, seed: 4 });
    assert.notDeepEqual(a.train.inputs, c.train.inputs);
  });

  it("standardizes with the training part's statistics, applied to the test part too", async () => {
    const { train, test, normalization } = await prepareData({
      dataset: "moons",
      count: 400,
      normalize: "standardize",
      limit: 100,
    });
    assert.equal(train.count, 100);
    assert.equal(test.count, 80);
    assert.equal(normalization!.per, "feature");
    const mean = (k: number) =>
      train.inputs.filter((_, i) => i % 2 === k).reduce((s, v) => s + v, 0) / 100;
    // The statistics come from the 320 training samples; the first 100 are close to centred.
    assert.ok(Math.abs(mean(0)) < 0.3 && Math.abs(mean(1)) < 0.3);
    const again = await prepareData(
      { dataset: "moons", count: 400, normalize: "standardize", limit: 100 },
      normalization!,
    );
    assert.deepEqual(again.test.inputs, test.inputs);
  });

  it("loads Fashion-MNIST's own split scaled to [0, 1]", {
    skip: !existsSync(FASHION_MNIST_DIRECTORY),
  }, async () => {
    const { train, test, normalization, config } = await prepareData({
      dataset: "fashion-mnist",
      limit: 50,
    });
    assert.equal(train.count, 50);
    assert.equal(test.name, "fashion-mnist/test");
    assert.deepEqual(train.sampleShape, [28, 28]);
    assert.deepEqual(normalization, { method: "scale-255", per: "all", shift: [0], scale: [255] });
    assert.equal(config.normalize, "scale-255");
    assert.ok(train.inputs.every((v) => v >= 0 && v <= 1));
  });

  it("keeps an .npz file's own x_train/x_test split and records its checksum", async () => {
    const path = join(dir, "split.npz");
    writeFileSync(
      path,
      writeNpz([
        { name: "x_train", shape: [4, 2], data: Float32Array.of(0, 1, 2, 3, 4, 5, 6, 7) },
        { name: "y_train", shape: [4], data: Int32Array.of(0, 1, 0, 1) },
        { name: "x_test", shape: [2, 2], data: Float32Array.of(8, 9, 10, 11) },
        { name: "y_test", shape: [2], data: Int32Array.of(1, 0) },
      ]),
    );
    const { train, test, config } = await prepareData({ dataset: path });
    assert.equal(train.count, 4);
    assert.deepEqual(Array.from(test.inputs), [8, 9, 10, 11]);
    assert.match(config.sha256!, /^[0-9a-f]{64}$/);
    await assertOneLineRejection(
      () => prepareData({ ...config, sha256: "0".repeat(64) }),
      /changed since the run began/,
      RangeError,
    );
  });

  it("splits a CSV file by its label column", async () => {
    const path = join(dir, "points.csv");
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i % 3},${i % 2 ? "odd" : "even"}`);
    writeFileSync(path, `a,b,kind\n${rows.join("\n")}\n`);
    const { train, test } = await prepareData({
      dataset: path,
      labelColumn: "kind",
      testFraction: 0.25,
    });
    assert.equal(train.count, 15);
    assert.equal(test.count, 5);
    assert.deepEqual(train.classNames, ["even", "odd"]);
  });

  it("refuses an unknown name and data with NaN in one line", async () => {
    await assertOneLineRejection(
      () => prepareData({ dataset: "imagenet" }),
      /unknown data set "imagenet": not one of fashion-mnist, ball4, disk4, moons .* no such file or directory/,
      RangeError,
    );
    const path = join(dir, "nan.npy");
    writeFileSync(path, writeNpy({ shape: [2, 2], data: Float32Array.of(1, Number.NaN, 0, 1) }));
    await assertOneLineRejection(
      () => prepareData({ dataset: path }),
      /is NaN; expected finite numbers/,
      RangeError,
    );
  });
});
