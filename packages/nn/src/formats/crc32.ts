/**
 * CRC-32 (the IEEE 802.3 polynomial, reflected, as zip and gzip use it;
 * internal). fflate checks no checksums when it decompresses, so the readers
 * check them here.
 */

let table: Int32Array | undefined;

function crcTable(): Int32Array {
  if (table === undefined) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  return table;
}

/**
 * The CRC-32 of `bytes`, as an unsigned 32-bit number; with `previous`, the
 * CRC-32 of the bytes it was computed on followed by `bytes` (so a stream
 * can be checksummed chunk by chunk: `crc = crc32(chunk, crc)`).
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = crcTable();
  let c = ~previous;
  for (let k = 0; k < bytes.length; k += 1) c = t[(c ^ bytes[k]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
