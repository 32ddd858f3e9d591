/**
 * An open-addressing hash map from simplex index (an integer up to 2^53, or an
 * encoded wide index past it, see BinomialTable) to
 * the reduced column whose pivot it is, with the pivot's coefficient: the
 * `pivot_column_index` of Ripser. Typed arrays keep it compact (a `Map` with
 * non-small-integer keys boxes every key).
 */
export class PivotMap {
  private keys: Float64Array;
  private columns: Int32Array;
  private coefficients: Uint16Array;
  private mask: number;
  size = 0;
  /** Scratch to read the bits of encoded wide indices (past 2^53 their low 64 integer bits miss some). */
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity * 0.7 < expected) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.columns = new Int32Array(capacity);
    this.coefficients = new Uint16Array(capacity);
    this.mask = capacity - 1;
  }

  /** The slot of `key`, or of the empty slot where it would go. */
  private slot(key: number): number {
    let low: number;
    let high: number;
    if (key < 9007199254740992) {
      low = key >>> 0;
      high = (key / 4294967296) >>> 0;
    } else {
      this.bits[0] = key;
      low = this.words[0];
      high = this.words[1];
    }
    let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let i = h & this.mask;
    const keys = this.keys;
    for (;;) {
      const k = keys[i];
      if (k === key || k === -1) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The column whose pivot is `key`, or -1. */
  column(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === -1 ? -1 : this.columns[i];
  }

  /** The pivot coefficient stored with `key` (call after `column` found it). */
  coefficient(key: number): number {
    return this.coefficients[this.slot(key)];
  }

  has(key: number): boolean {
    return this.keys[this.slot(key)] !== -1;
  }

  set(key: number, column: number, coefficient: number): void {
    // Linear probing stays fast up to a load of about 0.7.
    if (this.size + 1 > this.keys.length * 0.7) this.grow();
    const i = this.slot(key);
    if (this.keys[i] === -1) this.size++;
    this.keys[i] = key;
    this.columns[i] = column;
    this.coefficients[i] = coefficient;
  }

  private grow(): void {
    const keys = this.keys;
    const columns = this.columns;
    const coefficients = this.coefficients;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.columns = new Int32Array(keys.length * 2);
    this.coefficients = new Uint16Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== -1) this.set(keys[i], columns[i], coefficients[i]);
    }
  }
}
