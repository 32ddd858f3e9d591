import { type Zippable, zipSync } from "fflate";
import { describe, optionalBoolean, requireOptions } from "../validate.js";
import type { NamedArrayToWrite } from "./nd-array.js";
import { writeNpy } from "./write-npy.js";

/** Options of {@link writeNpz}. */
export interface WriteNpzOptions {
  /**
   * Deflate the entries, as `np.savez_compressed` does; default false (stored,
   * as `np.savez`): activations compress poorly and stored entries are faster.
   */
  readonly compress?: boolean;
}

/**
 * Writes arrays as a NumPy `.npz` file: a zip archive holding `NAME.npy` for
 * each array (written by {@link writeNpy}), in the given order, so that
 * `np.load(file)[NAME]` reads it back. The output is deterministic (entries
 * are dated 1980-01-01).
 *
 * @param arrays - `{ name, shape, data, dtype? }` each; names non-empty and distinct.
 * @param options - See {@link WriteNpzOptions}.
 * @returns The file's bytes.
 * @throws TypeError / RangeError as {@link writeNpy}, and for an empty or repeated name.
 * @example
 * ```ts
 * const bytes = writeNpz([
 *   { name: "layer1", shape: [2, 3], data: new Float32Array(6) },
 *   { name: "labels", shape: [2], data: Int32Array.of(0, 1) },
 * ]);
 * readNpz(bytes).map((a) => a.name); // ["layer1", "labels"]
 * ```
 */
export function writeNpz(
  arrays: readonly NamedArrayToWrite[],
  options?: WriteNpzOptions,
): Uint8Array {
  const opts = requireOptions("writeNpz: options", options);
  const compress = optionalBoolean("writeNpz: options.compress", opts.compress, false);
  if (!Array.isArray(arrays)) {
    throw new TypeError(
      `writeNpz: arrays must be an array of {name, shape, data}; got ${describe(arrays)}`,
    );
  }
  const files: Zippable = {};
  const names = new Set<string>();
  arrays.forEach((array, k) => {
    const name = (array as NamedArrayToWrite | undefined)?.name;
    if (typeof name !== "string" || name.length === 0) {
      throw new TypeError(
        `writeNpz: arrays[${k}].name must be a non-empty string; got ${describe(name)}`,
      );
    }
    if (names.has(name))
      throw new RangeError(`writeNpz: two arrays are named ${JSON.stringify(name)}`);
    names.add(name);
    let bytes: Uint8Array;
    try {
      bytes = writeNpy(array);
    } catch (error) {
      const e = error as Error;
      const label = `writeNpz: arrays[${k}] (${JSON.stringify(name)})`;
      const message = e.message.startsWith("writeNpy: array")
        ? e.message.replace("writeNpy: array", label)
        : e.message.replace(/^writeNpy:/, `${label}:`);
      throw e instanceof RangeError ? new RangeError(message) : new TypeError(message);
    }
    files[`${name}.npy`] = [bytes, { level: compress ? 6 : 0 }];
  });
  return zipSync(files, { mtime: new Date(1980, 0, 1) });
}
