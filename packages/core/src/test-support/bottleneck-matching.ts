/**
 * Test support for the bottleneck distance: checks that a matching between
 * two barcodes covers every pair exactly once and returns its largest couple
 * cost under the L-infinity conventions of `bottleneckDistance` (GUDHI's and
 * Hera's). Not part of the published package.
 */

import assert from "node:assert/strict";
import type { Barcode } from "../diagrams/barcode.js";
import type { DiagramMatching } from "../diagrams/diagram-matching.js";

/** Cost of one couple of a matching, following the documented conventions. */
function coupleCost(a: Barcode, b: Barcode, i: number, j: number): number {
  const diagonal = (birth: number, death: number) => {
    if (death === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
    const middle = (birth + death) / 2;
    return Math.max(death - middle, middle - birth);
  };
  if (i < 0) return diagonal(b.births[j], b.deaths[j]);
  if (j < 0) return diagonal(a.births[i], a.deaths[i]);
  const ea = a.deaths[i] === Number.POSITIVE_INFINITY;
  const eb = b.deaths[j] === Number.POSITIVE_INFINITY;
  if (ea !== eb) return Number.POSITIVE_INFINITY;
  const birthGap = Math.abs(a.births[i] - b.births[j]);
  return ea ? birthGap : Math.max(birthGap, Math.abs(a.deaths[i] - b.deaths[j]));
}

/** Checks that the matching covers every pair once and returns its largest couple cost. */
export function matchingCost(a: Barcode, b: Barcode, matching: DiagramMatching): number {
  assert.equal(matching.a.length, matching.b.length);
  const seenA = new Uint8Array(a.births.length);
  const seenB = new Uint8Array(b.births.length);
  let cost = 0;
  for (let k = 0; k < matching.a.length; k += 1) {
    const i = matching.a[k];
    const j = matching.b[k];
    assert.ok(i >= 0 || j >= 0, `couple ${k} matches the diagonal with itself`);
    if (i >= 0) {
      assert.ok(i < a.births.length && seenA[i] === 0, `pair ${i} of a is matched twice`);
      seenA[i] = 1;
    }
    if (j >= 0) {
      assert.ok(j < b.births.length && seenB[j] === 0, `pair ${j} of b is matched twice`);
      seenB[j] = 1;
    }
    cost = Math.max(cost, coupleCost(a, b, i, j));
  }
  assert.ok(seenA.every((x) => x === 1) && seenB.every((x) => x === 1), "a pair is unmatched");
  return cost;
}
