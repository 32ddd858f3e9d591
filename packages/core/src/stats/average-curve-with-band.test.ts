import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Barcode, barcode } from "../diagrams/barcode.js";
import { averageCurveWithBand } from "./average-curve-with-band.js";
import { bootstrapMeanBand } from "./bootstrap-mean-band.js";

const grid = [0, 0.5, 1, 1.5, 2];

/** The number of bars alive at each grid point (a Betti curve written for the test). */
function betti(bars: Barcode): Float64Array {
  return Float64Array.from(grid, (t) => {
    let alive = 0;
    for (let k = 0; k < bars.births.length; k++) {
      if (bars.births[k]! <= t && t < bars.deaths[k]!) alive++;
    }
    return alive;
  });
}

const barcodes = [
  barcode([
    [0, 1],
    [0, 2],
  ]),
  barcode([[0, 1.5]]),
  barcode([
    [0, 2],
    [0.2, 0.6],
  ]),
  barcode([[0.4, null]]),
];

describe("averageCurveWithBand", () => {
  it("averageCurveWithBand is bootstrapMeanBand of the vectorized barcodes", () => {
    const options = { confidence: 0.9, repeats: 300, seed: 4 };
    const band = averageCurveWithBand(barcodes, betti, options);
    assert.deepEqual(band, bootstrapMeanBand(barcodes.map(betti), options));
    assert.deepEqual(Array.from(band.mean), [1, 1.5, 1, 0.75, 0.25]);
  });

  it("averageCurveWithBand calls the vectorizer once per barcode, in order", () => {
    const seen: Barcode[] = [];
    averageCurveWithBand(
      barcodes,
      (bars) => {
        seen.push(bars);
        return betti(bars);
      },
      { repeats: 10 },
    );
    assert.equal(seen.length, barcodes.length);
    assert.deepEqual(seen, barcodes);
    for (const [i, bars] of seen.entries()) assert.equal(bars, barcodes[i]);
  });

  it("averageCurveWithBand's documented example holds", () => {
    const band = averageCurveWithBand(
      [
        barcode([
          [0, 1],
          [0, 2],
        ]),
        barcode([[0, 1.5]]),
        barcode([
          [0, 2],
          [0.2, 0.6],
        ]),
      ],
      betti,
      { repeats: 200 },
    );
    assert.deepEqual(
      Array.from(band.mean),
      [1.3333333333333333, 1.6666666666666667, 1, 0.6666666666666666, 0],
    );
  });

  it("averageCurveWithBand names the barcode whose vectorization is wrong", () => {
    const cases: Array<[() => unknown, ErrorConstructor, RegExp]> = [
      [() => averageCurveWithBand("x" as never, betti), TypeError, /barcodes must be an array/],
      [() => averageCurveWithBand(barcodes, 3 as never), TypeError, /vectorize must be a function/],
      [
        () => averageCurveWithBand([barcodes[0]!, { births: [0], deaths: [1] } as never], betti),
        TypeError,
        /barcodes\[1\] must have Float64Array births and deaths/,
      ],
      [
        () => averageCurveWithBand([barcodes[0]!], betti),
        RangeError,
        /at least 2 functions; got 1/,
      ],
      [
        () =>
          averageCurveWithBand(barcodes, (bars) =>
            bars === barcodes[2] ? new Float64Array(2) : betti(bars),
          ),
        RangeError,
        /vectorize\(barcodes\[2\]\) has 2 values but vectorize\(barcodes\[0\]\) has 5/,
      ],
      [
        () => averageCurveWithBand(barcodes, () => [1, 2] as never),
        TypeError,
        /vectorize\(barcodes\[0\]\) must be a Float64Array/,
      ],
      [
        () => averageCurveWithBand(barcodes, betti, { repeats: -1 }),
        RangeError,
        /repeats must be an integer >= 1/,
      ],
    ];
    for (const [call, type, message] of cases) {
      assert.throws(call, (error: unknown) => {
        assert.ok(error instanceof type, `${String(error)} is not a ${type.name}`);
        assert.match((error as Error).message, /^averageCurveWithBand/);
        assert.match((error as Error).message, message);
        return true;
      });
    }
  });
});
