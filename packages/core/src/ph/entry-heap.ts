/** Entries per page of a heap: 2^15 (a 512 KiB page of keys). */
const PAGE_BITS = 15;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
/**
 * Entry i is stored at position i + 3, so the four children 4i+1..4i+4 of an
 * entry sit at positions 4(i+1)..4(i+1)+3: a block aligned to 4 that never
 * straddles two pages.
 */
const OFFSET = 3;

/**
 * A 4-ary heap (half the depth of a binary one, so cheaper pops) of
 * coboundary entries (diameter, simplex index, coefficient), ordered so that
 * the top is the pivot of a cohomology column: the smallest diameter, and
 * among equal diameters the largest index (Ripser's
 * `greater_diameter_or_smaller_index` priority queue). Entries with the same
 * index are not merged on push; the reducer sums them when it pops.
 *
 * The entries live in fixed pages of typed arrays: growing adds a page
 * instead of copying everything into a buffer twice the size, so a heap of
 * millions of entries never holds a stale copy of itself (an old ArrayBuffer
 * stays resident until the garbage collector gets to it). Diameter and index
 * sit side by side (`keys[2i]`, `keys[2i+1]`) so a comparison touches one
 * cache line.
 */
export class EntryHeap {
  private keyPages: Float64Array[] = [new Float64Array(2 * PAGE_SIZE)];
  private coefficientPages: Uint16Array[] = [new Uint16Array(PAGE_SIZE)];
  size = 0;
  /** The entry removed by the last {@link popSummed} that returned true. */
  poppedDiameter = 0;
  poppedIndex = -1;
  poppedCoefficient = 0;

  clear(): void {
    this.size = 0;
  }

  topDiameter(): number {
    return this.keyPages[0][2 * OFFSET];
  }

  topIndex(): number {
    return this.keyPages[0][2 * OFFSET + 1];
  }

  topCoefficient(): number {
    return this.coefficientPages[0][OFFSET];
  }

  push(diameter: number, index: number, coefficient: number): void {
    if (this.size + OFFSET === this.keyPages.length * PAGE_SIZE) {
      this.keyPages.push(new Float64Array(2 * PAGE_SIZE));
      this.coefficientPages.push(new Uint16Array(PAGE_SIZE));
    }
    const keyPages = this.keyPages;
    const coefficientPages = this.coefficientPages;
    let i = this.size++;
    let position = i + OFFSET;
    let keys = keyPages[position >>> PAGE_BITS];
    let slot = position & PAGE_MASK;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const parentPosition = parent + OFFSET;
      const parentKeys = keyPages[parentPosition >>> PAGE_BITS];
      const parentSlot = parentPosition & PAGE_MASK;
      const pd = parentKeys[2 * parentSlot];
      if (pd < diameter || (pd === diameter && parentKeys[2 * parentSlot + 1] > index)) break;
      keys[2 * slot] = pd;
      keys[2 * slot + 1] = parentKeys[2 * parentSlot + 1];
      coefficientPages[position >>> PAGE_BITS][slot] =
        coefficientPages[parentPosition >>> PAGE_BITS][parentSlot];
      i = parent;
      position = parentPosition;
      keys = parentKeys;
      slot = parentSlot;
    }
    keys[2 * slot] = diameter;
    keys[2 * slot + 1] = index;
    coefficientPages[position >>> PAGE_BITS][slot] = coefficient;
  }

  /** Removes the top entry. */
  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const keyPages = this.keyPages;
    const coefficientPages = this.coefficientPages;
    const lastPosition = last + OFFSET;
    const lastKeys = keyPages[lastPosition >>> PAGE_BITS];
    const lastSlot = lastPosition & PAGE_MASK;
    const diameter = lastKeys[2 * lastSlot];
    const index = lastKeys[2 * lastSlot + 1];
    const coefficient = coefficientPages[lastPosition >>> PAGE_BITS][lastSlot];
    let i = 0;
    let position = OFFSET;
    let keys = keyPages[0];
    let slot = OFFSET;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The best of up to four children, all on one page (see OFFSET).
      const firstPosition = first + OFFSET;
      const childKeys = keyPages[firstPosition >>> PAGE_BITS];
      const firstSlot = firstPosition & PAGE_MASK;
      let best = firstSlot;
      let bd = childKeys[2 * firstSlot];
      let bx = childKeys[2 * firstSlot + 1];
      const end = firstSlot + (first + 4 < last ? 4 : last - first);
      for (let k = firstSlot + 1; k < end; k++) {
        const kd = childKeys[2 * k];
        if (kd < bd || (kd === bd && childKeys[2 * k + 1] > bx)) {
          best = k;
          bd = kd;
          bx = childKeys[2 * k + 1];
        }
      }
      if (diameter < bd || (diameter === bd && index > bx)) break;
      const childPosition = firstPosition + (best - firstSlot);
      keys[2 * slot] = bd;
      keys[2 * slot + 1] = bx;
      coefficientPages[position >>> PAGE_BITS][slot] =
        coefficientPages[childPosition >>> PAGE_BITS][best];
      i = first + (best - firstSlot);
      position = childPosition;
      keys = childKeys;
      slot = best;
    }
    keys[2 * slot] = diameter;
    keys[2 * slot + 1] = index;
    coefficientPages[position >>> PAGE_BITS][slot] = coefficient;
  }

  /**
   * Removes the top entry with all the entries of its index, summing their
   * coefficients mod `modulus`, and repeats while the sum is 0 (the pivot of a
   * column whose entries are not merged on push). Leaves it in popped*; false
   * when the heap runs out.
   */
  popSummed(modulus: number): boolean {
    let coefficient = 0;
    let index = -1;
    let diameter = 0;
    while (this.size > 0) {
      const topIndex = this.topIndex();
      if (coefficient === 0) {
        index = topIndex;
        diameter = this.topDiameter();
        coefficient = this.topCoefficient();
      } else if (topIndex !== index) {
        break;
      } else {
        coefficient = (coefficient + this.topCoefficient()) % modulus;
      }
      this.pop();
    }
    if (coefficient === 0) return false;
    this.poppedDiameter = diameter;
    this.poppedIndex = index;
    this.poppedCoefficient = coefficient;
    return true;
  }
}
