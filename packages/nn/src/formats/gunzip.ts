/**
 * gzip decompression with every check the format allows (internal): the
 * header is parsed here, fflate inflates the deflate stream, and the trailer's
 * CRC-32 and size are verified (fflate's `gunzipSync` checks neither and
 * sizes its output from the trailer, which a corrupt file could make huge).
 *
 * @see https://www.rfc-editor.org/rfc/rfc1952 (GZIP file format 4.3)
 */

import { inflateSync } from "fflate";
import { crc32 } from "./crc32.js";

/** Whether `bytes` starts with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses a single-member gzip file.
 *
 * @param where - Names the file in messages.
 * @throws RangeError for a truncated or corrupt file (a bad header, corrupt
 *   deflate data, a CRC-32 or size mismatch), TypeError for a compression
 *   method other than deflate.
 */
export function gunzip(bytes: Uint8Array, where: string): Uint8Array {
  const fail = (what: string): never => {
    throw new RangeError(`${where}: corrupt or truncated gzip file: ${what}`);
  };
  if (!isGzip(bytes)) fail("it does not start with the gzip magic 1f 8b");
  if (bytes.length < 18) fail(`${bytes.length} bytes, shorter than a header and trailer`);
  if (bytes[2] !== 8)
    throw new TypeError(
      `${where}: gzip compression method ${bytes[2]}; only deflate (8) is supported`,
    );
  const flags = bytes[3]!;
  if (flags & 0xe0) fail(`reserved header flags 0x${flags.toString(16)} are set`);
  let p = 10;
  const trailer = bytes.length - 8;
  if (flags & 4) {
    // FEXTRA: a 2-byte length and that many bytes.
    if (p + 2 > trailer) fail("the extra field runs past the end");
    p += 2 + (bytes[p]! | (bytes[p + 1]! << 8));
  }
  for (const flag of [8, 16]) {
    // FNAME, FCOMMENT: zero-terminated strings.
    if (flags & flag) {
      while (p < trailer && bytes[p] !== 0) p += 1;
      p += 1;
    }
  }
  if (flags & 2) p += 2; // FHCRC
  if (p > trailer) fail("the header runs past the end");
  let out: Uint8Array;
  try {
    out = inflateSync(bytes.subarray(p, trailer));
  } catch (error) {
    return fail(`corrupt deflate data (${(error as Error).message})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const crc = view.getUint32(trailer, true);
  const size = view.getUint32(trailer + 4, true);
  if (crc32(out) !== crc)
    fail("CRC-32 mismatch (a multi-member gzip file is not supported either)");
  if (out.length % 4294967296 !== size)
    fail(`${out.length} bytes decompressed, the trailer says ${size}`);
  return out;
}
