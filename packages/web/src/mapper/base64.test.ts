import assert from "node:assert/strict";
import { test } from "node:test";
import { base64ToBytes, bytesToBase64 } from "./base64.js";

test("bytesToBase64 equals Node's Buffer encoding, padding included", () => {
  for (const length of [0, 1, 2, 3, 4, 5, 100, 3 * 8192 + 1]) {
    const bytes = Uint8Array.from({ length }, (_, k) => (k * 37 + 11) & 255);
    const text = bytesToBase64(bytes);
    assert.equal(text, Buffer.from(bytes).toString("base64"), `length ${length}`);
    assert.deepEqual(base64ToBytes(text), bytes);
  }
});

test("base64ToBytes reads float32 rows back bit for bit, and names a bad character", () => {
  const floats = Float32Array.of(0.1, -2.5, 1e-20, Number.MAX_VALUE);
  const back = base64ToBytes(bytesToBase64(new Uint8Array(floats.buffer)));
  assert.deepEqual(new Float32Array(back.buffer), floats);
  assert.throws(() => base64ToBytes("QUJD!"), /character "!" at 4 is not base64/);
});
