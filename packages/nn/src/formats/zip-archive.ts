/**
 * Reading the entries of a zip archive (internal; what .npz files are). The
 * central directory is parsed here rather than by fflate's `unzipSync` so that
 * entries keep their order in the file, every offset and size is checked
 * against the file, local and central names must agree, and each entry's
 * CRC-32 is verified (fflate checks none); fflate inflates the deflated data.
 *
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (PKWARE's
 *   specification: local headers 4.3.7, central directory 4.3.12, end of
 *   central directory 4.3.16, zip64 4.3.14-15 and 4.5.3)
 */

import { inflateSync } from "fflate";
import { crc32 } from "./crc32.js";

/** One file of a zip archive, located but not yet decompressed. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate. */
  readonly method: number;
  readonly crc: number;
  /** The bytes as stored (compressed for method 8); a view into the archive. */
  readonly stored: Uint8Array;
  /** The size after decompression. */
  readonly size: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads little-endian integers from the archive, failing on any read past its end. */
class Reader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    private readonly where: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  check(offset: number, length: number, what: string): void {
    if (offset < 0 || length < 0 || offset + length > this.bytes.length) {
      throw new RangeError(
        `${this.where}: truncated or corrupt zip archive: ${what} at byte ${offset} (${length} bytes) lies beyond the end of the ${this.bytes.length}-byte file`,
      );
    }
  }
  u16(offset: number, what: string): number {
    this.check(offset, 2, what);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number, what: string): number {
    this.check(offset, 4, what);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number, what: string): number {
    this.check(offset, 8, what);
    const value = this.view.getBigUint64(offset, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`${this.where}: corrupt zip archive: ${what} is ${value}, beyond 2^53`);
    }
    return Number(value);
  }
}

/**
 * The entries of a zip archive in central-directory order (the order they
 * were written).
 *
 * @param where - Names the file in messages.
 * @throws TypeError for an encrypted or multi-disk archive; RangeError for a
 *   truncated or corrupt one.
 */
export function readZipEntries(bytes: Uint8Array, where: string): ZipEntry[] {
  const r = new Reader(bytes, where);
  const fail = (what: string): never => {
    throw new RangeError(`${where}: corrupt zip archive: ${what}`);
  };
  // The end-of-central-directory record: the last one whose comment reaches the end of the file.
  let eocd = -1;
  for (let p = bytes.length - 22; p >= 0 && p >= bytes.length - 22 - 65535; p -= 1) {
    if (
      bytes[p] === 0x50 &&
      bytes[p + 1] === 0x4b &&
      r.u32(p, "end record") === EOCD &&
      p + 22 + r.u16(p + 20, "comment length") === bytes.length
    ) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) {
    if (bytes.length >= 4 && r.u32(0, "signature") !== LOCAL) {
      throw new TypeError(
        `${where}: not a zip archive (no PK signature); expected an .npz (zip) file`,
      );
    }
    throw new RangeError(
      `${where}: truncated or corrupt zip archive: no end-of-central-directory record`,
    );
  }
  let count = r.u16(eocd + 10, "entry count");
  let directorySize = r.u32(eocd + 12, "central directory size");
  let directoryOffset = r.u32(eocd + 16, "central directory offset");
  let directoryEnd = eocd;
  if (r.u16(eocd + 4, "disk number") !== 0 || r.u16(eocd + 6, "central directory disk") !== 0) {
    if (count !== 0xffff) {
      throw new TypeError(`${where}: multi-disk zip archives are not supported`);
    }
  }
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || r.u32(locator, "zip64 locator") !== ZIP64_LOCATOR) {
      fail("the end record asks for zip64 but there is no zip64 locator");
    }
    const record = r.u64(locator + 8, "zip64 end record offset");
    if (r.u32(record, "zip64 end record") !== ZIP64_EOCD)
      fail("no zip64 end record where the locator points");
    count = r.u64(record + 32, "zip64 entry count");
    directorySize = r.u64(record + 40, "zip64 central directory size");
    directoryOffset = r.u64(record + 48, "zip64 central directory offset");
    directoryEnd = record;
  }
  if (directoryOffset + directorySize > directoryEnd) {
    fail(
      `the central directory (${directorySize} bytes at ${directoryOffset}) overlaps the end record at ${directoryEnd}`,
    );
  }
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = directoryOffset;
  const decoder = new TextDecoder("utf-8");
  while (p < directoryOffset + directorySize) {
    if (r.u32(p, "central header") !== CENTRAL) fail(`no central directory header at byte ${p}`);
    const flags = r.u16(p + 8, "flags");
    const method = r.u16(p + 10, "method");
    const crc = r.u32(p + 16, "crc");
    let storedSize = r.u32(p + 20, "compressed size");
    let size = r.u32(p + 24, "size");
    const nameLength = r.u16(p + 28, "name length");
    const extraLength = r.u16(p + 30, "extra length");
    const commentLength = r.u16(p + 32, "comment length");
    let localOffset = r.u32(p + 42, "local header offset");
    r.check(p + 46, nameLength + extraLength + commentLength, "central header fields");
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = decoder.decode(nameBytes);
    // Zip64 extended information: the 64-bit values of the fields saturated at 0xffffffff.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = r.u16(e, "extra id");
      const length = r.u16(e + 2, "extra length");
      if (e + 4 + length > extraEnd)
        fail(`extra field of entry ${JSON.stringify(name)} overruns its header`);
      if (id === 0x0001) {
        let q = e + 4;
        const next = (what: string): number => {
          if (q + 8 > e + 4 + length)
            fail(`zip64 field of entry ${JSON.stringify(name)} lacks the ${what}`);
          const v = r.u64(q, what);
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next("size");
        if (storedSize === 0xffffffff) storedSize = next("compressed size");
        if (localOffset === 0xffffffff) localOffset = next("local header offset");
      }
      e += 4 + length;
    }
    if (flags & 1)
      throw new TypeError(
        `${where}: entry ${JSON.stringify(name)} is encrypted; encrypted archives are not supported`,
      );
    if (names.has(name)) fail(`entry ${JSON.stringify(name)} appears twice`);
    names.add(name);
    // The local header: its name must be the same; the data follows its name and extra field.
    if (r.u32(localOffset, "local header") !== LOCAL) {
      fail(`no local header at byte ${localOffset} for entry ${JSON.stringify(name)}`);
    }
    const localNameLength = r.u16(localOffset + 26, "local name length");
    const localExtraLength = r.u16(localOffset + 28, "local extra length");
    r.check(localOffset + 30, localNameLength, "local name");
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (localNameLength !== nameLength || localName.some((b, k) => b !== nameBytes[k])) {
      fail(
        `entry ${JSON.stringify(name)} has the local name ${JSON.stringify(decoder.decode(localName))}`,
      );
    }
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    r.check(dataOffset, storedSize, `data of entry ${JSON.stringify(name)}`);
    if (dataOffset + storedSize > directoryOffset) {
      fail(`data of entry ${JSON.stringify(name)} runs into the central directory`);
    }
    entries.push({
      name,
      method,
      crc,
      stored: bytes.subarray(dataOffset, dataOffset + storedSize),
      size,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (p !== directoryOffset + directorySize) fail("the central directory ends inside a header");
  if (entries.length !== count) {
    fail(`the end record counts ${count} entries, the central directory holds ${entries.length}`);
  }
  return entries;
}

/**
 * The decompressed bytes of an entry, checked against its size and CRC-32.
 *
 * @throws TypeError for a compression method other than stored or deflate;
 *   RangeError for corrupt data, a wrong size or a CRC mismatch.
 */
export function extractZipEntry(entry: ZipEntry, where: string): Uint8Array {
  const label = `${where}: entry ${JSON.stringify(entry.name)}`;
  let data: Uint8Array;
  if (entry.method === 0) {
    data = new Uint8Array(entry.stored);
  } else if (entry.method === 8) {
    // Deflate expands at most 1032:1; a larger stated size is corrupt.
    if (entry.size > entry.stored.length * 1032 + 1024) {
      throw new RangeError(
        `${label}: corrupt zip archive: size ${entry.size} is impossible for ${entry.stored.length} deflated bytes`,
      );
    }
    try {
      data = inflateSync(entry.stored);
    } catch (error) {
      throw new RangeError(`${label}: corrupt deflate data (${(error as Error).message})`);
    }
  } else {
    throw new TypeError(
      `${label} uses compression method ${entry.method}; only stored (0) and deflate (8) are supported`,
    );
  }
  if (data.length !== entry.size) {
    throw new RangeError(
      `${label}: corrupt zip archive: ${data.length} bytes after decompression, the directory says ${entry.size}`,
    );
  }
  const crc = crc32(data);
  if (crc !== entry.crc) {
    throw new RangeError(
      `${label}: CRC-32 mismatch (0x${crc.toString(16).padStart(8, "0")}, the directory says 0x${entry.crc.toString(16).padStart(8, "0")}): the file is corrupt`,
    );
  }
  return data;
}
