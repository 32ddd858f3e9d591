import { encodeElements } from "./element-codec.js";
import { type ArrayToWrite, requireArrayToWrite } from "./nd-array.js";
import { formatNpyHeader } from "./npy-header.js";

/**
 * Writes an array as a NumPy `.npy` file, as `np.save` does: format version
 * 1.0 (2.0 for a header beyond 64 KiB), little-endian, C order, the data
 * aligned to 64 bytes.
 *
 * @param array - `{ shape, data, dtype? }`; `dtype` defaults to the typed
 *   array's own (see {@link ArrayToWrite}); bfloat16 has no .npy dtype.
 * @returns The file's bytes.
 * @throws TypeError for a wrong kind of argument or bfloat16; RangeError when
 *   `data.length` is not the product of `shape` or a value does not fit the dtype.
 * @example
 * ```ts
 * const bytes = writeNpy({ shape: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) });
 * readNpy(bytes).shape; // [2, 3]
 * ```
 */
export function writeNpy(array: ArrayToWrite): Uint8Array {
  const dtype = requireArrayToWrite("writeNpy: array", array);
  if (dtype === "bfloat16") {
    throw new TypeError(
      "writeNpy: .npy has no bfloat16 dtype; convert to float32 or write .safetensors",
    );
  }
  const header = formatNpyHeader(dtype, array.shape);
  const body = encodeElements(array.data, dtype, "writeNpy: array.data");
  const out = new Uint8Array(header.length + body.length);
  out.set(header);
  out.set(body, header.length);
  return out;
}
