import assert from "node:assert/strict";
import { test } from "node:test";
import { barcode } from "../diagrams/barcode.js";
import { bettiCurve, fitBettiCurve } from "../diagrams/vectorize/betti-curve.js";
import {
  fitPersistenceLandscape,
  persistenceLandscape,
} from "../diagrams/vectorize/persistence-landscape.js";
import { seededRandom } from "../random.js";
import { averageBettiCurve } from "./average-betti-curve.js";
import { averageLandscape } from "./average-landscape.js";
import { bootstrapMeanBand } from "./bootstrap-mean-band.js";

function randomBarcodes(count: number, seed: number) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    barcode(
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const birth = random();
        return [birth, birth + random()] as [number, number];
      }),
    ),
  );
}

test("averageBettiCurve is the band of the Betti curves on a grid fitted on all barcodes", () => {
  const bars = randomBarcodes(12, 1);
  const average = averageBettiCurve(bars, { resolution: 30 }, { repeats: 200, seed: 4 });
  const settings = fitBettiCurve(bars, { resolution: 30 });
  const curves = bars.map((b) => bettiCurve(b, settings).values);
  const expected = bootstrapMeanBand(curves, { repeats: 200, seed: 4 });
  assert.deepEqual(average.grid, bettiCurve(bars[0], settings).grid);
  assert.deepEqual(average.mean, expected.mean);
  assert.deepEqual(average.upper, expected.upper);
  assert.equal(average.halfWidth, expected.halfWidth);
});

test("averageLandscape keeps the layers row-major and bands all of them at once", () => {
  const bars = randomBarcodes(10, 2);
  const options = { numLandscapes: 3, resolution: 20 };
  const average = averageLandscape(bars, options, { repeats: 100 });
  const settings = fitPersistenceLandscape(bars, options);
  const expected = bootstrapMeanBand(
    bars.map((b) => persistenceLandscape(b, settings).values),
    { repeats: 100 },
  );
  assert.equal(average.numLandscapes, 3);
  assert.equal(average.resolution, 20);
  assert.equal(average.mean.length, 60);
  assert.deepEqual(average.lower, expected.lower);
  assert.ok(average.mean.every((m, k) => average.lower[k] <= m && m <= average.upper[k]));
});
