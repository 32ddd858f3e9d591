/** Options of {@link npyBytes}. */
export interface NpyBytesOptions {
  /** The dtype, e.g. "<f8", ">f4", "|u1"; default "<f8". */
  readonly descr?: string;
  /** Fortran (column-major) order of `values`; default false. */
  readonly fortranOrder?: boolean;
  /** Format version 1, 2 or 3; default 1. */
  readonly version?: 1 | 2 | 3;
}

/**
 * Writes a .npy file as NumPy's `np.save` does (the magic, the version, the
 * header length, a Python-dict header padded with spaces to a multiple of 64
 * bytes and ending in a newline, then the raw data). `values` are in storage
 * order (row-major unless `fortranOrder`).
 */
export function npyBytes(
  shape: readonly number[],
  values: readonly number[],
  options: NpyBytesOptions = {},
): Uint8Array {
  const descr = options.descr ?? "<f8";
  const version = options.version ?? 1;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  let dict = `{'descr': '${descr}', 'fortran_order': ${options.fortranOrder ? "True" : "False"}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  const total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  dict = `${dict}${" ".repeat(total - prefix - dict.length - 1)}\n`;
  const header = new TextEncoder().encode(dict);
  const m = /^([<>|=])([fiu])(\d+)$/.exec(descr);
  if (!m) throw new Error(`npyBytes: unsupported descr ${descr}`);
  const size = Number(m[3]);
  const little = m[1] !== ">";
  const data = new DataView(new ArrayBuffer(values.length * size));
  values.forEach((v, k) => {
    const o = k * size;
    switch (`${m[2]}${size}`) {
      case "f4":
        data.setFloat32(o, v, little);
        break;
      case "f8":
        data.setFloat64(o, v, little);
        break;
      case "i1":
        data.setInt8(o, v);
        break;
      case "u1":
        data.setUint8(o, v);
        break;
      case "i2":
        data.setInt16(o, v, little);
        break;
      case "u2":
        data.setUint16(o, v, little);
        break;
      case "i4":
        data.setInt32(o, v, little);
        break;
      case "u4":
        data.setUint32(o, v, little);
        break;
      case "i8":
        data.setBigInt64(o, BigInt(v), little);
        break;
      case "u8":
        data.setBigUint64(o, BigInt(v), little);
        break;
      default:
        throw new Error(`npyBytes: unsupported descr ${descr}`);
    }
  });
  const out = new Uint8Array(prefix + header.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  out.set(header, prefix);
  out.set(new Uint8Array(data.buffer), prefix + header.length);
  return out;
}
