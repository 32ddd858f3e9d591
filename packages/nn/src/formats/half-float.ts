/**
 * IEEE half precision (float16) and bfloat16 conversions (internal). Reading
 * widens exactly to float32; writing rounds to nearest, ties to even, as
 * NumPy's `astype(np.float16)` does, with overflow to infinity.
 */

let halfTable: Float32Array | undefined;

/** The float32 value of every float16 bit pattern (built on first use, 256 KB). */
function halfValues(): Float32Array {
  if (halfTable === undefined) {
    halfTable = new Float32Array(65536);
    for (let h = 0; h < 65536; h += 1) {
      const sign = h & 0x8000 ? -1 : 1;
      const exponent = (h >> 10) & 0x1f;
      const fraction = h & 0x3ff;
      let v: number;
      if (exponent === 0) v = sign * fraction * 2 ** -24;
      else if (exponent === 31) v = fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
      else v = sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
      halfTable[h] = v;
    }
  }
  return halfTable;
}

/** Widens float16 bit patterns to float32 (exact). */
export function halfBitsToFloat32(bits: Uint16Array): Float32Array {
  const table = halfValues();
  const out = new Float32Array(bits.length);
  for (let k = 0; k < bits.length; k += 1) out[k] = table[bits[k]!]!;
  return out;
}

/** Widens bfloat16 bit patterns to float32 (exact: bfloat16 is the top half of a float32). */
export function bfloat16BitsToFloat32(bits: Uint16Array): Float32Array {
  const words = new Uint32Array(bits.length);
  for (let k = 0; k < bits.length; k += 1) words[k] = bits[k]! << 16;
  return new Float32Array(words.buffer);
}

/** Rounds half to even. */
function roundHalfEven(q: number): number {
  const floor = Math.floor(q);
  const rest = q - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The bits of the binary floating-point format with `mantissaBits` fraction
 * bits and `exponentBits` exponent bits nearest to `x` (ties to even).
 */
function roundToFormat(x: number, mantissaBits: number, exponentBits: number, nan: number): number {
  if (Number.isNaN(x)) return nan;
  const signBit = 1 << (mantissaBits + exponentBits);
  const sign = x < 0 || Object.is(x, -0) ? signBit : 0;
  const a = Math.abs(x);
  const maxExponent = 2 ** (exponentBits - 1) - 1;
  const infinity = ((2 ** exponentBits - 1) << mantissaBits) | sign;
  // Halfway between the largest finite value and the next power of two.
  if (a >= (2 - 2 ** -(mantissaBits + 1)) * 2 ** maxExponent) return infinity;
  const minNormalExponent = 1 - maxExponent;
  const units = 2 ** mantissaBits;
  if (a < 2 ** minNormalExponent) {
    // Subnormal (or zero): a multiple of 2^(minNormalExponent - mantissaBits); a
    // result of `units` is the smallest normal number, whose bits follow on.
    return sign | roundHalfEven(a * 2 ** (mantissaBits - minNormalExponent));
  }
  let exponent = Math.floor(Math.log2(a));
  if (2 ** exponent > a) exponent -= 1;
  else if (2 ** (exponent + 1) <= a) exponent += 1;
  let fraction = roundHalfEven((a / 2 ** exponent - 1) * units);
  if (fraction === units) {
    fraction = 0;
    exponent += 1;
  }
  return sign | ((exponent + maxExponent) << mantissaBits) | fraction;
}

/** The float16 bits nearest to `x` (ties to even; beyond 65504 rounds to infinity). */
export function float16Bits(x: number): number {
  return roundToFormat(x, 10, 5, 0x7e00);
}

/** The bfloat16 bits nearest to `x` (ties to even). */
export function bfloat16Bits(x: number): number {
  return roundToFormat(x, 7, 8, 0x7fc0);
}
