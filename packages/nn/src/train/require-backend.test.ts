import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildModel } from "./build-model.js";

// This file's process never calls setupBackend (node --test runs each file apart).
describe("requireBackend", () => {
  it("tells a caller who forgot setupBackend what to do, before TF.js fails", () => {
    assert.throws(() => buildModel("4-8-2"), {
      message: "buildModel: TF.js has no backend ready; call await setupBackend() first",
    });
  });
});
