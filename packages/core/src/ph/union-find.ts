/**
 * Union–find over vertices with the elder rule: each root remembers the
 * smallest birth value of its component, so merging two components tells which
 * one dies (the younger). Union by rank, path halving.
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;
  /** Birth of the component, valid at roots. */
  readonly birth: Float64Array;

  constructor(births: Float64Array) {
    const n = births.length;
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.rank = new Uint8Array(n);
    this.birth = Float64Array.from(births);
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const grand = parent[parent[x]];
      parent[x] = grand;
      x = grand;
    }
    return x;
  }

  /** Joins the components of roots `x` and `y`; returns the new root. */
  link(x: number, y: number): number {
    const birth = Math.min(this.birth[x], this.birth[y]);
    let root: number;
    if (this.rank[x] > this.rank[y]) {
      this.parent[y] = x;
      root = x;
    } else {
      this.parent[x] = y;
      if (this.rank[x] === this.rank[y]) this.rank[y]++;
      root = y;
    }
    this.birth[root] = birth;
    return root;
  }
}
