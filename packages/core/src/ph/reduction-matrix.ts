/**
 * The stored columns of the reduction matrix V (without their diagonal
 * entries), compressed: column j holds entries `starts[j] .. starts[j+1]`.
 * Adding a reduced column to another replays its coboundary from these.
 */
export class ReductionMatrix {
  private starts: Int32Array;
  private columnCount = 0;
  diameters: Float64Array;
  indices: Float64Array;
  coefficients: Uint16Array;
  private size = 0;

  constructor(expectedColumns: number) {
    this.starts = new Int32Array(Math.max(expectedColumns, 1) + 1);
    this.diameters = new Float64Array(64);
    this.indices = new Float64Array(64);
    this.coefficients = new Uint16Array(64);
  }

  /** Opens the next column; entries appended next belong to it. */
  appendColumn(): void {
    if (this.columnCount + 2 > this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    this.columnCount++;
    this.starts[this.columnCount] = this.size;
  }

  push(diameter: number, index: number, coefficient: number): void {
    if (this.size === this.diameters.length) this.grow();
    this.diameters[this.size] = diameter;
    this.indices[this.size] = index;
    this.coefficients[this.size++] = coefficient;
    this.starts[this.columnCount] = this.size;
  }

  start(column: number): number {
    return this.starts[column];
  }

  end(column: number): number {
    return this.starts[column + 1];
  }

  private grow(): void {
    const capacity = this.diameters.length * 2;
    const d = new Float64Array(capacity);
    d.set(this.diameters);
    const x = new Float64Array(capacity);
    x.set(this.indices);
    const c = new Uint16Array(capacity);
    c.set(this.coefficients);
    this.diameters = d;
    this.indices = x;
    this.coefficients = c;
  }
}
