/**
 * The header of a NumPy .npy file, shared by {@link readNpy},
 * {@link writeNpy}, the streaming writer and the CLI's matrix reader (so
 * that every .npy reader accepts and refuses the same headers). The layout, from NumPy's format
 * specification: the magic `\x93NUMPY`, a major and a minor version byte, the
 * header length (2 bytes little-endian in version 1, 4 bytes in versions 2
 * and 3), then a Python dict literal with the keys `descr`, `fortran_order`
 * and `shape`, padded with spaces and a newline so that the data starts at a
 * multiple of 64 bytes. Version 3 differs from 2 only by a UTF-8 header.
 *
 * @see https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */

import { formatShape } from "../validate.js";
import { NATIVE_LITTLE_ENDIAN } from "./element-codec.js";
import type { Dtype } from "./nd-array.js";

/** The six bytes every .npy file starts with. */
export const NPY_MAGIC: readonly number[] = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** What the header of a .npy file says. */
export interface NpyHeader {
  readonly version: 1 | 2 | 3;
  readonly dtype: Dtype;
  readonly littleEndian: boolean;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
  /** Byte offset of the data. */
  readonly dataOffset: number;
  /** The descr as written, for messages. */
  readonly descr: string;
}

/** A {@link Dtype} a .npy file can hold (all but bfloat16, which NumPy has no type for). */
export type NpyDtype = Exclude<Dtype, "bfloat16">;

/** NumPy type codes (kind + bytes) -> dtype. */
const CODES: Readonly<Record<string, NpyDtype>> = {
  f2: "float16",
  f4: "float32",
  f8: "float64",
  i1: "int8",
  i2: "int16",
  i4: "int32",
  i8: "int64",
  u1: "uint8",
  u2: "uint16",
  u4: "uint32",
  u8: "uint64",
  b1: "bool",
};

/** Every {@link NpyDtype}, in a fixed order (for options and messages). */
export const NPY_DTYPES: readonly NpyDtype[] = Object.values(CODES);

/** The descr NumPy writes for each dtype (little-endian; `|` for single bytes). */
const DESCR: Partial<Readonly<Record<Dtype, string>>> = {
  float16: "<f2",
  float32: "<f4",
  float64: "<f8",
  int8: "|i1",
  int16: "<i2",
  int32: "<i4",
  int64: "<i8",
  uint8: "|u1",
  uint16: "<u2",
  uint32: "<u4",
  uint64: "<u8",
  bool: "|b1",
};

/**
 * Whether `bytes` starts with the .npy magic `\x93NUMPY`.
 *
 * @example
 * isNpy(readFileSync("x.npy")); // true
 */
export function isNpy(bytes: Uint8Array): boolean {
  return NPY_MAGIC.every((b, k) => bytes[k] === b);
}

/**
 * Parses the header of a .npy file (format versions 1.0, 2.0 and 3.0): its
 * dtype, byte order, memory order, shape and where the data starts.
 *
 * @param bytes - The file, or at least its header.
 * @param where - Names the file in messages.
 * @returns The header; the data are `bytes` from `dataOffset` on.
 * @example
 * const header = parseNpyHeader(readFileSync("x.npy"), "x.npy");
 * header.dtype; // "float32"
 * header.shape; // [100, 3]
 * @throws TypeError for bytes that are not .npy or an unsupported dtype;
 *   RangeError for a truncated or malformed header.
 */
export function parseNpyHeader(bytes: Uint8Array, where: string): NpyHeader {
  if (!isNpy(bytes)) {
    throw new TypeError(
      `${where}: not a .npy file (it does not start with \\x93NUMPY); expected a NumPy .npy file`,
    );
  }
  if (bytes.length < 10) {
    throw new RangeError(
      `${where}: truncated .npy file: ${bytes.length} bytes, shorter than the header`,
    );
  }
  const major = bytes[6]!;
  if (major < 1 || major > 3) {
    throw new RangeError(
      `${where}: .npy format version ${major}.${bytes[7]}; expected 1.0, 2.0 or 3.0`,
    );
  }
  const prefix = major === 1 ? 10 : 12;
  if (bytes.length < prefix) {
    throw new RangeError(
      `${where}: truncated .npy file: ${bytes.length} bytes, shorter than the header`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (prefix + headerLength > bytes.length) {
    throw new RangeError(
      `${where}: truncated .npy file: the header says ${headerLength} bytes, ${bytes.length - prefix} follow the prefix`,
    );
  }
  const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(
    bytes.subarray(prefix, prefix + headerLength),
  );
  const dict = parseHeaderDict(text, where);
  const descr = dict.descr;
  if (typeof descr !== "string") {
    throw new TypeError(
      `${where}: .npy dtype ${describeValue(descr)} is not supported (structured dtypes are not); expected a numeric dtype string such as '<f4'`,
    );
  }
  const match = /^([<>|=]?)([a-zA-Z])(\d+)$/.exec(descr);
  const dtype = match ? CODES[`${match[2]}${match[3]}`] : undefined;
  if (match === null || dtype === undefined) {
    throw new TypeError(
      `${where}: .npy dtype ${JSON.stringify(descr)} is not supported; expected one of f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1`,
    );
  }
  const order = match[1]!;
  if (order === "|" && Number(match[3]) > 1) {
    throw new RangeError(
      `${where}: .npy dtype ${JSON.stringify(descr)} has no byte order; expected < or >`,
    );
  }
  if (typeof dict.fortran_order !== "boolean") {
    throw new RangeError(
      `${where}: .npy header has fortran_order ${describeValue(dict.fortran_order)}; expected True or False`,
    );
  }
  const shape = dict.shape;
  if (!Array.isArray(shape) || !shape.every((n): n is number => typeof n === "number")) {
    throw new RangeError(
      `${where}: .npy header has shape ${describeValue(dict.shape)}; expected a tuple of sizes`,
    );
  }
  let size = 1;
  for (const n of shape) size *= n;
  if (!Number.isSafeInteger(size)) {
    throw new RangeError(`${where}: .npy shape ${formatShape(shape)} has more than 2^53 elements`);
  }
  return {
    version: major as 1 | 2 | 3,
    dtype,
    littleEndian: order === ">" ? false : order === "<" || order === "|" || NATIVE_LITTLE_ENDIAN,
    fortranOrder: dict.fortran_order,
    shape,
    dataOffset: prefix + headerLength,
    descr,
  };
}

type HeaderValue = string | boolean | number | HeaderValue[];

/**
 * Parses the Python dict literal of a .npy header, e.g.
 * `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
 */
function parseHeaderDict(text: string, where: string): Record<string, HeaderValue> {
  let p = 0;
  const fail = (what: string): never => {
    throw new RangeError(
      `${where}: malformed .npy header at character ${p + 1}: ${what}; expected {'descr': ..., 'fortran_order': ..., 'shape': (...)}`,
    );
  };
  const skip = () => {
    while (p < text.length && /\s/.test(text[p]!)) p += 1;
  };
  const string = (): string => {
    skip();
    const quote = text[p];
    if (quote !== "'" && quote !== '"')
      return fail(`found ${describeChar(quote)} instead of a quoted string`);
    const end = text.indexOf(quote, p + 1);
    if (end < 0) return fail("unterminated string");
    const s = text.slice(p + 1, end);
    p = end + 1;
    return s;
  };
  const integer = (): number => {
    skip();
    const m = /^\d{1,17}/.exec(text.slice(p, p + 18));
    if (!m) return fail(`found ${describeChar(text[p])} instead of a size`);
    p += m[0].length;
    if (/\d/.test(text[p] ?? "")) return fail("a size with more than 17 digits");
    if (text[p] === "L") p += 1; // Python 2's long suffix, as old NumPy wrote it.
    const n = Number(m[0]);
    if (!Number.isSafeInteger(n)) return fail(`size ${m[0]} is too large`);
    return n;
  };
  const value = (depth = 0): HeaderValue => {
    skip();
    if (depth > 8) return fail("nesting deeper than 8 levels");
    if (/\d/.test(text[p] ?? "")) return integer();
    if (text.startsWith("True", p)) {
      p += 4;
      return true;
    }
    if (text.startsWith("False", p)) {
      p += 5;
      return false;
    }
    if (text[p] === "(" || text[p] === "[") {
      const close = text[p] === "(" ? ")" : "]";
      p += 1;
      const items: HeaderValue[] = [];
      skip();
      while (text[p] !== close) {
        items.push(value(depth + 1));
        skip();
        if (text[p] === ",") p += 1;
        else if (text[p] !== close) fail(`found ${describeChar(text[p])} in a tuple`);
        skip();
      }
      p += 1;
      return items;
    }
    if (text[p] === "'" || text[p] === '"') return string();
    return fail(`found ${describeChar(text[p])} instead of a value`);
  };
  skip();
  if (text[p] !== "{") fail(`found ${describeChar(text[p])} instead of '{'`);
  p += 1;
  const dict: Record<string, HeaderValue> = {};
  skip();
  while (text[p] !== "}") {
    const key = string();
    if (key !== "descr" && key !== "fortran_order" && key !== "shape") {
      fail(`unknown key ${JSON.stringify(key)}`);
    }
    if (Object.hasOwn(dict, key)) fail(`key ${JSON.stringify(key)} given twice`);
    skip();
    if (text[p] !== ":") fail(`found ${describeChar(text[p])} instead of ':'`);
    p += 1;
    dict[key] = value();
    skip();
    if (text[p] === ",") p += 1;
    else if (text[p] !== "}") fail(`found ${describeChar(text[p])} after a value`);
    skip();
  }
  for (const key of ["descr", "fortran_order", "shape"]) {
    if (!Object.hasOwn(dict, key)) fail(`missing key '${key}'`);
  }
  return dict;
}

function describeChar(c: string | undefined): string {
  return c === undefined ? "the end of the header" : JSON.stringify(c);
}

function describeValue(v: unknown): string {
  const text = Array.isArray(v) ? `[${v.length} items]` : JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/**
 * The magic, version, header length and header of a .npy file for an array
 * of `dtype` and `shape` in C order, as `np.save` writes it: version 1.0
 * unless the header needs more than 65535 bytes (then 2.0), padded so the
 * data starts at a multiple of 64 bytes.
 */
export function formatNpyHeader(dtype: Dtype, shape: readonly number[]): Uint8Array {
  const descr = DESCR[dtype];
  if (descr === undefined) {
    throw new TypeError(`.npy has no dtype ${dtype}; write it as float32 or another dtype`);
  }
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${formatShape(shape)}, }`;
  const version = dict.length + 11 < 65536 ? 1 : 2;
  const prefix = version === 1 ? 10 : 12;
  const total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const header = `${dict}${" ".repeat(total - prefix - dict.length - 1)}\n`;
  const out = new Uint8Array(total);
  out.set(NPY_MAGIC);
  out[6] = version;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let k = 0; k < header.length; k += 1) out[prefix + k] = header.charCodeAt(k);
  return out;
}
