/**
 * CRC-32 (the IEEE 802.3 polynomial, reflected, as zip and gzip use it;
 * internal). fflate checks no checksums when it decompresses, so the readers
 * check them here. Pure JavaScript (the browser path), eight bytes a step
 * with eight tables ("slicing-by-8", Kounavis & Berry 2008): about twice as
 * fast as a byte at a time.
 */

let tables: Int32Array[] | undefined;

function crcTables(): Int32Array[] {
  if (tables === undefined) {
    const t = Array.from({ length: 8 }, () => new Int32Array(256));
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[0]![n] = c;
    }
    for (let n = 0; n < 256; n += 1) {
      for (let k = 1; k < 8; k += 1) {
        const previous = t[k - 1]![n]!;
        t[k]![n] = t[0]![previous & 0xff]! ^ (previous >>> 8);
      }
    }
    tables = t;
  }
  return tables;
}

/**
 * The CRC-32 of `bytes`, as an unsigned 32-bit number; with `previous`, the
 * CRC-32 of the bytes it was computed on followed by `bytes` (so a stream
 * can be checksummed chunk by chunk: `crc = crc32(chunk, crc)`).
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = crcTables() as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  let c = ~previous;
  const n = bytes.length;
  let k = 0;
  for (; k + 8 <= n; k += 8) {
    const low =
      c ^ (bytes[k]! | (bytes[k + 1]! << 8) | (bytes[k + 2]! << 16) | (bytes[k + 3]! << 24));
    c =
      t7[low & 0xff]! ^
      t6[(low >>> 8) & 0xff]! ^
      t5[(low >>> 16) & 0xff]! ^
      t4[low >>> 24]! ^
      t3[bytes[k + 4]!]! ^
      t2[bytes[k + 5]!]! ^
      t1[bytes[k + 6]!]! ^
      t0[bytes[k + 7]!]!;
  }
  for (; k < n; k += 1) c = t0[(c ^ bytes[k]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
