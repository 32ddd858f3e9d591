/**
 * A matching between the pairs of two barcodes `a` and `b`, as two parallel
 * arrays: entry k matches pair `a[k]` of `a` with pair `b[k]` of `b`; an index
 * of -1 stands for the diagonal (the pair on the other side is matched to its
 * projection onto the diagonal). Every pair of both barcodes appears exactly
 * once; essential classes are matched with essential classes.
 */
export interface DiagramMatching {
  readonly a: Int32Array;
  readonly b: Int32Array;
}

/** A distance between two barcodes together with a matching that attains it. */
export interface DistanceWithMatching {
  readonly distance: number;
  readonly matching: DiagramMatching;
}
