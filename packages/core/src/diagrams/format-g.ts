/**
 * Formats a number as C's `printf("%g", x)` and C++'s `std::cout << x` print it
 * with the default precision of 6: six significant digits, rounded to nearest
 * with ties to even (as glibc rounds the exact binary value), trailing zeros
 * removed, and exponent form (`1e-05`, `1.23457e+06`) when the decimal
 * exponent is below -4 or at least 6. Non-finite values print as `inf`,
 * `-inf` and `nan`.
 *
 * This is how Ripser prints its barcodes, so nettopo's text output can be
 * diffed against Ripser's.
 *
 * @param x - The value to format.
 * @returns The `%g` text of `x`.
 * @example
 * ```ts
 * formatG(0.1); // "0.1"
 * formatG(1234567); // "1.23457e+06"
 * formatG(0.000012); // "1.2e-05"
 * ```
 * @see ISO C11 §7.21.6.1, the `g` conversion specifier.
 */
export function formatG(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const sign = x < 0 ? "-" : "";
  const { digits, exponent } = roundToSixDigits(Math.abs(x));
  if (exponent < -4 || exponent >= PRECISION) {
    const mantissa = stripZeros(`${digits[0]}.${digits.slice(1)}`);
    const expSign = exponent < 0 ? "-" : "+";
    const expDigits = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${mantissa}e${expSign}${expDigits}`;
  }
  let fixed: string;
  if (exponent >= 0) {
    fixed = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  } else {
    fixed = `0.${"0".repeat(-exponent - 1)}${digits}`;
  }
  return sign + stripZeros(fixed);
}

const PRECISION = 6;

/** Removes trailing zeros after a decimal point, and the point if nothing follows it. */
function stripZeros(text: string): string {
  if (!text.includes(".")) return text;
  let end = text.length;
  while (text[end - 1] === "0") end -= 1;
  if (text[end - 1] === ".") end -= 1;
  return text.slice(0, end);
}

/**
 * Rounds a positive finite value to six significant digits, ties to even.
 * Returns the six digits and the decimal exponent of the first one.
 */
function roundToSixDigits(value: number): { digits: string; exponent: number } {
  // JavaScript rounds the exact binary value correctly but breaks ties away
  // from zero; a tie is only possible when the seventh digit is a 5 that ends
  // the exact decimal expansion, which the exact check below decides.
  const seven = value.toExponential(PRECISION);
  if (seven[PRECISION + 1] === "5") {
    const exact = exactTieRounding(value, Number(seven.slice(seven.indexOf("e") + 1)));
    if (exact !== undefined) return exact;
  }
  const six = value.toExponential(PRECISION - 1);
  const e = six.indexOf("e");
  return { digits: six[0] + six.slice(2, e), exponent: Number(six.slice(e + 1)) };
}

/**
 * When `value` lies exactly halfway between two six-digit decimals (with
 * leading exponent `exponent`), returns the even one; otherwise undefined.
 */
function exactTieRounding(
  value: number,
  exponent: number,
): { digits: string; exponent: number } | undefined {
  const { mantissa, power } = decompose(value);
  // value / 10^(exponent - 6) as the fraction num / den, exactly.
  const shift = PRECISION - exponent;
  let num = mantissa;
  let den = 1n;
  if (power >= 0) num <<= BigInt(power);
  else den <<= BigInt(-power);
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  if (num % den !== 0n) return undefined;
  const sevenDigits = num / den;
  if (sevenDigits % 10n !== 5n) return undefined;
  let six = sevenDigits / 10n;
  if (six % 2n === 1n) six += 1n;
  let newExponent = exponent;
  if (six === 1_000_000n) {
    six = 100_000n;
    newExponent += 1;
  }
  return { digits: six.toString(), exponent: newExponent };
}

/** Splits a positive finite double into an integer mantissa and a power of two. */
function decompose(value: number): { mantissa: bigint; power: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0) return { mantissa: fraction, power: -1074 };
  return { mantissa: fraction | (1n << 52n), power: biased - 1075 };
}
