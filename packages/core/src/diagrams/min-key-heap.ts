/**
 * A binary min-heap of entries (key, first, second): a double key with two
 * integer payloads, in typed arrays that grow by doubling. Ties between equal
 * keys come out in an unspecified but deterministic order. Internal to the
 * diagram distances (not re-exported from the package index).
 */
export class MinKeyHeap {
  private keys: Float64Array;
  private firsts: Int32Array;
  private seconds: Int32Array;
  /** Number of entries. */
  size = 0;

  /** @param capacity - Initial room (it grows as needed); default 16. */
  constructor(capacity = 16) {
    const room = Math.max(1, capacity);
    this.keys = new Float64Array(room);
    this.firsts = new Int32Array(room);
    this.seconds = new Int32Array(room);
  }

  /** Removes every entry. */
  clear(): void {
    this.size = 0;
  }

  /** The smallest key (undefined behaviour on an empty heap). */
  topKey(): number {
    return this.keys[0];
  }

  /** First payload of the entry with the smallest key. */
  topFirst(): number {
    return this.firsts[0];
  }

  /** Second payload of the entry with the smallest key. */
  topSecond(): number {
    return this.seconds[0];
  }

  push(key: number, first: number, second: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const firsts = this.firsts;
    const seconds = this.seconds;
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[k] = keys[parent];
      firsts[k] = firsts[parent];
      seconds[k] = seconds[parent];
      k = parent;
    }
    keys[k] = key;
    firsts[k] = first;
    seconds[k] = second;
  }

  /** Removes the entry with the smallest key (read it first with the top accessors). */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const keys = this.keys;
    const firsts = this.firsts;
    const seconds = this.seconds;
    const key = keys[n];
    const first = firsts[n];
    const second = seconds[n];
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1] < keys[child]) child += 1;
      if (keys[child] >= key) break;
      keys[k] = keys[child];
      firsts[k] = firsts[child];
      seconds[k] = seconds[child];
      k = child;
    }
    keys[k] = key;
    firsts[k] = first;
    seconds[k] = second;
  }

  private grow(): void {
    const room = this.keys.length * 2;
    const keys = new Float64Array(room);
    const firsts = new Int32Array(room);
    const seconds = new Int32Array(room);
    keys.set(this.keys);
    firsts.set(this.firsts);
    seconds.set(this.seconds);
    this.keys = keys;
    this.firsts = firsts;
    this.seconds = seconds;
  }
}
