import { type Dtype, isNpy, NPY_MAGIC, parseNpyHeader } from "@nettopo/nn";
import type { ParsedMatrix } from "./parsed-input.js";
import { sourceName } from "./text-scanner.js";

export { isNpy };

/** The length of the .npy magic: the bytes {@link isNpy} looks at. */
export const MAGIC_LENGTH = NPY_MAGIC.length;

/** Whether this machine stores numbers little-endian (typed arrays use its order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The element types this reader widens to float64, as NumPy's kind (f, i,
 * u) and byte size; the other dtypes of a .npy file (float16, bool) are
 * refused.
 */
const ELEMENTS: Partial<Readonly<Record<Dtype, readonly [kind: string, itemSize: number]>>> = {
  float32: ["f", 4],
  float64: ["f", 8],
  int8: ["i", 1],
  int16: ["i", 2],
  int32: ["i", 4],
  int64: ["i", 8],
  uint8: ["u", 1],
  uint16: ["u", 2],
  uint32: ["u", 4],
  uint64: ["u", 8],
};

/** The codes of {@link ELEMENTS}, for messages. */
const SUPPORTED = Object.values(ELEMENTS).map(([kind, size]) => `${kind}${size}`);

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
 * Parses the header of a .npy file with @nettopo/nn's parser (one parser for
 * every .npy reader), keeping the element types this reader supports.
 * @throws TypeError / RangeError as {@link readNpy}.
 */
export function readNpyHeader(bytes: Uint8Array, source: string): NpyHeader {
  const name = sourceName(source);
  const header = parseNpyHeader(bytes, name);
  const element = ELEMENTS[header.dtype];
  if (element === undefined) {
    throw new TypeError(
      `${name}: .npy dtype ${JSON.stringify(header.descr)} is not supported; expected float32/float64 or integers (${SUPPORTED.join(", ")})`,
    );
  }
  return {
    littleEndian: header.littleEndian,
    kind: element[0],
    itemSize: element[1],
    fortranOrder: header.fortranOrder,
    shape: header.shape,
    dataOffset: header.dataOffset,
    descr: header.descr,
  };
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
