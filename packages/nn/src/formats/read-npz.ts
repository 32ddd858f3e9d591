import type { Precision } from "@nettopo/core";
import { optionalString, requireBytes, requireOptions } from "../validate.js";
import type { NamedNdArray } from "./nd-array.js";
import { readNpy } from "./read-npy.js";
import { extractZipEntry, readZipEntries } from "./zip-archive.js";

/** Options of {@link readNpz}. */
export interface ReadNpzOptions {
  /** Convert every array to `"float32"` or `"float64"`; default: keep each dtype's own typed array. */
  readonly convertTo?: Precision;
  /** The file's name in error messages; default `"npz"`. */
  readonly source?: string;
}

/**
 * Reads a NumPy `.npz` file (`np.savez`, stored, or `np.savez_compressed`,
 * deflated): a zip archive of `.npy` files. Each entry is read as
 * {@link readNpy} does; its name is the entry's name without the `.npy`
 * suffix (NumPy's key); the arrays come in the order of the archive. Every
 * entry's size and CRC-32 are checked.
 *
 * @param bytes - The whole file.
 * @param options - See {@link ReadNpzOptions}.
 * @returns The arrays in file order.
 * @throws TypeError for bytes that are not a zip archive, an encrypted
 *   archive, a compression other than stored/deflate, or an entry that is
 *   not a supported .npy; RangeError for a truncated or corrupt archive or
 *   entry (as {@link readNpy}).
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * for (const { name, shape } of readNpz(readFileSync("activations.npz"))) console.log(name, shape);
 * ```
 */
export function readNpz(bytes: Uint8Array, options?: ReadNpzOptions): NamedNdArray[] {
  const opts = requireOptions("readNpz: options", options);
  const where = optionalString("readNpz: options.source", opts.source, "npz");
  requireBytes("readNpz: bytes", bytes);
  const entries = readZipEntries(bytes, where);
  const names = new Set<string>();
  return entries.map((entry) => {
    const name = entry.name.endsWith(".npy") ? entry.name.slice(0, -4) : entry.name;
    if (names.has(name)) {
      throw new RangeError(
        `${where}: two entries are named ${JSON.stringify(name)} once .npy is removed`,
      );
    }
    names.add(name);
    const array = readNpy(extractZipEntry(entry, where), {
      source: `${where}[${JSON.stringify(entry.name)}]`,
      ...(opts.convertTo === undefined ? {} : { convertTo: opts.convertTo }),
    });
    return { name, ...array };
  });
}
