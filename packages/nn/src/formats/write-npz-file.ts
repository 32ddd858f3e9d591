import { randomBytes } from "node:crypto";
import { type FileHandle, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import * as zlib from "node:zlib";
import type { AbortSignalLike, Progress } from "@nettopo/core";
import { describe, optionalChoice, requireOptions } from "../validate.js";
import { crc32 } from "./crc32.js";

/**
 * One entry of {@link writeNpzFile}: an array's name (the entry is
 * `NAME.npy`) and its complete .npy bytes, either as a file to copy in or
 * as chunks in memory (e.g. a header from `writeNpy`'s format and a view of
 * a Float32Array's bytes, so that nothing is copied).
 */
export type NpzFileEntry =
  | { readonly name: string; readonly file: string }
  | { readonly name: string; readonly chunks: readonly Uint8Array[] };

/** Options of {@link writeNpzFile}. */
export interface WriteNpzFileOptions {
  /**
   * When to use zip64 records: `"auto"` (default) only where the classic zip
   * fields overflow (an entry or an offset of 4 GiB or more, 65535 entries
   * or more); `"always"` for every entry and the archive (for tests; NumPy
   * and `readNpz` read both).
   */
  readonly zip64?: "auto" | "always";
  /** Stops between chunks, throwing the signal's reason (no file is left); default none. */
  readonly signal?: AbortSignalLike;
  /** Called after each chunk: stage `"npz"`, `done` of `total` bytes; default none. */
  readonly onProgress?: (progress: Progress) => void;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END = 0x06054b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** 1980-01-01 00:00 in MS-DOS date format (time 0): deterministic archives. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const CHUNK = 4 << 20;
/** zlib's CRC-32 where Node has it (20.15+, about 6x faster), else nettopo's own. */
const checksum: (bytes: Uint8Array, previous: number) => number =
  (zlib as { crc32?: (bytes: Uint8Array, previous: number) => number }).crc32 ?? crc32;

/**
 * Writes an .npz file (a zip archive of `NAME.npy` entries, stored, not
 * compressed, as `np.savez` writes) by streaming each entry's bytes to disk:
 * files are copied in 4 MiB chunks, so arrays larger than memory can be
 * assembled. Each entry's local header is written first, its CRC-32 computed
 * chunk by chunk and filled in afterwards, then the central directory; zip64
 * records are used where sizes or offsets reach 4 GiB (PKWARE APPNOTE
 * 4.3.14-4.3.16, 4.5.3). The archive goes to a temporary file beside `path`
 * that is flushed and renamed over it at the end: `path` is never
 * half-written, and an error or an abort removes the temporary file. The
 * output is deterministic (entries dated 1980-01-01, in the given order).
 *
 * @param path - The .npz file to create (replaced if it exists).
 * @param entries - The arrays' names (distinct, non-empty) and .npy bytes.
 * @param options - See {@link WriteNpzFileOptions}.
 * @returns The size of the file in bytes.
 * @throws TypeError / RangeError for bad entries; the file system's error
 *   when a file cannot be read or written; the signal's reason when aborted.
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 *
 * @example
 * ```ts
 * await writeNpzFile("acts.npz", [
 *   { name: "fc1", file: "/tmp/parts/fc1.npy" },
 *   { name: "labels", chunks: [writeNpy({ shape: [3], data: Int32Array.of(0, 1, 2) })] },
 * ]);
 * ```
 */
export async function writeNpzFile(
  path: string,
  entries: readonly NpzFileEntry[],
  options?: WriteNpzFileOptions,
): Promise<number> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError(`writeNpzFile: path must be a non-empty string; got ${describe(path)}`);
  }
  const opts = requireOptions("writeNpzFile: options", options);
  const zip64 = optionalChoice(
    "writeNpzFile: options.zip64",
    opts.zip64,
    ["auto", "always"],
    "auto",
  );
  if (!Array.isArray(entries)) {
    throw new TypeError(`writeNpzFile: entries must be an array; got ${describe(entries)}`);
  }
  const names = new Set<string>();
  for (const [k, entry] of entries.entries()) {
    const name = (entry as NpzFileEntry | undefined)?.name;
    if (typeof name !== "string" || name === "") {
      throw new TypeError(`writeNpzFile: entries[${k}].name must be a non-empty string`);
    }
    if (names.has(name))
      throw new RangeError(`writeNpzFile: two entries are named ${JSON.stringify(name)}`);
    names.add(name);
    if (!("file" in entry) && !Array.isArray((entry as { chunks?: unknown }).chunks)) {
      throw new TypeError(`writeNpzFile: entries[${k}] needs a file or chunks`);
    }
  }
  const { signal, onProgress } = opts;
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const output = await open(temporary, "wx", 0o644);
  let done = false;
  let size = 0;
  try {
    // Sizes first, so that progress has a total and zip64 is decided up front.
    const sources: { name: Uint8Array; size: number; entry: NpzFileEntry; input?: FileHandle }[] =
      [];
    try {
      for (const entry of entries) {
        const encoded = new TextEncoder().encode(`${entry.name}.npy`);
        if (encoded.length > MAX16) {
          throw new RangeError(
            `writeNpzFile: the name ${describe(entry.name)} is too long for zip`,
          );
        }
        if ("file" in entry) {
          const input = await open(entry.file, "r");
          sources.push({ name: encoded, size: (await input.stat()).size, entry, input });
        } else {
          const { chunks } = entry as { chunks: readonly Uint8Array[] };
          const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
          sources.push({ name: encoded, size: length, entry });
        }
      }
      const total = sources.reduce((sum, s) => sum + s.size, 0);
      let written = 0;
      let position = 0;
      const central: Uint8Array[] = [];
      const buffer = new Uint8Array(sources.some((s) => s.input) ? CHUNK : 0);
      /** Writes `bytes` at `at` (default: appends them at the end). */
      const write = async (bytes: Uint8Array, at?: number) => {
        const start = at ?? position;
        let offset = 0;
        while (offset < bytes.length) {
          const { bytesWritten } = await output.write(
            bytes,
            offset,
            bytes.length - offset,
            start + offset,
          );
          offset += bytesWritten;
        }
        if (at === undefined) position += bytes.length;
      };
      for (const source of sources) {
        const big = zip64 === "always" || source.size >= MAX32;
        const offset = position;
        await write(localHeader(source.name, source.size, big));
        let crc = 0;
        const step = async (chunk: Uint8Array) => {
          throwIfAborted(signal);
          crc = checksum(chunk, crc);
          await write(chunk);
          written += chunk.length;
          onProgress?.({ stage: "npz", done: written, total });
        };
        if (source.input) {
          let read = 0;
          while (read < source.size) {
            const { bytesRead } = await source.input.read(
              buffer,
              0,
              Math.min(CHUNK, source.size - read),
              read,
            );
            if (bytesRead === 0) {
              throw new RangeError(
                `writeNpzFile: ${(source.entry as { file: string }).file} ended after ${read} of ${source.size} bytes`,
              );
            }
            await step(buffer.subarray(0, bytesRead));
            read += bytesRead;
          }
          await source.input.close();
          source.input = undefined;
        } else {
          for (const chunk of (source.entry as { chunks: readonly Uint8Array[] }).chunks) {
            for (let at = 0; at < chunk.length; at += CHUNK)
              await step(chunk.subarray(at, at + CHUNK));
          }
        }
        const crcBytes = new Uint8Array(4);
        new DataView(crcBytes.buffer).setUint32(0, crc, true);
        await write(crcBytes, offset + 14);
        central.push(centralHeader(source.name, source.size, crc, offset, zip64 === "always"));
      }
      throwIfAborted(signal);
      const directoryOffset = position;
      for (const header of central) await write(header);
      const directorySize = position - directoryOffset;
      const count = central.length;
      if (
        zip64 === "always" ||
        count >= MAX16 ||
        directoryOffset >= MAX32 ||
        directorySize >= MAX32
      ) {
        const recordOffset = position;
        await write(zip64End(count, directorySize, directoryOffset));
        await write(zip64Locator(recordOffset));
        await write(endRecord(MAX16, MAX32, MAX32));
      } else {
        await write(endRecord(count, directorySize, directoryOffset));
      }
      await output.sync();
      size = position;
    } finally {
      for (const source of sources) await source.input?.close();
    }
    await output.close();
    await rename(temporary, path);
    done = true;
    return size;
  } finally {
    if (!done) {
      await output.close().catch(() => undefined);
      await rm(temporary, { force: true });
    }
  }
}

function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) {
    if (signal.reason !== undefined) throw signal.reason;
    const error = new Error("The operation was aborted");
    error.name = "AbortError";
    throw error;
  }
}

/** A local file header (stored, CRC 0 until filled in), with a zip64 extra field when `big`. */
function localHeader(name: Uint8Array, size: number, big: boolean): Uint8Array {
  const out = new Uint8Array(30 + name.length + (big ? 20 : 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, LOCAL, true);
  view.setUint16(4, big ? 45 : 20, true); // version needed: 4.5 for zip64, 2.0 otherwise
  view.setUint16(6, 0x0800, true); // the name is UTF-8
  view.setUint16(8, 0, true); // stored
  view.setUint16(10, 0, true);
  view.setUint16(12, DOS_DATE, true);
  view.setUint32(14, 0, true); // CRC-32, filled in after the data
  view.setUint32(18, big ? MAX32 : size, true);
  view.setUint32(22, big ? MAX32 : size, true);
  view.setUint16(26, name.length, true);
  view.setUint16(28, big ? 20 : 0, true);
  out.set(name, 30);
  if (big) {
    const e = 30 + name.length;
    view.setUint16(e, 0x0001, true);
    view.setUint16(e + 2, 16, true);
    view.setBigUint64(e + 4, BigInt(size), true); // original size
    view.setBigUint64(e + 12, BigInt(size), true); // compressed size
  }
  return out;
}

/** A central directory header; zip64 fields for the values that overflow (or all when `force`). */
function centralHeader(
  name: Uint8Array,
  size: number,
  crc: number,
  offset: number,
  force: boolean,
): Uint8Array {
  const bigSize = force || size >= MAX32;
  const bigOffset = force || offset >= MAX32;
  const extra = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
  const out = new Uint8Array(46 + name.length + (extra > 0 ? 4 + extra : 0));
  const view = new DataView(out.buffer);
  const needed = extra > 0 ? 45 : 20;
  view.setUint32(0, CENTRAL, true);
  view.setUint16(4, needed, true); // made by: the same version, MS-DOS attributes
  view.setUint16(6, needed, true);
  view.setUint16(8, 0x0800, true);
  view.setUint16(10, 0, true);
  view.setUint16(12, 0, true);
  view.setUint16(14, DOS_DATE, true);
  view.setUint32(16, crc, true);
  view.setUint32(20, bigSize ? MAX32 : size, true);
  view.setUint32(24, bigSize ? MAX32 : size, true);
  view.setUint16(28, name.length, true);
  view.setUint16(30, extra > 0 ? 4 + extra : 0, true);
  // comment length, disk, internal and external attributes: 0
  view.setUint32(42, bigOffset ? MAX32 : offset, true);
  out.set(name, 46);
  if (extra > 0) {
    let e = 46 + name.length;
    view.setUint16(e, 0x0001, true);
    view.setUint16(e + 2, extra, true);
    e += 4;
    if (bigSize) {
      view.setBigUint64(e, BigInt(size), true);
      view.setBigUint64(e + 8, BigInt(size), true);
      e += 16;
    }
    if (bigOffset) view.setBigUint64(e, BigInt(offset), true);
  }
  return out;
}

function zip64End(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const out = new Uint8Array(56);
  const view = new DataView(out.buffer);
  view.setUint32(0, ZIP64_END, true);
  view.setBigUint64(4, 44n, true); // the size of the rest of the record
  view.setUint16(12, 45, true);
  view.setUint16(14, 45, true);
  // this disk, the directory's disk: 0
  view.setBigUint64(24, BigInt(count), true);
  view.setBigUint64(32, BigInt(count), true);
  view.setBigUint64(40, BigInt(directorySize), true);
  view.setBigUint64(48, BigInt(directoryOffset), true);
  return out;
}

function zip64Locator(recordOffset: number): Uint8Array {
  const out = new Uint8Array(20);
  const view = new DataView(out.buffer);
  view.setUint32(0, ZIP64_LOCATOR, true);
  view.setBigUint64(8, BigInt(recordOffset), true);
  view.setUint32(16, 1, true); // one disk
  return out;
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const out = new Uint8Array(22);
  const view = new DataView(out.buffer);
  view.setUint32(0, END, true);
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, directoryOffset, true);
  return out;
}
