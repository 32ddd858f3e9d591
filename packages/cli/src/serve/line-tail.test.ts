import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { LineTail } from "./line-tail.js";

describe("LineTail", () => {
  const directory = mkdtempSync(join(tmpdir(), "nettopo-tail-"));
  after(() => rmSync(directory, { recursive: true, force: true }));

  it("gives only complete new lines, holding back a line being written", async () => {
    const path = join(directory, "a.jsonl");
    writeFileSync(path, "old\n");
    const tail = new LineTail(path);
    await tail.skipExisting();
    assert.deepEqual(await tail.poll(), { lines: [], firstIndex: 1, reset: false });
    appendFileSync(path, '{"epoch":1}\n{"epo');
    assert.deepEqual(await tail.poll(), { lines: ['{"epoch":1}'], firstIndex: 1, reset: false });
    appendFileSync(path, 'ch":2}');
    assert.deepEqual((await tail.poll()).lines, []);
    appendFileSync(path, "\n\n");
    assert.deepEqual(await tail.poll(), { lines: ['{"epoch":2}'], firstIndex: 2, reset: false });
  });

  it("follows a file that appears later, and reports a reset when it shrinks or is replaced", async () => {
    const path = join(directory, "b.jsonl");
    const tail = new LineTail(path);
    await tail.skipExisting();
    writeFileSync(path, "one\ntwo\n");
    assert.deepEqual(await tail.poll(), { lines: ["one", "two"], firstIndex: 0, reset: false });
    writeFileSync(path, "one\n");
    assert.equal((await tail.poll()).reset, true);
    const replacement = join(directory, "b.tmp");
    writeFileSync(replacement, "one\nthree\nfour\n");
    renameSync(replacement, path);
    assert.equal((await tail.poll()).reset, true, "a replaced file is a reset even when it grew");
    appendFileSync(path, "five\n");
    assert.deepEqual(await tail.poll(), { lines: ["five"], firstIndex: 3, reset: false });
  });
});
