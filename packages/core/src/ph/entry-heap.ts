/**
 * A 4-ary heap (half the depth of a binary one, so cheaper pops) of coboundary entries (diameter, simplex index, coefficient)
 * in growable typed arrays, ordered so that the top is the pivot of a
 * cohomology column: the smallest diameter, and among equal diameters the
 * largest index (Ripser's `greater_diameter_or_smaller_index` priority queue).
 * Entries with the same index are not merged on push; the reducer sums them
 * when it pops. Diameter and index sit side by side in one array
 * (`keys[2i]`, `keys[2i+1]`) so a comparison touches one cache line.
 */
export class EntryHeap {
  keys: Float64Array;
  coefficients: Uint16Array;
  size = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(2 * capacity);
    this.coefficients = new Uint16Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  topDiameter(): number {
    return this.keys[0];
  }

  topIndex(): number {
    return this.keys[1];
  }

  topCoefficient(): number {
    return this.coefficients[0];
  }

  push(diameter: number, index: number, coefficient: number): void {
    if (this.size === this.coefficients.length) this.grow();
    const keys = this.keys;
    const c = this.coefficients;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pd = keys[2 * parent];
      if (pd < diameter || (pd === diameter && keys[2 * parent + 1] > index)) break;
      keys[2 * i] = pd;
      keys[2 * i + 1] = keys[2 * parent + 1];
      c[i] = c[parent];
      i = parent;
    }
    keys[2 * i] = diameter;
    keys[2 * i + 1] = index;
    c[i] = coefficient;
  }

  /** Removes the top entry. */
  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const keys = this.keys;
    const c = this.coefficients;
    const diameter = keys[2 * last];
    const index = keys[2 * last + 1];
    const coefficient = c[last];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The best of up to four children.
      let child = first;
      let cd = keys[2 * first];
      let cx = keys[2 * first + 1];
      const end = first + 4 < last ? first + 4 : last;
      for (let k = first + 1; k < end; k++) {
        const kd = keys[2 * k];
        if (kd < cd || (kd === cd && keys[2 * k + 1] > cx)) {
          child = k;
          cd = kd;
          cx = keys[2 * k + 1];
        }
      }
      if (diameter < cd || (diameter === cd && index > cx)) break;
      keys[2 * i] = cd;
      keys[2 * i + 1] = cx;
      c[i] = c[child];
      i = child;
    }
    keys[2 * i] = diameter;
    keys[2 * i + 1] = index;
    c[i] = coefficient;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const c = new Uint16Array(this.coefficients.length * 2);
    c.set(this.coefficients);
    this.keys = keys;
    this.coefficients = c;
  }
}
