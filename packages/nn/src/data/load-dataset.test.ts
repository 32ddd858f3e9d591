import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { writeNpy } from "../formats/write-npy.js";
import { writeNpz } from "../formats/write-npz.js";
import { writeSafetensors } from "../formats/write-safetensors.js";
import { assertOneLineRejection } from "../test-support/errors.js";
import { DATA_FIXTURES } from "../test-support/fixtures.js";
import { loadDataset } from "./load-dataset.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-load-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const x = { shape: [3, 2], data: Float64Array.of(1, 2, 3, 4, 5, 6) };
const y = { shape: [3], data: Float64Array.of(0, 1, 1), dtype: "int64" as const };

describe("loadDataset", () => {
  it("loads .npz and .safetensors with x/y keys found by default or named", async () => {
    writeFileSync(
      join(dir, "d.npz"),
      writeNpz([
        { name: "y", ...y },
        { name: "x", ...x },
      ]),
    );
    const d = await loadDataset(join(dir, "d.npz"));
    assert.equal(d.name, "d.npz");
    assert.deepEqual([...d.inputs], [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...d.labels!], [0, 1, 1]);
    writeFileSync(
      join(dir, "d.safetensors"),
      writeSafetensors([
        { name: "acts", ...x },
        { name: "cls", ...y },
      ]),
    );
    const s = await loadDataset(join(dir, "d.safetensors"), {
      inputsKey: "acts",
      labelsKey: "cls",
      limit: 2,
    });
    assert.equal(s.count, 2);
    assert.deepEqual([...s.labels!], [0, 1]);
    await assertOneLineRejection(
      () => loadDataset(join(dir, "d.safetensors"), { labelsKey: "labels" }),
      /has no array "labels" for the labels; it has "acts", "cls"/,
      RangeError,
    );
  });

  it("loads .npy inputs, CSV with a label column, and an IDX directory", async () => {
    writeFileSync(join(dir, "p.npy"), writeNpy(x));
    assert.deepEqual((await loadDataset(join(dir, "p.npy"))).sampleShape, [2]);
    writeFileSync(join(dir, "p.csv"), "a,b,c\n1,2,cat\n3,4,dog\n5,6,cat\n");
    const c = await loadDataset(join(dir, "p.csv"), { labelColumn: "c", limit: 2 });
    assert.equal(c.count, 2);
    assert.deepEqual(c.classNames, ["cat", "dog"]);
    const idx = await loadDataset(fileURLToPath(new URL("idx/", DATA_FIXTURES)));
    assert.deepEqual(idx.sampleShape, [4, 5]);
  });

  it("refuses files of no supported kind and labels that are not class indices", async () => {
    writeFileSync(join(dir, "notes.txt"), "hello");
    await assertOneLineRejection(
      () => loadDataset(join(dir, "notes.txt")),
      /is of no supported kind/,
      TypeError,
    );
    writeFileSync(
      join(dir, "bad.npz"),
      writeNpz([
        { name: "x", ...x },
        { name: "y", shape: [3], data: Float32Array.of(0, 0.5, 1) },
      ]),
    );
    await assertOneLineRejection(
      () => loadDataset(join(dir, "bad.npz")),
      /labels\[1\] is 0\.5; expected a class index/,
      RangeError,
    );
    writeFileSync(
      join(dir, "short.npz"),
      writeNpz([
        { name: "x", ...x },
        { name: "y", shape: [2], data: Int32Array.of(0, 1) },
      ]),
    );
    await assertOneLineRejection(
      () => loadDataset(join(dir, "short.npz")),
      /hold 2 values for 3 samples/,
      RangeError,
    );
    writeFileSync(
      join(dir, "nan.npy"),
      writeNpy({ shape: [2, 1], data: Float32Array.of(1, Number.NaN) }),
    );
    await assertOneLineRejection(
      () => loadDataset(join(dir, "nan.npy")),
      /inputs\[1\] \(sample 1, value 0 of it\) is NaN/,
      RangeError,
    );
  });
});
