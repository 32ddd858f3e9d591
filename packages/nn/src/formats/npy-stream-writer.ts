import { randomBytes } from "node:crypto";
import { type FileHandle, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import {
  describe,
  formatShape,
  optionalChoice,
  requireOptions,
  requireShape,
  shapeSize,
} from "../validate.js";
import { encodeElements } from "./element-codec.js";
import { DTYPE_BYTES, type Dtype, isNdArrayData, type NdArrayData } from "./nd-array.js";
import { formatNpyHeader, NPY_DTYPES } from "./npy-header.js";

/** Options of {@link openNpyStreamWriter}. */
export interface NpyStreamWriterOptions {
  /** The final shape: `shape[0]` rows of `shape[1] * shape[2] * ...` values each. Required. */
  readonly shape: readonly number[];
  /** The dtype written; default `"float32"` (what models compute in). */
  readonly dtype?: Exclude<Dtype, "bfloat16">;
}

/** An open incremental .npy writer (see {@link openNpyStreamWriter}). */
export interface NpyStreamWriter {
  /** The file that {@link NpyStreamWriter.close} will create. */
  readonly path: string;
  /** The final shape. */
  readonly shape: readonly number[];
  /** Rows appended so far. */
  readonly rowsWritten: number;
  /**
   * Appends whole rows: `rows.length` must be a multiple of the row size,
   * and the total may not exceed `shape[0]`. Values are converted to the
   * dtype as {@link writeNpy} does. Appends may be issued without awaiting
   * each one; they land in call order.
   */
  append(rows: NdArrayData): Promise<void>;
  /**
   * Flushes the file to disk and renames it to `path`, once all `shape[0]`
   * rows are written; otherwise removes it and throws a RangeError.
   */
  close(): Promise<void>;
  /** Removes the temporary file; `path` is left as it was. */
  abort(): Promise<void>;
}

/**
 * Opens a .npy file for writing row blocks of a known final shape, for arrays
 * larger than memory (activations of a whole data set). The header for the
 * final shape is written first, then each {@link NpyStreamWriter.append}
 * writes its rows at their place. Everything goes to a temporary file
 * (`.NAME.PID.RANDOM.tmp` next to `path`) that {@link NpyStreamWriter.close}
 * renames over `path` after an fsync: an interrupted run leaves `path` as it
 * was (absent or the previous file) and at most a temporary file, never a
 * half-written `.npy`. The result is what {@link writeNpy} writes for the
 * whole array.
 *
 * @param path - The .npy file to create (replaced on close if it exists).
 * @param options - See {@link NpyStreamWriterOptions}.
 * @throws TypeError / RangeError for a bad shape or dtype; the file system's
 *   error when the temporary file cannot be created.
 * @example
 * ```ts
 * const writer = await openNpyStreamWriter("layer3.npy", { shape: [60000, 512] });
 * for (const block of blocks) await writer.append(block); // Float32Array of k*512 values
 * await writer.close();
 * ```
 */
export async function openNpyStreamWriter(
  path: string,
  options: NpyStreamWriterOptions,
): Promise<NpyStreamWriter> {
  if (typeof path !== "string" || path.length === 0) {
    throw new TypeError(
      `openNpyStreamWriter: path must be a non-empty string; got ${describe(path)}`,
    );
  }
  const opts = requireOptions("openNpyStreamWriter: options", options);
  const shape = requireShape("openNpyStreamWriter: options.shape", opts.shape);
  if (shape.length === 0) {
    throw new RangeError(
      "openNpyStreamWriter: options.shape must have at least one size (the rows)",
    );
  }
  const dtype = optionalChoice(
    "openNpyStreamWriter: options.dtype",
    opts.dtype,
    NPY_DTYPES,
    "float32",
  );
  const rowSize = shapeSize(shape.slice(1));
  const header = formatNpyHeader(dtype, shape);
  const itemSize = DTYPE_BYTES[dtype];
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const handle: FileHandle = await open(temporary, "wx", 0o644);
  let state: "open" | "closed" | "aborted" = "open";
  let rows = 0;
  let position = header.length;
  let pending: Promise<unknown> = handle.write(header, 0, header.length, 0);

  const abort = async (): Promise<void> => {
    if (state !== "open") return;
    state = "aborted";
    await pending.catch(() => undefined);
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
  };
  const requireOpen = (what: string) => {
    if (state !== "open") {
      throw new RangeError(`NpyStreamWriter.${what}: the writer for ${path} is already ${state}`);
    }
  };

  return {
    path,
    shape,
    get rowsWritten() {
      return rows;
    },
    async append(block: NdArrayData): Promise<void> {
      requireOpen("append");
      if (!isNdArrayData(block)) {
        throw new TypeError(
          `NpyStreamWriter.append: rows must be a typed array; got ${describe(block)}`,
        );
      }
      if (rowSize === 0 ? block.length !== 0 : block.length % rowSize !== 0) {
        throw new RangeError(
          `NpyStreamWriter.append: ${block.length} values are not whole rows of ${rowSize} (shape ${formatShape(shape)})`,
        );
      }
      const count = rowSize === 0 ? 0 : block.length / rowSize;
      if (rows + count > shape[0]!) {
        throw new RangeError(
          `NpyStreamWriter.append: ${count} more rows would make ${rows + count}; shape ${formatShape(shape)} has ${shape[0]}`,
        );
      }
      const bytes = encodeElements(block, dtype, "NpyStreamWriter.append: rows");
      const at = position;
      rows += count;
      position += bytes.length;
      const write = pending.then(() => handle.write(bytes, 0, bytes.length, at));
      pending = write;
      try {
        await write;
      } catch (error) {
        await abort();
        throw error;
      }
    },
    async close(): Promise<void> {
      requireOpen("close");
      if (rows !== shape[0]) {
        await abort();
        throw new RangeError(
          `NpyStreamWriter.close: ${rows} of ${shape[0]} rows written to ${path}; the file was discarded`,
        );
      }
      try {
        await pending;
        if (position !== header.length + rows * rowSize * itemSize) {
          throw new RangeError(
            `NpyStreamWriter.close: ${path}: wrote ${position} bytes, expected more`,
          );
        }
        await handle.sync();
        await handle.close();
        state = "closed";
        await rename(temporary, path);
      } catch (error) {
        state = "open";
        await abort();
        throw error;
      }
    },
    abort,
  };
}
