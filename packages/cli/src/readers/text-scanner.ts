import { type ChunkReader, decodedLength, type TextSource, textSource } from "./text-source.js";

const EMPTY = new Uint8Array(0);
/** Decodes tokens for messages; a token's leading U+FEFF is kept, as in text. */
const DECODER = new TextDecoder("utf-8", { ignoreBOM: true });

/** 10^0 .. 10^22: every power of ten a double holds exactly. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Mantissas below this are exact doubles. */
const EXACT_MANTISSA = 2 ** 53;

/**
 * A scanner over the tokens of a text matrix, the way Ripser reads its text
 * formats: values are separated by whitespace and commas (at most one comma
 * between two values; a comma may end a line), and each token knows its line
 * and column for error messages (`file:line:column`).
 *
 * It reads the source's bytes chunk by chunk and allocates nothing per token:
 * `next()` moves to the next token and sets `line`, `offset` and `end`;
 * {@link number} parses the token from its bytes. Columns count UTF-16 code
 * units from the start of the line and are computed only for a message, by
 * reading the line again. A leading UTF-8 byte-order mark is skipped (two in
 * a raw file: the one a text decoder drops and the one the scanner skips in
 * text). Call {@link close} when stopping before the end.
 */
export class TextScanner {
  /** 1-based line of the current token. */
  line = 1;
  /** Byte offset of the current token's first byte. */
  offset = 0;
  /** Byte offset just past the current token. */
  end = 0;
  /** Byte offset where the current token's line starts (after a skipped byte-order mark). */
  lineStart = 0;
  /** The number {@link readNumber} parsed last (NaN before: a double field from the start). */
  value = Number.NaN;
  /** Byte offset where the text starts once decoded (after a raw file's byte-order mark). */
  readonly textStart: number;

  readonly source: TextSource;
  private readonly reader: ChunkReader;
  private chunk: Uint8Array = EMPTY;
  /** Byte offset of `chunk[0]`. */
  private chunkOffset = 0;
  /** Position in `chunk`. */
  private position = 0;
  private currentLine = 1;
  private currentLineStart = 0;
  /** Whether a value came after the last comma on the current line. */
  private valueSinceComma = false;
  /** The current token is `bytes[tokenStart, tokenEnd)`: in the chunk, or in `carry` when it spans chunks. */
  private bytes: Uint8Array = EMPTY;
  private tokenStart = 0;
  private tokenEnd = 0;
  private carry = new Uint8Array(64);

  /**
   * @param input - The text, or its source.
   * @param name - Its name in messages (a path or `<stdin>`).
   */
  constructor(
    input: TextSource | string,
    readonly name: string,
  ) {
    this.source = typeof input === "string" ? textSource(input) : input;
    this.reader = this.source.open();
    const first = this.reader.next() ?? EMPTY;
    this.chunk = first;
    let start = 0;
    if (this.source.raw && startsWithByteOrderMark(first, 0)) start = 3;
    this.textStart = start;
    if (startsWithByteOrderMark(first, start)) start += 3;
    this.position = start;
    this.currentLineStart = start;
  }

  /** Moves to the next token; false at the end of the input. */
  next(): boolean {
    let chunk = this.chunk;
    let p = this.position;
    for (;;) {
      const length = chunk.length;
      while (p < length) {
        const c = chunk[p]!;
        if (c === 10) {
          this.currentLine += 1;
          this.currentLineStart = this.chunkOffset + p + 1;
          this.valueSinceComma = false;
        } else if (c === 44) {
          if (!this.valueSinceComma) {
            const at = this.chunkOffset + p;
            throw new RangeError(
              `${this.at(this.currentLine, this.columnOf(this.currentLineStart, at))}: empty value before this comma; expected a number between separators`,
            );
          }
          this.valueSinceComma = false;
        } else if (c !== 32 && (c < 9 || c > 13)) {
          break;
        }
        p += 1;
      }
      if (p < length) break;
      if (!this.load()) {
        this.position = 0;
        return false;
      }
      chunk = this.chunk;
      p = 0;
    }
    const start = p;
    this.offset = this.chunkOffset + start;
    this.line = this.currentLine;
    this.lineStart = this.currentLineStart;
    const length = chunk.length;
    while (p < length && isTokenByte(chunk[p]!)) p += 1;
    if (p < length) {
      this.bytes = chunk;
      this.tokenStart = start;
      this.tokenEnd = p;
    } else {
      // The token runs to the end of the chunk: gather it in `carry`.
      let size = this.append(chunk, start, length, 0);
      p = 0;
      while (this.load()) {
        chunk = this.chunk;
        const next = chunk.length;
        while (p < next && isTokenByte(chunk[p]!)) p += 1;
        size = this.append(chunk, 0, p, size);
        if (p < next) break;
        p = 0;
      }
      this.bytes = this.carry;
      this.tokenStart = 0;
      this.tokenEnd = size;
    }
    this.position = p;
    this.end = this.offset + (this.tokenEnd - this.tokenStart);
    this.valueSinceComma = true;
    return true;
  }

  /** Stops reading (closes a file); the scanner is done. */
  close(): void {
    this.reader.close();
    this.chunk = EMPTY;
    this.position = 0;
  }

  /** The text of the current token. */
  token(): string {
    return DECODER.decode(this.bytes.subarray(this.tokenStart, this.tokenEnd));
  }

  /** `source:line:column` of the current token. */
  where(): string {
    return this.at(this.line, this.columnOf(this.lineStart, this.offset));
  }

  /** `source:line:column` for any position. */
  at(line: number, column: number): string {
    return `${sourceName(this.name)}:${line}:${column}`;
  }

  /**
   * The 1-based column of the byte at `offset` on a line starting at byte
   * `lineStart`, in UTF-16 code units (reads the line again).
   */
  columnOf(lineStart: number, offset: number): number {
    return decodedLength(this.source, lineStart, offset) + 1;
  }

  /**
   * Where the current token's line starts in the decoded text: as
   * {@link lineStart}, except that a byte-order mark the scanner skipped on
   * the first line counts (the readers' row messages have always counted it).
   */
  get textLineStart(): number {
    return this.line === 1 ? this.textStart : this.lineStart;
  }

  /**
   * The current token as a finite number. Decimal tokens whose digits fit in
   * 2^53 with a power of ten up to 10^22 are converted exactly here (one
   * correctly rounded multiplication or division of exact doubles: Clinger's
   * fast path, the same double as `Number`); others go through `Number`.
   *
   * @throws TypeError for a token that is not a decimal number, RangeError for
   *   NaN, an infinity or a value out of the double range.
   */
  number(): number {
    this.readNumber();
    return this.value;
  }

  /**
   * Parses the current token as {@link number} does, into {@link value}. The
   * split keeps `number` small enough to be inlined: returned from a call
   * that is not inlined, a double is boxed, a heap number per value (16 MB of
   * garbage for a million values, which grew the young generation); stored
   * in a field, it is not.
   */
  private readNumber(): void {
    const b = this.bytes;
    const end = this.tokenEnd;
    let i = this.tokenStart;
    let negative = false;
    if (b[i] === 45) {
      negative = true;
      i += 1;
    } else if (b[i] === 43) {
      i += 1;
    }
    let mantissa = 0;
    const integerStart = i;
    for (; i < end; i += 1) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
    }
    const digits = i - integerStart;
    let fractionDigits = 0;
    if (i < end && b[i] === 46) {
      i += 1;
      const fractionStart = i;
      for (; i < end; i += 1) {
        const d = b[i]! - 48;
        if (d < 0 || d > 9) break;
        mantissa = mantissa * 10 + d;
      }
      fractionDigits = i - fractionStart;
    }
    if (digits + fractionDigits === 0) this.notANumber();
    let exponent = 0;
    if (i < end && (b[i] === 101 || b[i] === 69)) {
      i += 1;
      let negativeExponent = false;
      if (i < end && (b[i] === 45 || b[i] === 43)) {
        negativeExponent = b[i] === 45;
        i += 1;
      }
      const exponentStart = i;
      for (; i < end; i += 1) {
        const d = b[i]! - 48;
        if (d < 0 || d > 9) break;
        if (exponent < 1e9) exponent = exponent * 10 + d;
      }
      if (i === exponentStart) this.notANumber();
      if (negativeExponent) exponent = -exponent;
    }
    if (i !== end) this.notANumber();
    const scale = exponent - fractionDigits;
    if (mantissa < EXACT_MANTISSA && scale >= -22 && scale <= 22) {
      const value =
        scale >= 0 ? mantissa * POWERS_OF_TEN[scale]! : mantissa / POWERS_OF_TEN[-scale]!;
      this.value = negative ? -value : value;
      return;
    }
    const token = this.asciiToken();
    const value = Number(token);
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `${this.where()}: ${quote(token)} is out of the range of a double; expected a finite number`,
      );
    }
    this.value = value;
  }

  /**
   * The current token as a vertex index (`[+]digits`), or -1 when it is not
   * one; indices beyond 2^53 come out inexact (callers bound them).
   */
  index(): number {
    const b = this.bytes;
    const end = this.tokenEnd;
    let i = this.tokenStart;
    if (b[i] === 43) i += 1;
    if (i === end) return -1;
    let value = 0;
    for (; i < end; i += 1) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    return value;
  }

  /** Whether the current token is a name: neither a number nor a spelling of NaN or infinity. */
  isName(): boolean {
    const token = this.token();
    return !DECIMAL.test(token) && !NON_FINITE.test(token);
  }

  /** The current token when it is known to be ASCII (a checked decimal number). */
  private asciiToken(): string {
    let text = "";
    for (let k = this.tokenStart; k < this.tokenEnd; k += 1) {
      text += String.fromCharCode(this.bytes[k]!);
    }
    return text;
  }

  /** Throws the error of a token that is not a decimal number. */
  private notANumber(): never {
    const token = this.token();
    if (NON_FINITE.test(token)) {
      throw new RangeError(
        `${this.where()}: ${quote(token)} is not allowed; expected a finite number`,
      );
    }
    throw new TypeError(
      `${this.where()}: non-numeric token ${quote(token)}; expected a decimal number such as 0.5 or 1e-3`,
    );
  }

  /** Moves to the next chunk; false at the end. */
  private load(): boolean {
    this.chunkOffset += this.chunk.length;
    const next = this.reader.next();
    this.chunk = next ?? EMPTY;
    return next !== undefined;
  }

  /** Appends `chunk[from, to)` to `carry` after its first `size` bytes; returns the new size. */
  private append(chunk: Uint8Array, from: number, to: number, size: number): number {
    const needed = size + (to - from);
    if (needed > this.carry.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * this.carry.length));
      grown.set(this.carry.subarray(0, size));
      this.carry = grown;
    }
    this.carry.set(chunk.subarray(from, to), size);
    return needed;
  }
}

/** Whether a byte belongs to a token: not whitespace (\t \n \v \f \r, space) nor a comma. */
function isTokenByte(c: number): boolean {
  return c !== 44 && c !== 32 && (c < 9 || c > 13);
}

function startsWithByteOrderMark(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

/**
 * The number of tokens of a source outside line `skipLine` (0: none), without
 * parsing or checking them: the first pass that sizes a reader's result. It
 * skips byte-order marks as {@link TextScanner} does.
 */
export function countTokens(source: TextSource, skipLine = 0): number {
  const reader = source.open();
  try {
    let count = 0;
    let inToken = false;
    let line = 1;
    let first = true;
    for (let chunk = reader.next(); chunk !== undefined; chunk = reader.next()) {
      let p = 0;
      if (first) {
        first = false;
        if (source.raw && startsWithByteOrderMark(chunk, 0)) p = 3;
        if (startsWithByteOrderMark(chunk, p)) p += 3;
      }
      const length = chunk.length;
      for (; p < length; p += 1) {
        const c = chunk[p]!;
        if (isTokenByte(c)) {
          if (!inToken) {
            inToken = true;
            if (line !== skipLine) count += 1;
          }
        } else {
          inToken = false;
          if (c === 10) line += 1;
        }
      }
    }
    return count;
  } finally {
    reader.close();
  }
}

/** The number syntax C++'s `>>` and JavaScript both read: [+-]digits[.digits][e[+-]digits]. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** A token for a message: quoted, escaped, at most 24 characters. */
export function quote(token: string): string {
  return JSON.stringify(token.length > 24 ? `${token.slice(0, 24)}...` : token);
}

/** A file name for a message, escaped when it holds control characters. */
export function sourceName(source: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(source) ? JSON.stringify(source) : source;
}
