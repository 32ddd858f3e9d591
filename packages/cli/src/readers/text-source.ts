import { closeSync, openSync, readSync } from "node:fs";
import { IoError } from "../io-error.js";

/** Bytes read from a file at a time: the text readers hold one such buffer, never the whole file. */
export const CHUNK_BYTES = 1 << 20;

/** One pass over a source's bytes, in order. */
export interface ChunkReader {
  /**
   * The next bytes, or undefined at the end. The array is only valid until
   * the next call (a file's buffer is reused).
   */
  next(): Uint8Array | undefined;
  /** Ends the pass early (safe to call more than once). */
  close(): void;
}

/**
 * The UTF-8 text a reader reads, as bytes that can be read more than once:
 * the readers stream it chunk by chunk, count its values in a first pass to
 * allocate their result at its final size, and read it again to find the line
 * and column of an error.
 */
export interface TextSource {
  /** Starts a pass over the bytes, from the beginning. */
  open(): ChunkReader;
  /**
   * Whether the bytes are a file's raw content, whose leading byte-order mark
   * a text decoder drops (the readers skip one more, as they do in text), or
   * text already decoded (one leading mark skipped).
   */
  readonly raw: boolean;
}

/** A text already in memory (tests, callers of the library functions). */
export function textSource(text: string): TextSource {
  return { ...bytesSource(new TextEncoder().encode(text)), raw: false };
}

/**
 * Raw bytes in memory: one array, or the chunks standard input came in (read
 * in place, never concatenated).
 * @param chunkBytes - The largest chunk handed out; default: each array as it
 *   is (tests use small chunks to exercise values that span two chunks).
 */
export function bytesSource(
  bytes: Uint8Array | readonly Uint8Array[],
  chunkBytes = Number.POSITIVE_INFINITY,
): TextSource {
  const pieces = bytes instanceof Uint8Array ? [bytes] : bytes;
  const step = Math.max(chunkBytes, 1);
  return {
    raw: true,
    open() {
      let piece = 0;
      let offset = 0;
      let first = true;
      const take = (): Uint8Array | undefined => {
        while (piece < pieces.length && offset >= pieces[piece]!.length) {
          piece += 1;
          offset = 0;
        }
        if (piece >= pieces.length) return undefined;
        const from = offset;
        offset = Math.min(offset + step, pieces[piece]!.length);
        return pieces[piece]!.subarray(from, offset);
      };
      return {
        next() {
          const chunk = take();
          if (!first || chunk === undefined) return chunk;
          first = false;
          // The first chunk holds any byte-order marks whole (two of 3 bytes).
          let start: Uint8Array = chunk;
          while (start.length < 6) {
            const more = take();
            if (more === undefined) break;
            const joined = new Uint8Array(start.length + more.length);
            joined.set(start);
            joined.set(more, start.length);
            start = joined;
          }
          return start;
        },
        close() {
          piece = pieces.length;
        },
      };
    },
  };
}

/**
 * A file read in chunks of {@link CHUNK_BYTES} with synchronous reads into one
 * reused buffer.
 *
 * @throws IoError (from `open` and `next`) when the file cannot be read.
 */
export function fileSource(path: string): TextSource {
  // The buffer of a finished pass, for the next one (a pass running inside
  // another, to locate an error, gets its own).
  let spare: Uint8Array | undefined;
  return {
    raw: true,
    open() {
      let fd: number | undefined;
      try {
        fd = openSync(path, "r");
      } catch (error) {
        throw new IoError("read", path, error);
      }
      const chunk = spare ?? new Uint8Array(CHUNK_BYTES);
      spare = undefined;
      const close = () => {
        if (fd === undefined) return;
        closeSync(fd);
        fd = undefined;
        spare = chunk;
      };
      return {
        next() {
          if (fd === undefined) return undefined;
          // Fill the buffer (a short read happens only at the end of a regular
          // file), so the first chunk holds any byte-order mark whole.
          let length = 0;
          try {
            while (length < chunk.length) {
              const read = readSync(fd, chunk, length, chunk.length - length, null);
              if (read === 0) break;
              length += read;
            }
          } catch (error) {
            close();
            throw new IoError("read", path, error);
          }
          if (length === 0) {
            close();
            return undefined;
          }
          return chunk.subarray(0, length);
        },
        close,
      };
    },
  };
}

/**
 * Reads the bytes `[from, to)` of a source again and returns their length in
 * UTF-16 code units once decoded: the column of an error in the units the
 * readers have always counted (only called on errors).
 */
export function decodedLength(source: TextSource, from: number, to: number): number {
  if (to <= from) return 0;
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const reader = source.open();
  let length = 0;
  try {
    let offset = 0;
    for (let chunk = reader.next(); chunk !== undefined && offset < to; chunk = reader.next()) {
      const start = Math.max(from - offset, 0);
      const end = Math.min(to - offset, chunk.length);
      if (start < end)
        length += decoder.decode(chunk.subarray(start, end), { stream: true }).length;
      offset += chunk.length;
    }
    return length + decoder.decode().length;
  } finally {
    reader.close();
  }
}

/** The error for a file whose content changed between two passes of a reader. */
export function changedWhileRead(source: string): IoError {
  return new IoError("read", source, new Error("the file changed while it was read"));
}
