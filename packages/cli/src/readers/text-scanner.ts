/**
 * A scanner over the tokens of a text matrix, the way Ripser reads its text
 * formats: values are separated by whitespace and commas (at most one comma
 * between two values; a comma may end a line), and each token knows its line
 * and column for error messages (`file:line:column`).
 *
 * It allocates nothing per token: `next()` moves to the next token and sets
 * `start`, `end`, `line` and `column`.
 */
export class TextScanner {
  /** Offset of the current token's first character. */
  start = 0;
  /** Offset just past the current token. */
  end = 0;
  /** 1-based line of the current token. */
  line = 1;
  /** 1-based column of the current token. */
  column = 1;

  private position = 0;
  private currentLine = 1;
  private lineStart = 0;
  /** Whether a value came after the last comma on the current line. */
  private valueSinceComma = false;

  /**
   * @param text - The whole input.
   * @param source - Its name in messages (a path or `<stdin>`).
   */
  constructor(
    readonly text: string,
    readonly source: string,
  ) {
    // A UTF-8 byte-order mark (as spreadsheet programs write) is not a value.
    if (text.charCodeAt(0) === 0xfeff) {
      this.position = 1;
      this.lineStart = 1;
    }
  }

  /** Moves to the next token; false at the end of the input. */
  next(): boolean {
    const text = this.text;
    const length = text.length;
    let p = this.position;
    while (p < length) {
      const c = text.charCodeAt(p);
      if (c === 10) {
        this.currentLine += 1;
        this.lineStart = p + 1;
        this.valueSinceComma = false;
      } else if (c === 44) {
        if (!this.valueSinceComma) {
          throw new RangeError(
            `${this.at(this.currentLine, p - this.lineStart + 1)}: empty value before this comma; expected a number between separators`,
          );
        }
        this.valueSinceComma = false;
      } else if (!isSpace(c)) {
        break;
      }
      p += 1;
    }
    if (p >= length) {
      this.position = p;
      return false;
    }
    const start = p;
    while (p < length) {
      const c = text.charCodeAt(p);
      if (c === 44 || c === 10 || isSpace(c)) break;
      p += 1;
    }
    this.start = start;
    this.end = p;
    this.line = this.currentLine;
    this.column = start - this.lineStart + 1;
    this.position = p;
    this.valueSinceComma = true;
    return true;
  }

  /** The text of the current token. */
  token(): string {
    return this.text.slice(this.start, this.end);
  }

  /** `source:line:column` of the current token. */
  where(): string {
    return this.at(this.line, this.column);
  }

  /** `source:line:column` for any position. */
  at(line: number, column: number): string {
    return `${sourceName(this.source)}:${line}:${column}`;
  }

  /**
   * The current token as a finite number.
   * @throws TypeError for a token that is not a decimal number, RangeError for
   *   NaN, an infinity or a value out of the double range.
   */
  number(): number {
    const token = this.token();
    if (!DECIMAL.test(token)) {
      if (NON_FINITE.test(token)) {
        throw new RangeError(
          `${this.where()}: ${quote(token)} is not allowed; expected a finite number`,
        );
      }
      throw new TypeError(
        `${this.where()}: non-numeric token ${quote(token)}; expected a decimal number such as 0.5 or 1e-3`,
      );
    }
    const value = Number(token);
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `${this.where()}: ${quote(token)} is out of the range of a double; expected a finite number`,
      );
    }
    return value;
  }

  /** Whether the current token is a name: neither a number nor a spelling of NaN or infinity. */
  isName(): boolean {
    const token = this.token();
    return !DECIMAL.test(token) && !NON_FINITE.test(token);
  }
}

/** The number syntax C++'s `>>` and JavaScript both read: [+-]digits[.digits][e[+-]digits]. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

function isSpace(c: number): boolean {
  // space, \t, \v, \f, \r (\n is handled by the caller)
  return c === 32 || (c >= 9 && c <= 13);
}

/** A token for a message: quoted, escaped, at most 24 characters. */
export function quote(token: string): string {
  return JSON.stringify(token.length > 24 ? `${token.slice(0, 24)}...` : token);
}

/** A file name for a message, escaped when it holds control characters. */
export function sourceName(source: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(source) ? JSON.stringify(source) : source;
}

/** `source:line:column` of the k-th token (from 0) of a text, found by scanning it again. */
export function locateToken(text: string, source: string, k: number): string {
  const scanner = new TextScanner(text, source);
  for (let t = 0; scanner.next(); t += 1) {
    if (t === k) return scanner.where();
  }
  return sourceName(source);
}
