import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { assertOneLineRejection } from "../test-support/errors.js";
import { openNpyStreamWriter } from "./npy-stream-writer.js";
import { readNpy } from "./read-npy.js";
import { writeNpy } from "./write-npy.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-stream-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("openNpyStreamWriter", () => {
  it("writes row blocks into the same file writeNpy writes for the whole array", async () => {
    const whole = Float32Array.from({ length: 7 * 3 }, (_, k) => Math.sin(k));
    const path = join(dir, "a.npy");
    const writer = await openNpyStreamWriter(path, { shape: [7, 3] });
    await writer.append(whole.subarray(0, 6));
    // Appends issued without awaiting land in call order.
    const pending = [writer.append(whole.subarray(6, 15)), writer.append(whole.subarray(15, 21))];
    await Promise.all(pending);
    assert.equal(writer.rowsWritten, 7);
    assert.equal(existsSync(path), false, "nothing at the target before close");
    await writer.close();
    assert.deepEqual(new Uint8Array(readFileSync(path)), writeNpy({ shape: [7, 3], data: whole }));
    assert.deepEqual(readdirSync(dir), ["a.npy"]);
  });

  it("converts to the dtype asked for, checking the values", async () => {
    const path = join(dir, "labels.npy");
    const writer = await openNpyStreamWriter(path, { shape: [4], dtype: "int64" });
    await writer.append(Float64Array.of(1, 2));
    await assert.rejects(writer.append(Float64Array.of(0.5, 1)), /dtype int64 holds integers/);
    await writer.append(Int32Array.of(3, 4));
    await writer.close();
    const back = readNpy(new Uint8Array(readFileSync(path)));
    assert.equal(back.dtype, "int64");
    assert.deepEqual([...back.data], [1, 2, 3, 4]);
  });

  it("discards the file when fewer rows than the shape were written, and refuses too many", async () => {
    const path = join(dir, "short.npy");
    const writer = await openNpyStreamWriter(path, { shape: [3, 2] });
    await assertOneLineRejection(
      () => writer.append(new Float32Array(3)),
      /3 values are not whole rows of 2/,
      RangeError,
    );
    await assertOneLineRejection(
      () => writer.append(new Float32Array(8)),
      /4 more rows would make 4; shape \(3, 2\) has 3/,
      RangeError,
    );
    await writer.append(new Float32Array(2));
    await assertOneLineRejection(
      () => writer.close(),
      /1 of 3 rows written .*; the file was discarded/,
      RangeError,
    );
    assert.equal(existsSync(path), false);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes("short")),
      [],
    );
    await assertOneLineRejection(
      () => writer.append(new Float32Array(2)),
      /already aborted/,
      RangeError,
    );
  });

  it("leaves the previous file in place when aborted", async () => {
    const path = join(dir, "keep.npy");
    const first = await openNpyStreamWriter(path, { shape: [1] });
    await first.append(Float32Array.of(1));
    await first.close();
    const second = await openNpyStreamWriter(path, { shape: [1] });
    await second.append(Float32Array.of(2));
    await second.abort();
    assert.deepEqual([...readNpy(new Uint8Array(readFileSync(path))).data], [1]);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes("keep")),
      ["keep.npy"],
    );
  });

  it("leaves no file at the target when the process dies before close", () => {
    const path = join(dir, "killed.npy");
    const module = new URL("./npy-stream-writer.js", import.meta.url).href;
    const script = `const { openNpyStreamWriter } = await import(${JSON.stringify(module)});
const w = await openNpyStreamWriter(${JSON.stringify(path)}, { shape: [1000, 10] });
await w.append(new Float32Array(5000));
process.exit(9);`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    assert.equal(run.status, 9, run.stderr);
    assert.equal(existsSync(path), false);
  });

  it("checks its arguments", async () => {
    await assertOneLineRejection(
      () => openNpyStreamWriter(join(dir, "x.npy"), { shape: [] }),
      /at least one size/,
      RangeError,
    );
    await assertOneLineRejection(
      () => openNpyStreamWriter(join(dir, "x.npy"), { shape: [2], dtype: "bfloat16" as "float32" }),
      /dtype must be one of/,
      RangeError,
    );
    await assertOneLineRejection(
      () => openNpyStreamWriter("", { shape: [1] }),
      /non-empty string/,
      TypeError,
    );
  });
});
