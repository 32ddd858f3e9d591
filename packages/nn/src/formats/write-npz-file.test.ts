import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import * as zlib from "node:zlib";
import { crc32 } from "./crc32.js";
import { readNpz } from "./read-npz.js";
import { writeNpy } from "./write-npy.js";
import { writeNpz } from "./write-npz.js";
import { writeNpzFile } from "./write-npz-file.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-npz-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const big = Float32Array.from({ length: (5 << 20) / 4 + 3 }, (_, i) => Math.sin(i));
const arrays = [
  { name: "layer/1", shape: [big.length], data: big },
  { name: "labels", shape: [3], data: Int32Array.of(2, 0, 1) },
];

describe("writeNpzFile", () => {
  it("writes what readNpz reads back, from files and from chunks, with the same bytes as writeNpz", async () => {
    const part = join(dir, "part.npy");
    writeFileSync(part, writeNpy(arrays[0]!));
    const labels = writeNpy(arrays[1]!);
    const path = join(dir, "a.npz");
    const size = await writeNpzFile(path, [
      { name: "layer/1", file: part },
      { name: "labels", chunks: [labels.subarray(0, 10), labels.subarray(10)] },
    ]);
    const bytes = new Uint8Array(readFileSync(path));
    assert.equal(size, bytes.length);
    const back = readNpz(bytes);
    assert.deepEqual(
      back.map((a) => [a.name, a.shape]),
      [
        ["layer/1", [big.length]],
        ["labels", [3]],
      ],
    );
    assert.deepEqual(back[0]!.data, big);
    assert.deepEqual(back[1]!.data, Int32Array.of(2, 0, 1));
    // The same arrays as writeNpz's in-memory archive.
    assert.deepEqual(readNpz(writeNpz(arrays)), back);
    assert.deepEqual(readdirSync(dir).sort(), ["a.npz", "part.npy"]);
  });

  it("writes zip64 records when asked, which readNpz and NumPy read", async () => {
    const path = join(dir, "z64.npz");
    await writeNpzFile(
      path,
      arrays.map((a) => ({ name: a.name, chunks: [writeNpy(a)] })),
      { zip64: "always" },
    );
    const bytes = new Uint8Array(readFileSync(path));
    assert.deepEqual(new DataView(bytes.buffer).getUint32(bytes.length - 22, true), 0x06054b50);
    assert.deepEqual(
      new DataView(bytes.buffer).getUint32(bytes.length - 22 - 20, true),
      0x07064b50,
    );
    assert.deepEqual(
      readNpz(bytes).map((a) => a.data),
      arrays.map((a) => a.data),
    );
    // NumPy (Debian's python3-numpy), when present: the same values, CRCs checked by zipfile.
    const python = "/usr/bin/python3";
    if (!existsSync(python)) return;
    const script =
      "import numpy as np, sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; d = np.load(sys.argv[1]); print(d['layer/1'].shape[0], d['layer/1'].dtype, float(d['layer/1'][12345]), d['labels'].tolist())";
    const result = spawnSync(python, ["-c", script, path], { encoding: "utf8" });
    if (result.status !== 0 && /No module named/.test(result.stderr)) return;
    assert.equal(result.stderr, "");
    assert.equal(result.stdout.trim(), `${big.length} float32 ${big[12345]} [2, 0, 1]`);
  });

  it("leaves no file, temporary or final, when aborted or when a source is missing", async () => {
    const sub = mkdtempSync(join(dir, "abort-"));
    const controller = new AbortController();
    const reason = new Error("stop");
    const path = join(sub, "out.npz");
    await assert.rejects(
      writeNpzFile(path, [{ name: "a", chunks: [writeNpy(arrays[0]!)] }], {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done > 0) controller.abort(reason);
        },
      }),
      (error) => error === reason,
    );
    await assert.rejects(writeNpzFile(path, [{ name: "a", file: join(sub, "missing.npy") }]), {
      code: "ENOENT",
    });
    assert.deepEqual(readdirSync(sub), []);
    await assert.rejects(
      writeNpzFile(path, [
        { name: "a", chunks: [] },
        { name: "a", chunks: [] },
      ]),
      { name: "RangeError", message: /two entries are named "a"/ },
    );
  });

  it("computes CRC-32 incrementally: chained chunks give the checksum of the whole", () => {
    const text = new TextEncoder().encode("123456789");
    assert.equal(crc32(text), 0xcbf43926); // the standard check value of CRC-32/ISO-HDLC
    assert.equal(crc32(text.subarray(4), crc32(text.subarray(0, 4))), 0xcbf43926);
    assert.equal(crc32(new Uint8Array(0)), 0);
    // Eight bytes a step and the tail, against zlib's where Node has it.
    const bytes = Uint8Array.from({ length: 1003 }, (_, i) => (i * 2654435761) >>> 24);
    const whole = crc32(bytes);
    for (const cut of [1, 7, 8, 9, 500]) {
      assert.equal(crc32(bytes.subarray(cut), crc32(bytes.subarray(0, cut))), whole);
    }
    const zlibCrc = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
    if (zlibCrc) assert.equal(whole, zlibCrc(bytes));
  });
});
