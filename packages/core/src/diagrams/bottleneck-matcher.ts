import { BoxSearchTree } from "./box-search-tree.js";
import { MinKeyHeap } from "./min-key-heap.js";

/** A copy of a matcher's matching, to come back to. */
export interface MatchingSnapshot {
  readonly mateU: Int32Array;
  readonly mateV: Int32Array;
  readonly free: number;
}

/**
 * The bipartite graph of the bottleneck distance between the finite,
 * off-diagonal points of two diagrams A and B, and a matching in it that the
 * search for the distance improves step by step (internal: not re-exported
 * from the package index).
 *
 * The graph (Efrat, Itai, Katz, Algorithmica 31, 2001; Kerber, Morozov,
 * Nigmetov, JEA 22, 2017) has the left vertices U = A ∪ B' and the right
 * vertices V = B ∪ A', where A' and B' are copies of the points projected to
 * the diagonal. Its edges and their costs are: a in A to b in B,
 * `max(|a.birth - b.birth|, |a.death - b.death|)`; a to its own projection a'
 * and b' to b, the distance of the point to the diagonal; every b' to every
 * a', 0. The bottleneck distance is the least r for which the edges of cost
 * <= r hold a perfect matching.
 *
 * Indices: U vertex u < nA is point u of A, u >= nA is b'_{u-nA}; V vertex
 * v < nB is point v of B, v >= nB is a'_{v-nB}. The points of B sit in a
 * {@link BoxSearchTree} so that the neighbours of a point are found by a box
 * query instead of a scan, and the dense block of zero-cost edges between B'
 * and A' is handled as a whole: reaching one b' reaches every a' not yet
 * reached. Memory is linear in the number of points.
 */
export class BottleneckMatcher {
  readonly nA: number;
  readonly nB: number;
  /** Right partner of each left vertex, -1 when free. */
  readonly mateU: Int32Array;
  /** Left partner of each right vertex, -1 when free. */
  readonly mateV: Int32Array;
  /** Number of free left vertices (0 once the matching is perfect). */
  free: number;
  /** Which phases {@link maximize} runs: "auto" (default) picks as documented there; tests force one kind. */
  phaseKind: "auto" | "forest" | "layered" = "auto";
  private readonly ax: Float64Array;
  private readonly ay: Float64Array;
  private readonly aDiagonal: Float64Array;
  private readonly bx: Float64Array;
  private readonly by: Float64Array;
  private readonly bDiagonal: Float64Array;
  private readonly tree: BoxSearchTree;
  /** Left vertex from which each right vertex was reached in the current search. */
  private readonly parentV: Int32Array;
  /** Root (a free left vertex) of the search tree holding each left vertex. */
  private readonly rootOf: Int32Array;
  private readonly rootDone: Uint8Array;
  private readonly queue: Int32Array;
  private tail = 0;
  /** Layered phases: layer of each left vertex, layer in which each right vertex was reached. */
  private readonly distU: Int32Array;
  private readonly layerV: Int32Array;
  /** Layered phases: right vertices in the order reached (so by layer), where each layer starts. */
  private readonly discovered: Int32Array;
  private readonly layerStart: Int32Array;
  /** Layered phases: index of each point of B in its layer's tree (-1 if not there). */
  private readonly localOf: Int32Array;
  /** Layered phases: next projection a' to try in each layer. */
  private readonly cursor: Int32Array;
  /** Layered phases: right vertices already used by a depth-first search. */
  private readonly usedV: Uint8Array;
  private readonly stack: Int32Array;
  /** The right vertices each search tree reached, as linked lists (head by root, next by vertex). */
  private readonly claimHead: Int32Array;
  private readonly claimNext: Int32Array;
  /** Right vertices on a path augmented in the current phase carry its number. */
  private readonly pathStamp: Int32Array;
  private stamp = 0;
  private releasing = true;
  private readonly found: Int32Array;
  /** The projections a' not reached yet in the current search, and where each sits in the list. */
  private readonly open: Int32Array;
  private readonly openAt: Int32Array;
  private openCount = 0;
  private readonly heap: MinKeyHeap;

  /**
   * @param ax - Births of the points of A (off the diagonal, finite).
   * @param ay - Deaths of the points of A.
   * @param aDiagonal - Distance of each point of A to the diagonal.
   * @param bx - Births of the points of B.
   * @param by - Deaths of the points of B.
   * @param bDiagonal - Distance of each point of B to the diagonal.
   */
  constructor(
    ax: Float64Array,
    ay: Float64Array,
    aDiagonal: Float64Array,
    bx: Float64Array,
    by: Float64Array,
    bDiagonal: Float64Array,
  ) {
    const nA = ax.length;
    const nB = bx.length;
    this.nA = nA;
    this.nB = nB;
    this.ax = ax;
    this.ay = ay;
    this.aDiagonal = aDiagonal;
    this.bx = bx;
    this.by = by;
    this.bDiagonal = bDiagonal;
    const size = nA + nB;
    this.mateU = new Int32Array(size).fill(-1);
    this.mateV = new Int32Array(size).fill(-1);
    this.free = size;
    this.tree = new BoxSearchTree(bx, by);
    this.parentV = new Int32Array(size);
    this.rootOf = new Int32Array(size);
    this.rootDone = new Uint8Array(size);
    // Released vertices can be reached again, so their mates can be queued
    // more than once; releasing stops when this room runs out.
    this.queue = new Int32Array(4 * size + 4);
    this.distU = new Int32Array(size);
    this.layerV = new Int32Array(size);
    this.discovered = new Int32Array(size);
    this.layerStart = new Int32Array(size + 2);
    this.localOf = new Int32Array(nB);
    this.cursor = new Int32Array(size + 2);
    this.usedV = new Uint8Array(size);
    this.stack = new Int32Array(size + 1);
    this.claimHead = new Int32Array(size);
    this.claimNext = new Int32Array(size);
    this.pathStamp = new Int32Array(size);
    this.found = new Int32Array(nB);
    this.open = new Int32Array(nA);
    this.openAt = new Int32Array(nA);
    this.heap = new MinKeyHeap(size);
  }

  /** The cost of the edge (u, v), which must be an edge of the graph. */
  cost(u: number, v: number): number {
    const nA = this.nA;
    const nB = this.nB;
    if (u < nA) {
      if (v >= nB) return this.aDiagonal[u];
      return Math.max(Math.abs(this.ax[u] - this.bx[v]), Math.abs(this.ay[u] - this.by[v]));
    }
    return v < nB ? this.bDiagonal[v] : 0;
  }

  /**
   * The largest, over the points of A and B, of the cheapest edge at the
   * point (to a point of the other diagram or to the diagonal): a lower bound
   * on the distance, since every point needs a partner, and one of the edge
   * costs.
   */
  lowerBound(): number {
    const { nA, nB, tree } = this;
    tree.reset();
    let bound = 0;
    for (let u = 0; u < nA; u += 1) {
      const d = this.aDiagonal[u];
      if (d <= bound) continue;
      const c = tree.nearest(this.ax[u], this.ay[u], d) >= 0 ? tree.lastDistance : d;
      if (c > bound) bound = c;
    }
    const aTree = new BoxSearchTree(this.ax, this.ay);
    for (let v = 0; v < nB; v += 1) {
      const d = this.bDiagonal[v];
      if (d <= bound) continue;
      const c = aTree.nearest(this.bx[v], this.by[v], d) >= 0 ? aTree.lastDistance : d;
      if (c > bound) bound = c;
    }
    return bound;
  }

  /** A copy of the current matching. */
  save(): MatchingSnapshot {
    return { mateU: this.mateU.slice(), mateV: this.mateV.slice(), free: this.free };
  }

  /** Comes back to a saved matching. */
  load(snapshot: MatchingSnapshot): void {
    this.mateU.set(snapshot.mateU);
    this.mateV.set(snapshot.mateV);
    this.free = snapshot.free;
  }

  /**
   * Extends the matching greedily with edges of cost <= r: each free point
   * of A takes its nearest free point of B, then the points still free go to
   * the diagonal where they may, and the rest of B' and A' pair up.
   */
  greedy(r: number): void {
    const { nA, nB, mateU, mateV, tree } = this;
    tree.reset();
    for (let v = 0; v < nB; v += 1) if (mateV[v] >= 0) tree.remove(v);
    for (let u = 0; u < nA; u += 1) {
      if (mateU[u] >= 0) continue;
      const v = tree.nearest(this.ax[u], this.ay[u], r);
      if (v >= 0) {
        tree.remove(v);
        this.link(u, v);
      } else if (this.aDiagonal[u] <= r && mateV[nB + u] < 0) {
        this.link(u, nB + u);
      }
    }
    let a = 0;
    for (let j = 0; j < nB; j += 1) {
      const u = nA + j;
      if (mateU[u] >= 0) continue;
      if (mateV[j] < 0 && this.bDiagonal[j] <= r) {
        this.link(u, j);
        continue;
      }
      while (a < nA && mateV[nB + a] >= 0) a += 1;
      if (a < nA) this.link(u, nB + a);
    }
  }

  private link(u: number, v: number): void {
    this.mateU[u] = v;
    this.mateV[v] = u;
    this.free -= 1;
  }

  /**
   * Makes the matching maximum among the edges of cost <= r, which must
   * contain the current matching, by phases of searches for augmenting paths
   * until one finds none (every alternating path from a free left vertex was
   * then explored, so the matching is maximum). Two kinds of phase, each
   * reaching every right vertex at most once (the box queries delete what
   * they find from the tree of B):
   * - a forest phase ({@link phase}) grows, breadth first, one search tree
   *   per free left vertex and augments each tree as soon as it reaches a free
   *   right vertex, at whatever depth: good when augmenting paths are long
   *   and few (points far from the diagonal, thresholds near the distance);
   * - a layered phase ({@link layeredPhase}), Hopcroft and Karp's: a maximal
   *   set of disjoint shortest augmenting paths, good when many short paths
   *   compete for the same vertices (many ties, dense neighbourhoods), where
   *   the first forest tree can swallow what the others need.
   * The next phase is of the kind that augmented more paths per vertex
   * searched lately; the other kind is retried after a few phases, less
   * often each time it loses again.
   *
   * @returns Whether the matching is perfect.
   */
  maximize(r: number): boolean {
    while (this.free > 0) {
      const layered = this.chooseLayered();
      const augmented = layered ? this.layeredPhase(r) : this.phase(r);
      if (augmented === 0) break;
      const rate = augmented / (this.work + 1);
      const wasBetter = this.layeredRate > this.forestRate;
      if (layered) {
        this.layeredRate = rate;
        this.layeredAge = 0;
        this.forestAge += 1;
      } else {
        this.forestRate = rate;
        this.forestAge = 0;
        this.layeredAge += 1;
      }
      const isBetter = this.layeredRate > this.forestRate;
      // A retry of the worse kind that stays worse backs off.
      if (layered !== wasBetter && isBetter === wasBetter) this.retryAfter *= 2;
      else if (isBetter !== wasBetter) this.retryAfter = 4;
    }
    return this.free === 0;
  }

  /**
   * One Hopcroft–Karp phase: a breadth-first search from all free left
   * vertices builds the layers of the alternating graph up to the first layer
   * holding a free right vertex; then depth-first searches along the layers
   * augment a maximal set of vertex-disjoint shortest augmenting paths. The
   * right points of B in each layer get their own 2-d tree, so that a
   * depth-first step finds an unused neighbour in the next layer by one box
   * query (each right vertex is used once per phase).
   *
   * @returns How many paths it augmented (0: the matching is maximum).
   */
  private layeredPhase(r: number): number {
    const { nA, nB, mateU, mateV, queue, found, tree, openAt, distU, layerV, discovered } = this;
    const size = nA + nB;
    tree.reset();
    this.openAll();
    distU.fill(-1);
    layerV.fill(-1);
    let tail = 0;
    for (let u = 0; u < size; u += 1) {
      if (mateU[u] < 0) {
        queue[tail++] = u;
        distU[u] = 0;
      }
    }
    // Breadth-first layering.
    let last = -1;
    let count = 0;
    const layerStart = this.layerStart;
    let layers = 0;
    for (let head = 0; head < tail; head += 1) {
      const u = queue[head];
      const k = distU[u];
      if (last >= 0 && k > last) break;
      while (layers <= k) layerStart[layers++] = count;
      const reach = (v: number) => {
        layerV[v] = k;
        discovered[count++] = v;
        const w = mateV[v];
        if (w < 0) {
          if (last < 0) last = k;
        } else if (last < 0) {
          distU[w] = k + 1;
          queue[tail++] = w;
        }
      };
      if (u < nA) {
        if (this.aDiagonal[u] <= r && openAt[u] >= 0) {
          this.close(u);
          reach(nB + u);
        }
        const n = tree.takeWithin(this.ax[u], this.ay[u], r, found);
        for (let t = 0; t < n; t += 1) reach(found[t]);
      } else {
        const j = u - nA;
        if (this.bDiagonal[j] <= r && tree.isAlive(j)) {
          tree.remove(j);
          reach(j);
        }
        while (this.openCount > 0) reach(nB + this.popOpen());
      }
    }
    this.work = 2 * tail + count;
    if (last < 0) return 0;
    layerStart[layers] = count;
    // One 2-d tree per layer over its points of B (only the free ones in the last layer).
    const trees: BoxSearchTree[] = [];
    const idsOf: Int32Array[] = [];
    const localOf = this.localOf;
    for (let k = 0; k <= last; k += 1) {
      let m = 0;
      for (let t = layerStart[k]; t < layerStart[k + 1]; t += 1) {
        const v = discovered[t];
        if (v < nB && (k < last || mateV[v] < 0)) m += 1;
      }
      const xs = new Float64Array(m);
      const ys = new Float64Array(m);
      const ids = new Int32Array(m);
      m = 0;
      for (let t = layerStart[k]; t < layerStart[k + 1]; t += 1) {
        const v = discovered[t];
        if (v < nB && (k < last || mateV[v] < 0)) {
          xs[m] = this.bx[v];
          ys[m] = this.by[v];
          localOf[v] = m;
          ids[m++] = v;
        } else if (v < nB) {
          localOf[v] = -1;
        }
      }
      trees.push(new BoxSearchTree(xs, ys));
      idsOf.push(ids);
    }
    // Cursor over each layer's projections a' for the zero-cost edges from b'.
    const cursor = this.cursor;
    for (let k = 0; k <= last; k += 1) cursor[k] = layerStart[k];
    const used = this.usedV;
    used.fill(0);
    // Depth-first searches along the layers.
    const stack = this.stack;
    let augmented = 0;
    for (let root = 0; root < size; root += 1) {
      if (mateU[root] >= 0 || distU[root] !== 0) continue;
      let depth = 0;
      stack[depth++] = root;
      while (depth > 0) {
        const u = stack[depth - 1];
        const k = distU[u];
        let v = -1;
        if (u < nA) {
          const a = nB + u;
          if (
            this.aDiagonal[u] <= r &&
            layerV[a] === k &&
            used[a] === 0 &&
            (k < last || mateV[a] < 0)
          ) {
            v = a;
          } else {
            const local = trees[k].takeAny(this.ax[u], this.ay[u], r);
            if (local >= 0) v = idsOf[k][local];
          }
        } else {
          const j = u - nA;
          if (layerV[j] === k && used[j] === 0 && localOf[j] >= 0 && this.bDiagonal[j] <= r) {
            trees[k].remove(localOf[j]);
            v = j;
          } else {
            for (let t = cursor[k]; t < layerStart[k + 1]; t += 1) {
              const w = discovered[t];
              cursor[k] = t + 1;
              if (w >= nB && used[w] === 0 && (k < last || mateV[w] < 0)) {
                v = w;
                break;
              }
            }
          }
        }
        if (v < 0) {
          depth -= 1;
          continue;
        }
        used[v] = 1;
        this.parentV[v] = u;
        const w = mateV[v];
        if (w < 0) {
          this.augment(v);
          augmented += 1;
          break;
        }
        if (k < last) stack[depth++] = w;
      }
    }
    return augmented;
  }

  /** Augmented paths per unit of work of the last phase of each kind, and phases since it ran. */
  private forestRate = Number.POSITIVE_INFINITY;
  private layeredRate = Number.POSITIVE_INFINITY;
  private forestAge = 0;
  private layeredAge = 0;
  /** Work of the last phase: vertices searched from. */
  private work = 0;

  /** Whether the next phase should be a layered (Hopcroft–Karp) one: the kind that did better lately, each retried now and then. */
  private chooseLayered(): boolean {
    if (this.phaseKind !== "auto") return this.phaseKind === "layered";
    const better = this.layeredRate > this.forestRate;
    if (!better && this.layeredAge >= this.retryAfter) return true;
    if (better && this.forestAge >= this.retryAfter) return false;
    return better;
  }

  /** Phases after which the kind that did worse is tried again; doubles each time it loses again. */
  private retryAfter = 4;

  /**
   * One forest phase of {@link maximize}: breadth-first search trees grown
   * from all free left vertices at once, a right vertex joining the first
   * tree that reaches it. A tree that reaches a free right vertex (looking
   * ahead among the neighbours a query returns) is augmented at once, grows no
   * further and hands the vertices off its path back to the other trees.
   *
   * @returns How many paths it augmented (0: the matching is maximum).
   */
  private phase(r: number): number {
    const { nA, nB, mateU, mateV, rootOf, rootDone, queue, found, tree, openAt } = this;
    tree.reset();
    this.openAll();
    this.tail = 0;
    this.stamp += 1;
    this.releasing = true;
    for (let u = 0; u < nA + nB; u += 1) {
      if (mateU[u] < 0) {
        queue[this.tail++] = u;
        rootOf[u] = u;
        rootDone[u] = 0;
        this.claimHead[u] = -1;
      }
    }
    let augmented = 0;
    for (let head = 0; head < this.tail; head += 1) {
      const u = queue[head];
      const root = rootOf[u];
      if (rootDone[root] === 1) continue;
      if (u < nA) {
        if (this.aDiagonal[u] <= r && openAt[u] >= 0) {
          this.close(u);
          if (this.grow(nB + u, u, root)) {
            augmented += 1;
            continue;
          }
        }
        const count = tree.takeWithin(this.ax[u], this.ay[u], r, found);
        // Look ahead: a free neighbour ends the search at once.
        let freeV = -1;
        for (let t = 0; t < count && freeV < 0; t += 1) if (mateV[found[t]] < 0) freeV = found[t];
        if (freeV >= 0) {
          for (let t = 0; t < count; t += 1) if (found[t] !== freeV) tree.restore(found[t]);
          this.grow(freeV, u, root);
          augmented += 1;
          continue;
        }
        for (let t = 0; t < count; t += 1) this.grow(found[t], u, root);
      } else {
        const j = u - nA;
        if (this.bDiagonal[j] <= r && tree.isAlive(j)) {
          tree.remove(j);
          if (this.grow(j, u, root)) {
            augmented += 1;
            continue;
          }
        }
        while (this.openCount > 0) {
          if (this.grow(nB + this.popOpen(), u, root)) {
            augmented += 1;
            break;
          }
        }
      }
    }
    this.work = this.tail;
    return augmented;
  }

  /**
   * Reaches right vertex v from left vertex u in the tree of `root`: augments
   * and retires the tree when v is free (returns true), else queues v's mate.
   */
  private grow(v: number, u: number, root: number): boolean {
    this.parentV[v] = u;
    this.claimNext[v] = this.claimHead[root];
    this.claimHead[root] = v;
    const w = this.mateV[v];
    if (w < 0) {
      this.augment(v);
      this.rootDone[root] = 1;
      if (this.releasing) this.release(root);
      return true;
    }
    this.rootOf[w] = root;
    this.queue[this.tail++] = w;
    if (this.tail + this.nA + this.nB >= this.queue.length) this.releasing = false;
    return false;
  }

  /**
   * Hands the right vertices that the tree of `root` reached, except those
   * on its augmented path, back to the other trees of the phase (whose
   * searches would otherwise be blocked by a finished tree).
   */
  private release(root: number): void {
    const { pathStamp, stamp, nB, tree, claimNext, openAt, open } = this;
    for (let v = this.claimHead[root]; v >= 0; v = claimNext[v]) {
      if (pathStamp[v] === stamp) continue;
      if (v < nB) {
        tree.restore(v);
      } else if (openAt[v - nB] < 0) {
        open[this.openCount] = v - nB;
        openAt[v - nB] = this.openCount++;
      }
    }
  }

  /** Flips the alternating path that ends at the free right vertex v (found by a search). */
  private augment(v: number): void {
    const { mateU, mateV, parentV } = this;
    for (;;) {
      this.pathStamp[v] = this.stamp;
      const u = parentV[v];
      const next = mateU[u];
      mateU[u] = v;
      mateV[v] = u;
      if (next < 0) break;
      v = next;
    }
    this.free -= 1;
  }

  /**
   * Augments the matching along an alternating path whose costliest new edge
   * is as cheap as possible, and returns that cost (or -1 when no path uses
   * only edges of cost <= `cap`).
   *
   * A Dijkstra-like search on the bottleneck ("minimax") path length from all
   * free left vertices: the level rises through the costs of the edges leaving
   * the reached set, cheapest first, each reached point of A keeping one heap
   * entry for its nearest unreached point of B. Edges of cost <= `floor` are
   * taken without ordering them, which is right when the caller only needs
   * the final maximum, i.e. when `floor` is at most the distance. If the
   * current matching only uses edges of cost <= r* (the distance), the path
   * found has cost <= r* too (an optimal perfect matching contains an
   * augmenting path), so repeating this until the matching is perfect gives a
   * matching of cost exactly r*.
   */
  cheapestAugmentation(floor: number, cap: number): number {
    const { nA, nB, mateU, queue, found, tree, openAt, heap, ax, ay } = this;
    tree.reset();
    this.openAll();
    heap.clear();
    this.tail = 0;
    for (let u = 0; u < nA + nB; u += 1) if (mateU[u] < 0) queue[this.tail++] = u;
    let level = floor;
    let head = 0;
    for (;;) {
      while (head < this.tail) {
        const u = queue[head++];
        if (u < nA) {
          const d = this.aDiagonal[u];
          if (openAt[u] >= 0) {
            if (d <= level) {
              this.close(u);
              if (this.reach(nB + u, u)) return level;
            } else if (d <= cap) {
              heap.push(d, u, nB + u);
            }
          }
          const count = tree.takeWithin(ax[u], ay[u], level, found);
          for (let t = 0; t < count; t += 1) {
            if (this.reach(found[t], u)) return level;
          }
          const next = tree.nearest(ax[u], ay[u], cap);
          if (next >= 0) heap.push(tree.lastDistance, u, next);
        } else {
          const j = u - nA;
          if (tree.isAlive(j)) {
            const d = this.bDiagonal[j];
            if (d <= level) {
              tree.remove(j);
              if (this.reach(j, u)) return level;
            } else if (d <= cap) {
              heap.push(d, u, j);
            }
          }
          while (this.openCount > 0) {
            if (this.reach(nB + this.popOpen(), u)) return level;
          }
        }
      }
      if (heap.size === 0) return -1;
      const key = heap.topKey();
      const u = heap.topFirst();
      const v = heap.topSecond();
      heap.pop();
      if (key > level) level = key;
      if (v >= nB) {
        if (openAt[v - nB] >= 0) {
          this.close(v - nB);
          if (this.reach(v, u)) return level;
        }
      } else if (u >= nA) {
        if (tree.isAlive(v)) {
          tree.remove(v);
          if (this.reach(v, u)) return level;
        }
      } else {
        if (tree.isAlive(v)) {
          tree.remove(v);
          if (this.reach(v, u)) return level;
        }
        const next = tree.nearest(ax[u], ay[u], cap);
        if (next >= 0) heap.push(tree.lastDistance, u, next);
      }
    }
  }

  /** Reaches v from u in {@link cheapestAugmentation}; augments and returns true when v is free. */
  private reach(v: number, u: number): boolean {
    this.parentV[v] = u;
    const w = this.mateV[v];
    if (w < 0) {
      this.augment(v);
      return true;
    }
    this.queue[this.tail++] = w;
    return false;
  }

  private openAll(): void {
    const n = this.nA;
    for (let k = 0; k < n; k += 1) {
      this.open[k] = k;
      this.openAt[k] = k;
    }
    this.openCount = n;
  }

  private close(k: number): void {
    const at = this.openAt[k];
    const last = this.open[--this.openCount];
    this.open[at] = last;
    this.openAt[last] = at;
    this.openAt[k] = -1;
  }

  private popOpen(): number {
    const k = this.open[--this.openCount];
    this.openAt[k] = -1;
    return k;
  }
}
