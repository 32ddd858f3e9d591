import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { gaussian, type RandomSource, seededRandom } from "../random.js";
import { bootstrapMeanBand, meanBandWith } from "./bootstrap-mean-band.js";

interface MeanBandFixture {
  readonly reference: string;
  readonly cases: ReadonlyArray<{
    readonly functions: number[][];
    readonly multipliers: number[][];
    readonly confidence: number;
    readonly mean: number[];
    readonly statistics: number[];
    readonly halfWidth: number;
    readonly lower: number[];
    readonly upper: number[];
  }>;
}

// Made by scripts/fixtures/stats.py with numpy.
const fixture = JSON.parse(
  readFileSync(new URL("../../../../fixtures/stats/mean-band.json", import.meta.url), "utf8"),
) as MeanBandFixture;

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k] as number;
    const e = expected[k] as number;
    assert.ok(Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e)), `${what}[${k}]: ${a} vs ${e}`);
  }
}

const TWO_PI = 2 * Math.PI;

/** Grid point k of m on [0, 2π]. */
function gridPoint(k: number, m: number): number {
  return (TWO_PI * k) / (m - 1);
}

/**
 * n curves f_i(t) = sin t + 0.5 (E_i - 1) cos t + 0.3 N_i sin 2t + 0.1 N_it on
 * m grid points of [0, 2π], with E_i ~ Exp(1) and N ~ N(0, 1) independent: a
 * skewed random function whose mean is exactly sin t.
 */
function noisySines(n: number, m: number, random: RandomSource): Float64Array[] {
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const a = -Math.log(1 - random()) - 1;
    const b = gaussian(random);
    rows.push(
      Float64Array.from({ length: m }, (_, k) => {
        const t = gridPoint(k, m);
        return (
          Math.sin(t) + 0.5 * a * Math.cos(t) + 0.3 * b * Math.sin(2 * t) + 0.1 * gaussian(random)
        );
      }),
    );
  }
  return rows;
}

describe("bootstrapMeanBand parity with numpy", () => {
  for (const [c, example] of fixture.cases.entries()) {
    const n = example.functions.length;
    it(`bootstrapMeanBand's arithmetic equals numpy's for given multipliers (case ${c}: n=${n}, B=${example.multipliers.length})`, () => {
      const flat = example.multipliers.flat();
      let next = 0;
      const band = meanBandWith(
        example.functions.map((row) => Float64Array.from(row)),
        example.confidence,
        example.multipliers.length,
        () => flat[next++] as number,
      );
      assert.equal(next, flat.length, "one multiplier per function and repeat");
      assertClose(band.mean, example.mean, "mean");
      assertClose(band.statistics, example.statistics, "statistics");
      assertClose([band.halfWidth], [example.halfWidth], "halfWidth");
      assertClose(band.lower, example.lower, "lower");
      assertClose(band.upper, example.upper, "upper");
    });
  }
});

describe("bootstrapMeanBand coverage", () => {
  // 300 independent data sets of 50 curves; the band of each is computed with
  // its own seed. The coverage of a level-0.95 band is a binomial proportion
  // with standard deviation ~0.013 over 300 trials: [0.9, 0.99] holds it with
  // margin, yet a band off by a factor sqrt(n) or 2 lands far outside. The
  // seeds are fixed, so the counts are too (0.947 and 0.800 when written).
  for (const [confidence, low, high] of [
    [0.95, 0.9, 0.99],
    [0.8, 0.72, 0.88],
  ] as const) {
    it(`bootstrapMeanBand at confidence ${confidence} covers the true mean in about ${confidence * 100}% of trials`, () => {
      const trials = 300;
      const n = 50;
      const m = 40;
      let covered = 0;
      for (let trial = 0; trial < trials; trial++) {
        const rows = noisySines(n, m, seededRandom(1000 + trial));
        const band = bootstrapMeanBand(rows, { confidence, repeats: 200, seed: trial });
        let inside = true;
        for (let k = 0; k < m; k++) {
          const truth = Math.sin(gridPoint(k, m));
          if (!(band.lower[k]! <= truth && truth <= band.upper[k]!)) inside = false;
        }
        if (inside) covered++;
      }
      const coverage = covered / trials;
      assert.ok(
        low <= coverage && coverage <= high,
        `coverage ${coverage} outside [${low}, ${high}]`,
      );
    });
  }

  it("bootstrapMeanBand's half-width shrinks like 1/sqrt(n)", () => {
    const average = (n: number) => {
      let sum = 0;
      for (let s = 0; s < 10; s++) {
        sum += bootstrapMeanBand(noisySines(n, 30, seededRandom(50 + s)), {
          repeats: 200,
          seed: s,
        }).halfWidth;
      }
      return sum / 10;
    };
    const w25 = average(25);
    const w100 = average(100);
    const w400 = average(400);
    // Quadrupling n halves the width: the ratios are 2 up to sampling noise
    // (1.92 and 2.08 when written).
    for (const [ratio, what] of [
      [w25 / w100, "25 vs 100"],
      [w100 / w400, "100 vs 400"],
    ] as const) {
      assert.ok(ratio > 1.7 && ratio < 2.3, `width ratio ${what} is ${ratio}`);
    }
  });
});

describe("bootstrapMeanBand", () => {
  it("bootstrapMeanBand gives the pointwise mean and a band of constant half-width around it", () => {
    const rows = [
      Float64Array.from([0, 1, 2]),
      Float64Array.from([2, 3, 6]),
      Float64Array.from([1, 5, 1]),
    ];
    const band = bootstrapMeanBand(rows, { repeats: 50 });
    assert.deepEqual(Array.from(band.mean), [1, 3, 3]);
    assert.ok(band.halfWidth > 0);
    for (let t = 0; t < 3; t++) {
      assert.equal(band.lower[t], band.mean[t]! - band.halfWidth);
      assert.equal(band.upper[t], band.mean[t]! + band.halfWidth);
    }
  });

  it("bootstrapMeanBand has zero width when every function is the same", () => {
    const row = Float64Array.from([0.5, -1, 2]);
    const band = bootstrapMeanBand([row, row.slice(), row.slice()], { repeats: 20 });
    assert.equal(band.halfWidth, 0);
    assert.deepEqual(Array.from(band.lower), Array.from(row));
    assert.deepEqual(Array.from(band.upper), Array.from(row));
  });

  it("bootstrapMeanBand is deterministic for a seed and changes with it", () => {
    const rows = noisySines(20, 10, seededRandom(3));
    const a = bootstrapMeanBand(rows, { repeats: 100, seed: 9 });
    const b = bootstrapMeanBand(rows, { repeats: 100, seed: 9 });
    const c = bootstrapMeanBand(rows, { repeats: 100, seed: 10 });
    assert.equal(a.halfWidth, b.halfWidth);
    assert.deepEqual(a.upper, b.upper);
    assert.notEqual(a.halfWidth, c.halfWidth);
  });

  it("bootstrapMeanBand uses the default options 0.95, 1000 repeats and seed 0", () => {
    const rows = noisySines(10, 5, seededRandom(4));
    assert.deepEqual(
      bootstrapMeanBand(rows),
      bootstrapMeanBand(rows, { confidence: 0.95, repeats: 1000, seed: 0 }),
    );
  });

  it("bootstrapMeanBand shifts with a common added function and scales with a positive factor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (n, m, dataSeed, factor) => {
          const random = seededRandom(dataSeed);
          const rows = Array.from({ length: n }, () =>
            Float64Array.from({ length: m }, () => gaussian(random)),
          );
          const shift = Float64Array.from({ length: m }, () => 5 * gaussian(random));
          const options = { repeats: 30, seed: dataSeed };
          const band = bootstrapMeanBand(rows, options);
          const shifted = bootstrapMeanBand(
            rows.map((row) => row.map((v, t) => v + shift[t]!)),
            options,
          );
          const scaled = bootstrapMeanBand(
            rows.map((row) => row.map((v) => v * factor)),
            options,
          );
          const tol = 1e-9 * (1 + band.halfWidth);
          assert.ok(Math.abs(shifted.halfWidth - band.halfWidth) <= tol);
          assert.ok(Math.abs(scaled.halfWidth - factor * band.halfWidth) <= factor * tol);
          for (let t = 0; t < m; t++) {
            assert.ok(
              Math.abs(shifted.mean[t]! - band.mean[t]! - shift[t]!) <=
                1e-9 * (1 + Math.abs(shift[t]!)),
            );
          }
        },
      ),
      { seed: 11, numRuns: 50 },
    );
  });

  it("bootstrapMeanBand widens with the confidence", () => {
    const rows = noisySines(30, 20, seededRandom(8));
    const widths = [0.5, 0.8, 0.95, 0.99].map(
      (confidence) => bootstrapMeanBand(rows, { confidence, repeats: 500 }).halfWidth,
    );
    for (let k = 1; k < widths.length; k++) assert.ok(widths[k]! > widths[k - 1]!, `${widths}`);
  });

  it("bootstrapMeanBand does not mutate its input", () => {
    const rows = [Float64Array.from([1, 2]), Float64Array.from([3, 5])];
    bootstrapMeanBand(rows, { repeats: 10 });
    assert.deepEqual(
      rows.map((r) => Array.from(r)),
      [
        [1, 2],
        [3, 5],
      ],
    );
  });

  it("bootstrapMeanBand rejects bad functions and options with messages that name them", () => {
    const ok = [Float64Array.from([1, 2]), Float64Array.from([3, 4])];
    const cases: Array<[() => unknown, ErrorConstructor, RegExp]> = [
      [() => bootstrapMeanBand("x" as never), TypeError, /functions must be an array/],
      [() => bootstrapMeanBand([ok[0]!]), RangeError, /at least 2 functions; got 1/],
      [
        () => bootstrapMeanBand([ok[0]!, [3, 4] as never]),
        TypeError,
        /functions\[1\] must be a Float64Array/,
      ],
      [
        () => bootstrapMeanBand([ok[0]!, Float64Array.from([1])]),
        RangeError,
        /functions\[1\] has 1 values but functions\[0\] has 2/,
      ],
      [
        () => bootstrapMeanBand([new Float64Array(0), new Float64Array(0)]),
        RangeError,
        /functions\[0\] is empty/,
      ],
      [
        () => bootstrapMeanBand([ok[0]!, Float64Array.from([1, Number.NaN])]),
        RangeError,
        /functions\[1\]\[1\] must be finite; got NaN/,
      ],
      [
        () => bootstrapMeanBand(ok, { confidence: 1 }),
        RangeError,
        /confidence must be strictly between 0 and 1; got 1/,
      ],
      [
        () => bootstrapMeanBand(ok, { confidence: "0.9" as never }),
        TypeError,
        /confidence must be a number/,
      ],
      [
        () => bootstrapMeanBand(ok, { repeats: 0 }),
        RangeError,
        /repeats must be an integer >= 1; got 0/,
      ],
      [() => bootstrapMeanBand(ok, { seed: 1.5 }), RangeError, /seed must be an integer; got 1.5/],
      [() => bootstrapMeanBand(ok, 3 as never), TypeError, /options must be an options object/],
    ];
    for (const [call, type, message] of cases) {
      assert.throws(call, (error: unknown) => {
        assert.ok(error instanceof type, `${String(error)} is not a ${type.name}`);
        assert.match((error as Error).message, /^bootstrapMeanBand/);
        assert.match((error as Error).message, message);
        return true;
      });
    }
  });

  it("bootstrapMeanBand's documented example holds", () => {
    const grid = Array.from({ length: 5 }, (_, t) => t / 4);
    const curves = [0.5, 1, 1.5, 1].map((a) => Float64Array.from(grid, (t) => a * t));
    const band = bootstrapMeanBand(curves, { repeats: 200, seed: 1 });
    assert.deepEqual(Array.from(band.mean), [0, 0.25, 0.5, 0.75, 1]);
    assert.ok(band.lower[4]! < 1 && band.upper[4]! > 1);
  });
});
