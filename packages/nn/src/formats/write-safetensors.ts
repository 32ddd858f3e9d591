import { describe, requireOptions } from "../validate.js";
import { encodeElements } from "./element-codec.js";
import { type NamedArrayToWrite, requireArrayToWrite } from "./nd-array.js";
import { SAFETENSORS_NAMES } from "./safetensors-dtype.js";

/** Options of {@link writeSafetensors}. */
export interface WriteSafetensorsOptions {
  /** The header's `__metadata__`: string keys and values; default none. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * Writes tensors as a `.safetensors` file: the 8-byte little-endian header
 * length, the JSON header (`__metadata__` first when given, then the tensors
 * in the given order) padded with spaces to a multiple of 8 bytes, then the
 * little-endian data of each tensor, contiguous, in the same order.
 *
 * @param arrays - `{ name, shape, data, dtype? }` each (any {@link Dtype},
 *   bfloat16 included); names non-empty, distinct, not `__metadata__`.
 * @param options - See {@link WriteSafetensorsOptions}.
 * @returns The file's bytes.
 * @throws TypeError / RangeError for a bad array (as {@link writeNpy}), name or metadata.
 * @see https://github.com/huggingface/safetensors (the format's README)
 * @example
 * ```ts
 * const bytes = writeSafetensors([{ name: "w", shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) }], {
 *   metadata: { format: "pt" },
 * });
 * ```
 */
export function writeSafetensors(
  arrays: readonly NamedArrayToWrite[],
  options?: WriteSafetensorsOptions,
): Uint8Array {
  const opts = requireOptions("writeSafetensors: options", options);
  if (!Array.isArray(arrays)) {
    throw new TypeError(
      `writeSafetensors: arrays must be an array of {name, shape, data}; got ${describe(arrays)}`,
    );
  }
  // A prototype-free object, so that a tensor named "__proto__" is an ordinary key.
  const header = Object.create(null) as Record<string, unknown>;
  if (opts.metadata !== undefined) {
    const metadata = opts.metadata;
    if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
      throw new TypeError(
        `writeSafetensors: options.metadata must be an object of strings; got ${describe(metadata)}`,
      );
    }
    for (const [key, value] of Object.entries(metadata)) {
      if (typeof value !== "string") {
        throw new TypeError(
          `writeSafetensors: options.metadata.${key} must be a string; got ${describe(value)}`,
        );
      }
    }
    header.__metadata__ = { ...metadata };
  }
  const bodies: Uint8Array[] = [];
  let offset = 0;
  arrays.forEach((array, k) => {
    const label = `writeSafetensors: arrays[${k}]`;
    const dtype = requireArrayToWrite(label, array);
    const name = array.name;
    if (typeof name !== "string" || name.length === 0) {
      throw new TypeError(`${label}.name must be a non-empty string; got ${describe(name)}`);
    }
    if (name === "__metadata__" || Object.hasOwn(header, name)) {
      throw new RangeError(`${label}.name ${JSON.stringify(name)} is reserved or repeated`);
    }
    const body = encodeElements(array.data, dtype, `${label}.data`);
    header[name] = {
      dtype: SAFETENSORS_NAMES[dtype],
      shape: [...array.shape],
      data_offsets: [offset, offset + body.length],
    };
    offset += body.length;
    bodies.push(body);
  });
  let json = JSON.stringify(header);
  let jsonBytes = new TextEncoder().encode(json);
  const padding = (8 - (jsonBytes.length % 8)) % 8;
  if (padding > 0) {
    json += " ".repeat(padding);
    jsonBytes = new TextEncoder().encode(json);
  }
  const out = new Uint8Array(8 + jsonBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(jsonBytes.length), true);
  out.set(jsonBytes, 8);
  let p = 8 + jsonBytes.length;
  for (const body of bodies) {
    out.set(body, p);
    p += body.length;
  }
  return out;
}
