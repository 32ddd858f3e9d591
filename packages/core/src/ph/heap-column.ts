import { EntryHeap } from "./entry-heap.js";
import type { CoboundaryEnumerator } from "./rips-complex.js";
import type { WorkingColumn } from "./working-column.js";

/**
 * The working column as Ripser holds it: every entry of every added
 * coboundary on one heap, equal indices summed when the pivot is popped.
 * Works for any complex (sparse ones, and dense ones with wide indices).
 */
export class HeapColumn implements WorkingColumn {
  pivotDiameter = 0;
  pivotIndex = -1;
  pivotCoefficient = 0;
  private readonly heap = new EntryHeap();
  private readonly cofacets: CoboundaryEnumerator;
  private readonly threshold: number;
  private readonly modulus: number;
  private dim = 0;
  // The coboundary of a column (at most n cofacets), gathered before it goes on the heap.
  private readonly scratchDiameters: Float64Array;
  private readonly scratchIndices: Float64Array;
  private readonly scratchCoefficients: Uint16Array;

  constructor(
    cofacets: CoboundaryEnumerator,
    settings: { vertexCount: number; threshold: number; modulus: number },
  ) {
    this.cofacets = cofacets;
    this.threshold = settings.threshold;
    this.modulus = settings.modulus;
    const n = Math.max(settings.vertexCount, 1);
    this.scratchDiameters = new Float64Array(n);
    this.scratchIndices = new Float64Array(n);
    this.scratchCoefficients = new Uint16Array(n);
  }

  /**
   * Builds the coboundary; returns an emergent pivot at once when the first
   * zero-persistence cofacet is free, without pushing anything (Ripser's
   * emergent pairs), else the heap's pivot.
   */
  start(
    index: number,
    diameter: number,
    dim: number,
    isFreePivot: (index: number, diameter: number, coefficient: number) => boolean,
  ): boolean {
    this.dim = dim;
    this.heap.clear();
    const modulus = this.modulus;
    const cofacets = this.cofacets;
    let checkEmergent = true;
    let count = 0;
    cofacets.set(index, diameter, dim);
    while (cofacets.hasNext(true)) {
      cofacets.next();
      const d = cofacets.diameter;
      if (d > this.threshold) continue;
      const coefficient = cofacets.negative ? modulus - 1 : 1;
      this.scratchDiameters[count] = d;
      this.scratchIndices[count] = cofacets.index;
      this.scratchCoefficients[count++] = coefficient;
      if (checkEmergent && d === diameter) {
        if (isFreePivot(cofacets.index, d, coefficient)) {
          this.pivotDiameter = d;
          this.pivotIndex = cofacets.index;
          this.pivotCoefficient = coefficient;
          return true;
        }
        checkEmergent = false;
      }
    }
    for (let t = 0; t < count; t++) {
      this.heap.push(this.scratchDiameters[t], this.scratchIndices[t], this.scratchCoefficients[t]);
    }
    return this.getPivot();
  }

  add(index: number, diameter: number, coefficient: number): void {
    const negated = (this.modulus - coefficient) % this.modulus;
    this.cofacets.set(index, diameter, this.dim);
    this.cofacets.pushAll(this.heap, this.threshold, coefficient, negated);
  }

  getPivot(): boolean {
    const heap = this.heap;
    if (!heap.popSummed(this.modulus)) return false;
    this.pivotDiameter = heap.poppedDiameter;
    this.pivotIndex = heap.poppedIndex;
    this.pivotCoefficient = heap.poppedCoefficient;
    heap.push(this.pivotDiameter, this.pivotIndex, this.pivotCoefficient);
    return true;
  }
}
