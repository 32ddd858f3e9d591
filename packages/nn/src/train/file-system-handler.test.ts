import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { assertOneLineRejection } from "../test-support/errors.js";
import { buildModel } from "./build-model.js";
import { fileSystemHandler } from "./file-system-handler.js";
import { loadTfjsModel } from "./load-tfjs-model.js";
import { setupBackend } from "./setup-backend.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-fs-handler-"));
after(() => rmSync(dir, { recursive: true, force: true }));
before(() => setupBackend());

describe("fileSystemHandler", () => {
  it("saves a model as model.json and weights.bin that load back to the same predictions", async () => {
    const { model } = buildModel("conv4-bn-pool-fc8-3", { inputShape: [6, 6], seed: 3 });
    const path = join(dir, "cnn");
    mkdirSync(path);
    await model.save(fileSystemHandler(path));
    const json = JSON.parse(readFileSync(join(path, "model.json"), "utf8"));
    assert.equal(json.format, "layers-model");
    assert.deepEqual(json.weightsManifest[0].paths, ["weights.bin"]);
    const again = await loadTfjsModel(path);
    assert.deepEqual(
      again.layers.map((l) => l.name),
      model.layers.map((l) => l.name),
    );
    const x = tf.randomNormal([4, 6, 6], 0, 1, "float32", 1);
    const a = model.predict(x) as tf.Tensor;
    const b = again.predict(x) as tf.Tensor;
    assert.deepEqual(Array.from(a.dataSync()), Array.from(b.dataSync()));
    tf.dispose([x, a, b]);
    model.dispose();
    again.dispose();
  });

  it("loads weights sharded over several files, as tensorflowjs writes them", async () => {
    const { model } = buildModel("4-8-2", { seed: 1 });
    const whole = join(dir, "whole");
    mkdirSync(whole);
    await model.save(fileSystemHandler(whole));
    const json = JSON.parse(readFileSync(join(whole, "model.json"), "utf8"));
    const bytes = readFileSync(join(whole, "weights.bin"));
    const sharded = join(dir, "sharded");
    mkdirSync(sharded);
    writeFileSync(join(sharded, "group1-shard1of2.bin"), bytes.subarray(0, 50));
    writeFileSync(join(sharded, "group1-shard2of2.bin"), bytes.subarray(50));
    json.weightsManifest[0].paths = ["group1-shard1of2.bin", "group1-shard2of2.bin"];
    writeFileSync(join(sharded, "model.json"), JSON.stringify(json));
    const again = await tfl.loadLayersModel(fileSystemHandler(sharded));
    assert.deepEqual(
      again.getWeights().map((w) => Array.from(w.dataSync())),
      model.getWeights().map((w) => Array.from(w.dataSync())),
    );
    model.dispose();
    again.dispose();
  });

  it("refuses truncated weights, a missing model and a model.json that is not JSON, in one line", async () => {
    const { model } = buildModel("4-8-2");
    const path = join(dir, "truncated");
    mkdirSync(path);
    await model.save(fileSystemHandler(path));
    model.dispose();
    truncateSync(join(path, "weights.bin"), 100);
    await assertOneLineRejection(
      () => loadTfjsModel(path),
      /the weight files hold 100 bytes; model.json's manifest needs 232/,
      RangeError,
    );
    await assertOneLineRejection(
      () => loadTfjsModel(join(dir, "nothing-here")),
      /no such model directory or file/,
      RangeError,
    );
    writeFileSync(join(path, "model.json"), "{ not json");
    await assertOneLineRejection(() => loadTfjsModel(path), /is not valid JSON/, RangeError);
  });
});
