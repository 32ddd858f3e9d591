const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUES = new Int16Array(128).fill(-1);
for (let k = 0; k < ALPHABET.length; k++) VALUES[ALPHABET.charCodeAt(k)] = k;

/**
 * Bytes as standard base64 (RFC 4648, with padding). Written out rather than
 * `Buffer`/`btoa` so the same function runs in Node (the CLI writing a page)
 * and in the browser (tests), and stays linear on large arrays.
 * @example
 * ```ts
 * bytesToBase64(Uint8Array.of(1, 2, 3)); // "AQID"
 * ```
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let text = "";
    for (let i = start; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      text +=
        ALPHABET[a >> 2]! +
        ALPHABET[((a & 3) << 4) | (b >> 4)]! +
        (i + 1 < end ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : "=") +
        (i + 2 < end ? ALPHABET[c & 63]! : "=");
    }
    parts.push(text);
  }
  return parts.join("");
}

/**
 * The bytes of a base64 string (standard alphabet, padding optional).
 * @throws RangeError naming the first character outside the alphabet.
 * @example
 * ```ts
 * base64ToBytes("AQID"); // Uint8Array [1, 2, 3]
 * ```
 */
export function base64ToBytes(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61 /* = */) length--;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUES[code]! : -1;
    if (value < 0) {
      throw new RangeError(`base64: character ${JSON.stringify(text[i])} at ${i} is not base64`);
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 255;
    }
  }
  return out;
}
