import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { assertOneLineRejection } from "../test-support/errors.js";
import { fixtureJson } from "../test-support/fixtures.js";
import {
  FASHION_MNIST_CLASS_NAMES,
  FASHION_MNIST_DIRECTORY,
  fashionMnist,
} from "./fashion-mnist.js";
import { mnist } from "./mnist.js";

interface SplitFacts {
  readonly shape: number[];
  readonly labelCounts: number[];
  readonly firstLabels: number[];
  readonly pixelSumFirst100: number;
  readonly firstImageRow14: number[];
}

// Read from Debian's dataset-fashion-mnist with gzip + NumPy by scripts/fixtures/data.py.
const facts = fixtureJson<{ splits: Record<"train" | "test", SplitFacts> }>("fashion-mnist.json");
const README = "/usr/share/doc/dataset-fashion-mnist/README.md.gz";
const installed = existsSync(FASHION_MNIST_DIRECTORY) && facts !== undefined;

describe("fashionMnist", () => {
  it("loads the test split as NumPy reads Debian's files", { skip: !installed }, async () => {
    const test = await fashionMnist({ split: "test" });
    const f = facts!.splits.test;
    assert.equal(test.name, "fashion-mnist/test");
    assert.equal(test.count, f.shape[0]);
    assert.deepEqual(test.sampleShape, f.shape.slice(1));
    assert.deepEqual(test.classNames, FASHION_MNIST_CLASS_NAMES);
    const counts = new Array(10).fill(0);
    for (const label of test.labels!) counts[label] += 1;
    assert.deepEqual(counts, f.labelCounts);
    assert.deepEqual([...test.labels!.subarray(0, 20)], f.firstLabels);
    let sum = 0;
    for (let k = 0; k < 100 * 784; k += 1) sum += test.inputs[k]!;
    assert.equal(sum, f.pixelSumFirst100);
    assert.deepEqual([...test.inputs.subarray(14 * 28, 15 * 28)], f.firstImageRow14);
    assert.ok(test.inputs instanceof Float32Array);
  });

  it("loads the first images of the training split with a limit", {
    skip: !installed,
  }, async () => {
    const train = await fashionMnist({ split: "train", limit: 100 });
    const f = facts!.splits.train;
    assert.equal(train.count, 100);
    assert.deepEqual([...train.labels!.subarray(0, 20)], f.firstLabels);
    let sum = 0;
    for (const v of train.inputs) sum += v;
    assert.equal(sum, f.pixelSumFirst100);
  });

  it("names the classes as the package's README does", { skip: !existsSync(README) }, () => {
    const text = gunzipSync(readFileSync(README)).toString("utf8");
    const names = [...text.matchAll(/^\| (\d) \| ([^|]+?) \|$/gm)].map((m) => [Number(m[1]), m[2]]);
    assert.deepEqual(
      names,
      FASHION_MNIST_CLASS_NAMES.map((n, k) => [k, n]),
    );
  });

  it("says which package to install when the directory is missing", async () => {
    await assertOneLineRejection(
      () => fashionMnist({ directory: "/nonexistent/fashion" }),
      /no directory \/nonexistent\/fashion; install Debian's dataset-fashion-mnist/,
      RangeError,
    );
    await assertOneLineRejection(
      () => mnist({} as { directory: string }),
      /options\.directory .* is required/,
      TypeError,
    );
  });
});
