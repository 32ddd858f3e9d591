import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { OnnxModel } from "../onnx/onnx-model.js";
import { ONNX_FIXTURES } from "../test-support/onnx-fixtures.js";
import { TFJS_FIXTURES } from "../test-support/tfjs-fixtures.js";
import { TfjsModel } from "../tfjs/tfjs-model.js";
import { loadModel } from "./load-model.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-load-model-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("loadModel", () => {
  it("loads .onnx files as ONNX models and model.json files or their directories as TF.js models", async () => {
    assert.ok((await loadModel(`${ONNX_FIXTURES}mlp.onnx`)) instanceof OnnxModel);
    assert.ok((await loadModel(`${TFJS_FIXTURES}mlp`)) instanceof TfjsModel);
    assert.ok((await loadModel(`${TFJS_FIXTURES}mlp/model.json`)) instanceof TfjsModel);
  });

  it("tells other file names apart by their content", async () => {
    copyFileSync(`${ONNX_FIXTURES}mlp.onnx`, join(dir, "model.bin"));
    assert.ok((await loadModel(join(dir, "model.bin"))) instanceof OnnxModel);
    writeFileSync(join(dir, "not-a-model"), "  {}");
    await assert.rejects(
      loadModel(join(dir, "not-a-model")),
      /cannot load TF.js model .*no modelTopology/,
    );
    writeFileSync(join(dir, "garbage"), "garbage");
    await assert.rejects(
      loadModel(join(dir, "garbage")),
      /cannot load ONNX model .*not an ONNX model/,
    );
    await assert.rejects(loadModel(dir), { code: "ENOENT" });
  });
});
