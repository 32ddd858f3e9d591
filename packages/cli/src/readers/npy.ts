import type { ParsedMatrix } from "./parsed-input.js";
import { sourceName } from "./text-scanner.js";

/** The six bytes every .npy file starts with: \x93NUMPY. */
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** The length of the .npy magic: the bytes {@link isNpy} looks at. */
export const MAGIC_LENGTH = MAGIC.length;

/** Whether the bytes start like a .npy file. */
export function isNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, k) => bytes[k] === b);
}

/** Whether this machine stores numbers little-endian (typed arrays use its order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Element types this reader understands: kind (f, i, u) and byte size. */
const SUPPORTED = ["f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"];

/** What the header of a .npy file says. */
export interface NpyHeader {
  /** Byte order: true for little-endian. */
  readonly littleEndian: boolean;
  /** `f`, `i` or `u`. */
  readonly kind: string;
  /** Bytes per element. */
  readonly itemSize: number;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
  /** Offset of the data. */
  readonly dataOffset: number;
  /** The descr as written, for messages. */
  readonly descr: string;
}

/**
 * Reads a 2-D array from a NumPy `.npy` file (format versions 1.0, 2.0 and
 * 3.0): float32/float64 or (unsigned) integers of 1, 2, 4 or 8 bytes, little-
 * or big-endian, C or Fortran order. The values are widened to float64
 * (64-bit integers above 2^53 are rounded); little-endian float64 in C order
 * is used in place, so the result then shares `bytes`' memory.
 *
 * @param bytes - The whole file.
 * @param source - Its name in messages.
 * @returns A rows x columns matrix, row-major.
 * @throws TypeError for a file that is not .npy or an unsupported dtype;
 *   RangeError for a malformed header, an array that is not 2-D, a truncated
 *   file, or NaN/Infinity in the data.
 * @see https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
export function readNpy(
  bytes: Uint8Array,
  source: string,
  options: NpyReadOptions = {},
): ParsedMatrix {
  const accept = options.allowInfinity === true ? isFiniteOrInfinity : Number.isFinite;
  const expected = options.allowInfinity === true ? "finite numbers or inf" : "finite numbers";
  const name = sourceName(source);
  const header = readNpyHeader(bytes, source);
  if (header.shape.length !== 2) {
    throw new RangeError(
      `${name}: .npy array has shape (${header.shape.join(", ")}${header.shape.length === 1 ? "," : ""}); expected a 2-D array (points x coordinates, or n x n distances)`,
    );
  }
  const [rows, columns] = header.shape as [number, number];
  const count = rows * columns;
  const needed = count * header.itemSize;
  const available = bytes.length - header.dataOffset;
  if (available < needed) {
    throw new RangeError(
      `${name}: truncated .npy file: shape (${rows}, ${columns}) of ${header.descr} needs ${needed} bytes of data, found ${available}`,
    );
  }
  if (available > needed) {
    throw new RangeError(
      `${name}: .npy file has ${available - needed} bytes after the data of shape (${rows}, ${columns}) of ${header.descr}; expected exactly ${needed}`,
    );
  }
  if (count === 0 && options.allowEmpty !== true) {
    throw new RangeError(
      `${name}: .npy array of shape (${rows}, ${columns}) is empty; expected at least one value`,
    );
  }
  const start = bytes.byteOffset + header.dataOffset;
  if (
    header.kind === "f" &&
    header.itemSize === 8 &&
    header.littleEndian &&
    !header.fortranOrder &&
    start % 8 === 0 &&
    LITTLE_ENDIAN
  ) {
    // NumPy's own layout (its headers pad the data to a multiple of 64 bytes):
    // the values are used where they lie, without a copy.
    const values = new Float64Array(bytes.buffer, start, count);
    for (let k = 0; k < count; k += 1) {
      if (!accept(values[k]!)) {
        const r = Math.floor(k / columns);
        throw new RangeError(
          `${name}: value ${values[k]} at row ${r}, column ${k - r * columns}; expected ${expected}`,
        );
      }
    }
    return { kind: "matrix", rows, columns, values };
  }
  const view = new DataView(bytes.buffer, start, needed);
  const read = elementReader(header);
  const values = new Float64Array(count);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const k = header.fortranOrder ? c * rows + r : r * columns + c;
      const v = read(view, k * header.itemSize);
      if (!accept(v)) {
        throw new RangeError(`${name}: value ${v} at row ${r}, column ${c}; expected ${expected}`);
      }
      values[r * columns + c] = v;
    }
  }
  return { kind: "matrix", rows, columns, values };
}

/** What {@link readNpy} accepts beyond a non-empty matrix of finite numbers. */
export interface NpyReadOptions {
  /** Accept +Infinity (an essential class of a diagram). Default false. */
  readonly allowInfinity?: boolean;
  /** Accept an array with no values, e.g. shape (0, 2). Default false. */
  readonly allowEmpty?: boolean;
}

function isFiniteOrInfinity(value: number): boolean {
  return Number.isFinite(value) || value === Number.POSITIVE_INFINITY;
}

/**
 * Parses the header of a .npy file.
 * @throws TypeError / RangeError as {@link readNpy}.
 */
export function readNpyHeader(bytes: Uint8Array, source: string): NpyHeader {
  const name = sourceName(source);
  if (!isNpy(bytes)) {
    throw new TypeError(
      `${name}: not a .npy file (it does not start with \\x93NUMPY); expected a NumPy .npy file`,
    );
  }
  if (bytes.length < 10) {
    throw new RangeError(
      `${name}: truncated .npy file: ${bytes.length} bytes, shorter than the header`,
    );
  }
  const major = bytes[6]!;
  if (major < 1 || major > 3) {
    throw new RangeError(
      `${name}: .npy format version ${major}.${bytes[7]}; expected version 1, 2 or 3`,
    );
  }
  const lengthBytes = major === 1 ? 2 : 4;
  const prefix = 8 + lengthBytes;
  if (bytes.length < prefix) {
    throw new RangeError(
      `${name}: truncated .npy file: ${bytes.length} bytes, shorter than the header`,
    );
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const headerLength = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  if (prefix + headerLength > bytes.length) {
    throw new RangeError(
      `${name}: truncated .npy file: the header says ${headerLength} bytes, the file has ${bytes.length - prefix} after the prefix`,
    );
  }
  const raw = bytes.subarray(prefix, prefix + headerLength);
  const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(raw);
  const dict = parseHeaderDict(text, name);
  const descr = dict.descr;
  if (typeof descr !== "string") {
    throw new TypeError(
      `${name}: .npy dtype ${describeValue(descr)} is not supported; expected one of ${SUPPORTED.join(", ")}`,
    );
  }
  const match = /^([<>|=]?)([fiu])(\d+)$/.exec(descr);
  if (!match || !SUPPORTED.includes(`${match[2]}${match[3]}`)) {
    throw new TypeError(
      `${name}: .npy dtype ${JSON.stringify(descr)} is not supported; expected float32/float64 or integers (${SUPPORTED.join(", ")})`,
    );
  }
  const itemSize = Number(match[3]);
  const order = match[1]!;
  if (order === "|" && itemSize > 1) {
    throw new RangeError(
      `${name}: .npy dtype ${JSON.stringify(descr)} has no byte order; expected < or >`,
    );
  }
  const fortranOrder = dict.fortran_order;
  if (typeof fortranOrder !== "boolean") {
    throw new RangeError(
      `${name}: .npy header has fortran_order ${describeValue(fortranOrder)}; expected True or False`,
    );
  }
  const shape = dict.shape;
  if (!Array.isArray(shape)) {
    throw new RangeError(
      `${name}: .npy header has shape ${describeValue(shape)}; expected a tuple of sizes`,
    );
  }
  return {
    // "=" is the writer's native order; NumPy writes "<" on the little-endian machines it runs on.
    littleEndian: order !== ">",
    kind: match[2]!,
    itemSize,
    fortranOrder,
    shape,
    dataOffset: prefix + headerLength,
    descr,
  };
}

type HeaderValue = string | boolean | number[];

/**
 * Parses the Python dict literal of a .npy header:
 * `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
 */
function parseHeaderDict(text: string, name: string): Record<string, HeaderValue> {
  let p = 0;
  const fail = (what: string): never => {
    throw new RangeError(
      `${name}: malformed .npy header at character ${p + 1}: ${what}; expected {'descr': ..., 'fortran_order': ..., 'shape': (...)}`,
    );
  };
  const skip = () => {
    while (p < text.length && /\s/.test(text[p]!)) p += 1;
  };
  const expect = (c: string) => {
    skip();
    if (text[p] !== c) fail(`found ${describeChar(text[p])} instead of '${c}'`);
    p += 1;
  };
  const string = (): string => {
    skip();
    const q = text[p];
    if (q !== "'" && q !== '"') return fail(`found ${describeChar(q)} instead of a quoted string`);
    const end = text.indexOf(q, p + 1);
    if (end < 0) return fail("unterminated string");
    const s = text.slice(p + 1, end);
    p = end + 1;
    return s;
  };
  const integer = (): number => {
    skip();
    const m = /^\d+/.exec(text.slice(p, p + 20));
    if (!m) return fail(`found ${describeChar(text[p])} instead of a size`);
    p += m[0].length;
    // Allow Python 2's long suffix, as old NumPy wrote it.
    if (text[p] === "L") p += 1;
    const n = Number(m[0]);
    if (!Number.isSafeInteger(n)) return fail(`size ${m[0]} is too large`);
    return n;
  };
  const value = (): HeaderValue => {
    skip();
    if (text.startsWith("True", p)) {
      p += 4;
      return true;
    }
    if (text.startsWith("False", p)) {
      p += 5;
      return false;
    }
    if (text[p] === "(") {
      p += 1;
      const sizes: number[] = [];
      skip();
      while (text[p] !== ")") {
        sizes.push(integer());
        skip();
        if (text[p] === ",") p += 1;
        else if (text[p] !== ")") fail(`found ${describeChar(text[p])} in the shape`);
        skip();
      }
      p += 1;
      return sizes;
    }
    if (text[p] === "'" || text[p] === '"') return string();
    return fail(`found ${describeChar(text[p])} instead of a value`);
  };
  expect("{");
  const dict: Record<string, HeaderValue> = {};
  skip();
  while (text[p] !== "}") {
    const key = string();
    if (key !== "descr" && key !== "fortran_order" && key !== "shape")
      fail(`unknown key ${JSON.stringify(key)}`);
    if (Object.hasOwn(dict, key)) fail(`key ${JSON.stringify(key)} given twice`);
    expect(":");
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
  return Array.isArray(v) ? `(${v.join(", ")})` : JSON.stringify(v);
}

/** A function reading element k's bytes at a byte offset as a number. */
function elementReader(header: NpyHeader): (view: DataView, offset: number) => number {
  const le = header.littleEndian;
  switch (`${header.kind}${header.itemSize}`) {
    case "f4":
      return (v, o) => v.getFloat32(o, le);
    case "f8":
      return (v, o) => v.getFloat64(o, le);
    case "i1":
      return (v, o) => v.getInt8(o);
    case "u1":
      return (v, o) => v.getUint8(o);
    case "i2":
      return (v, o) => v.getInt16(o, le);
    case "u2":
      return (v, o) => v.getUint16(o, le);
    case "i4":
      return (v, o) => v.getInt32(o, le);
    case "u4":
      return (v, o) => v.getUint32(o, le);
    case "i8":
      return (v, o) => Number(v.getBigInt64(o, le));
    default:
      return (v, o) => Number(v.getBigUint64(o, le));
  }
}
