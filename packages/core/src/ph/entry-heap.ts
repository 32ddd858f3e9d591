/**
 * A binary heap of coboundary entries (diameter, simplex index, coefficient)
 * in growable typed arrays, ordered so that the top is the pivot of a
 * cohomology column: the smallest diameter, and among equal diameters the
 * largest index (Ripser's `greater_diameter_or_smaller_index` priority queue).
 * Entries with the same index are not merged on push; `popPivot` sums them.
 */
export class EntryHeap {
  diameters: Float64Array;
  indices: Float64Array;
  coefficients: Uint16Array;
  size = 0;

  constructor(capacity = 64) {
    this.diameters = new Float64Array(capacity);
    this.indices = new Float64Array(capacity);
    this.coefficients = new Uint16Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(diameter: number, index: number, coefficient: number): void {
    if (this.size === this.diameters.length) this.grow();
    const d = this.diameters;
    const x = this.indices;
    const c = this.coefficients;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pd = d[parent];
      if (pd < diameter || (pd === diameter && x[parent] > index)) break;
      d[i] = pd;
      x[i] = x[parent];
      c[i] = c[parent];
      i = parent;
    }
    d[i] = diameter;
    x[i] = index;
    c[i] = coefficient;
  }

  /** Removes the top entry. */
  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const d = this.diameters;
    const x = this.indices;
    const c = this.coefficients;
    const diameter = d[last];
    const index = x[last];
    const coefficient = c[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const cd = d[child];
        const rd = d[right];
        if (rd < cd || (rd === cd && x[right] > x[child])) child = right;
      }
      const cd = d[child];
      if (diameter < cd || (diameter === cd && index > x[child])) break;
      d[i] = cd;
      x[i] = x[child];
      c[i] = c[child];
      i = child;
    }
    d[i] = diameter;
    x[i] = index;
    c[i] = coefficient;
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
