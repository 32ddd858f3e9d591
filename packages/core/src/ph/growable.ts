/** A list of (diameter, index) pairs in typed arrays that double as they fill. */
export class SimplexBuffer {
  diameters: Float64Array;
  indices: Float64Array;
  count = 0;

  constructor(capacity = 1024) {
    this.diameters = new Float64Array(capacity);
    this.indices = new Float64Array(capacity);
  }

  push(diameter: number, index: number): void {
    if (this.count === this.diameters.length) {
      const d = new Float64Array(this.count * 2);
      d.set(this.diameters);
      const x = new Float64Array(this.count * 2);
      x.set(this.indices);
      this.diameters = d;
      this.indices = x;
    }
    this.diameters[this.count] = diameter;
    this.indices[this.count++] = index;
  }
}
