import type { Precision } from "@nettopo/core";
import {
  describe,
  formatShape,
  optionalString,
  requireBytes,
  requireOptions,
} from "../validate.js";
import { convertNdArray } from "./convert-nd-array.js";
import { decodeElements } from "./element-codec.js";
import { DTYPE_BYTES, type NamedNdArray } from "./nd-array.js";
import { SAFETENSORS_DTYPES } from "./safetensors-dtype.js";

/** Options of {@link readSafetensors}. */
export interface ReadSafetensorsOptions {
  /** Convert every tensor to `"float32"` or `"float64"`; default: keep each dtype's own typed array. */
  readonly convertTo?: Precision;
  /** The file's name in error messages; default `"safetensors"`. */
  readonly source?: string;
}

/** What {@link readSafetensors} returns. */
export interface Safetensors {
  /** The tensors, in the order of their data in the file. */
  readonly arrays: NamedNdArray[];
  /** The header's `__metadata__` (string keys and values); `{}` when absent. */
  readonly metadata: Record<string, string>;
}

/** The largest header accepted, as the reference implementation (100 MB). */
const MAX_HEADER_BYTES = 100_000_000;

/**
 * Reads a `.safetensors` file: an 8-byte little-endian header length, a JSON
 * header mapping each tensor name to `{dtype, shape, data_offsets: [begin,
 * end]}` (offsets relative to the data section) plus an optional
 * `__metadata__` map of strings, then the little-endian, C-order data. As the
 * reference implementation requires, the tensors must tile the data section
 * exactly: no overlaps, no gaps, nothing out of range, nothing after.
 * Dtypes: BOOL, U8, I8, U16, I16, F16, BF16, U32, I32, F32, U64, I64, F64
 * (see {@link NdArray} for their typed arrays).
 *
 * @param bytes - The whole file.
 * @param options - See {@link ReadSafetensorsOptions}.
 * @throws TypeError for a header that is not a JSON object of tensor entries
 *   or an unsupported dtype; RangeError for a truncated file, bad offsets
 *   (overlap, gap, out of range, size not matching the shape), or a 64-bit
 *   integer beyond ±(2^53 - 1).
 * @see https://github.com/huggingface/safetensors (the format's README)
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const { arrays, metadata } = readSafetensors(readFileSync("model.safetensors"));
 * ```
 */
export function readSafetensors(bytes: Uint8Array, options?: ReadSafetensorsOptions): Safetensors {
  const opts = requireOptions("readSafetensors: options", options);
  const where = optionalString("readSafetensors: options.source", opts.source, "safetensors");
  requireBytes("readSafetensors: bytes", bytes);
  if (bytes.length < 8) {
    throw new RangeError(
      `${where}: truncated .safetensors file: ${bytes.length} bytes, shorter than the 8-byte header length`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) {
    throw new RangeError(
      `${where}: truncated .safetensors file: the header length says ${headerLength} bytes, ${bytes.length - 8} follow it`,
    );
  }
  const n = Number(headerLength);
  if (n > MAX_HEADER_BYTES) {
    throw new RangeError(
      `${where}: .safetensors header of ${n} bytes exceeds the limit of ${MAX_HEADER_BYTES}`,
    );
  }
  let header: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + n));
    if (!text.startsWith("{")) throw new Error("it does not start with '{'");
    header = JSON.parse(text);
  } catch (error) {
    throw new TypeError(
      `${where}: the .safetensors header is not a JSON object (${(error as Error).message.split("\n")[0]})`,
    );
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    throw new TypeError(
      `${where}: the .safetensors header is ${describe(header)}; expected a JSON object`,
    );
  }
  const dataLength = bytes.length - 8 - n;
  const data = bytes.subarray(8 + n);
  let metadata: Record<string, string> = {};
  const entries: { name: string; dtype: string; shape: number[]; begin: number; end: number }[] =
    [];
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === "__metadata__") {
      metadata = requireMetadata(where, value);
      continue;
    }
    const label = `${where}: tensor ${JSON.stringify(name)}`;
    if (typeof value !== "object" || value === null) {
      throw new TypeError(`${label} is ${describe(value)}; expected {dtype, shape, data_offsets}`);
    }
    const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
    if (typeof dtype !== "string" || SAFETENSORS_DTYPES[dtype] === undefined) {
      throw new TypeError(
        `${label} has dtype ${describe(dtype)}; expected one of ${Object.keys(SAFETENSORS_DTYPES).join(", ")}`,
      );
    }
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      throw new TypeError(`${label} has shape ${describe(shape)}; expected an array of sizes`);
    }
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)
    ) {
      throw new TypeError(`${label} has data_offsets ${describe(offsets)}; expected [begin, end]`);
    }
    const [begin, end] = offsets as [number, number];
    if (end < begin)
      throw new RangeError(`${label} has data_offsets [${begin}, ${end}]: end before begin`);
    if (end > dataLength) {
      throw new RangeError(
        `${label} has data_offsets [${begin}, ${end}] beyond the ${dataLength}-byte data section (truncated file?)`,
      );
    }
    let size = 1;
    for (const d of shape as number[]) size *= d;
    const needed = size * DTYPE_BYTES[SAFETENSORS_DTYPES[dtype]!];
    if (end - begin !== needed) {
      throw new RangeError(
        `${label} has ${end - begin} bytes of data; shape ${formatShape(shape as number[])} of ${dtype} needs ${needed}`,
      );
    }
    entries.push({ name, dtype, shape: shape as number[], begin, end });
  }
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  let previous = "";
  for (const e of entries) {
    if (e.begin < covered) {
      throw new RangeError(
        `${where}: tensors ${JSON.stringify(previous)} and ${JSON.stringify(e.name)} overlap (bytes ${e.begin} to ${covered})`,
      );
    }
    if (e.begin > covered) {
      throw new RangeError(`${where}: data bytes ${covered} to ${e.begin} belong to no tensor`);
    }
    covered = e.end;
    previous = e.name;
  }
  if (covered !== dataLength) {
    throw new RangeError(
      `${where}: ${dataLength - covered} bytes after the last tensor's data; expected the tensors to fill the data section`,
    );
  }
  const arrays = entries.map((e): NamedNdArray => {
    const dtype = SAFETENSORS_DTYPES[e.dtype]!;
    const size = (e.end - e.begin) / DTYPE_BYTES[dtype];
    const array = {
      shape: e.shape,
      dtype,
      data: decodeElements(
        data.subarray(e.begin, e.end),
        dtype,
        size,
        true,
        `${where}: tensor ${JSON.stringify(e.name)}`,
      ),
    };
    return {
      name: e.name,
      ...(opts.convertTo === undefined ? array : convertNdArray(array, opts.convertTo)),
    };
  });
  return { arrays, metadata };
}

function requireMetadata(where: string, value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(
      `${where}: __metadata__ is ${describe(value)}; expected an object of strings`,
    );
  }
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== "string") {
      throw new TypeError(`${where}: __metadata__.${key} is ${describe(v)}; expected a string`);
    }
    out[key] = v;
  }
  return out;
}
