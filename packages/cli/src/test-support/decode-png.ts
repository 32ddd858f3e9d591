import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";

/** A decoded 8-bit RGB or RGBA PNG: `pixels` row-major, `channels` bytes a pixel. */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Decodes a non-interlaced 8-bit RGB/RGBA PNG (what resvg writes), checking
 * the signature, that IHDR comes first and IEND last (test support; see the
 * PNG specification, W3C 2003, for the chunk layout and the five filters).
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  assert.deepEqual([...bytes.subarray(0, 8)], SIGNATURE, "PNG signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  const chunks: { type: string; data: Uint8Array }[] = [];
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    chunks.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  assert.equal(chunks[0]?.type, "IHDR", "IHDR comes first");
  assert.equal(chunks.at(-1)?.type, "IEND", "IEND comes last");
  const header = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset, 13);
  const width = header.getUint32(0);
  const height = header.getUint32(4);
  const bitDepth = header.getUint8(8);
  const colorType = header.getUint8(9);
  const interlace = header.getUint8(12);
  assert.equal(bitDepth, 8, "8-bit samples");
  assert.ok(colorType === 2 || colorType === 6, `RGB or RGBA, got colour type ${colorType}`);
  assert.equal(interlace, 0, "not interlaced");
  const channels = colorType === 6 ? 4 : 3;
  const compressed = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  const raw = inflateSync(compressed);
  const stride = width * channels;
  assert.equal(raw.length, height * (stride + 1), "one filter byte and one row per line");
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) predictor = paeth(left, up, upLeft);
      else throw new Error(`decodePng: unknown filter ${filter} on row ${y}`);
      pixels[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** How many pixels differ from the first one (0 when the image is one colour). */
export function pixelsUnlikeFirst(png: DecodedPng): number {
  const { pixels, channels } = png;
  let count = 0;
  for (let p = channels; p < pixels.length; p += channels) {
    for (let c = 0; c < channels; c += 1) {
      if (pixels[p + c] !== pixels[c]) {
        count += 1;
        break;
      }
    }
  }
  return count;
}
