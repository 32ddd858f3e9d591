import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareBarcodes, describeMismatches, parseRipserBarcodes } from "./barcodes.js";

describe("compareBarcodes (test support)", () => {
  it("accepts the same bars in any order and within the relative tolerance", () => {
    const expected = [
      {
        dim: 0,
        pairs: [
          [0, 1],
          [0, 0.5],
          [0, null],
        ] as [number, number | null][],
      },
    ];
    const actual = {
      dimensions: [
        {
          dim: 0,
          births: Float64Array.of(0, 0, 0),
          deaths: Float64Array.of(Number.POSITIVE_INFINITY, 0.5000001, 1),
        },
      ],
    };
    assert.deepEqual(compareBarcodes(actual, expected, { relative: 1e-6 }), []);
  });

  it("reports missing and unexpected bars per dimension", () => {
    const result = compareBarcodes(
      [{ dim: 1, pairs: [[0.2, 0.3]] }],
      [{ dim: 1, pairs: [[0.2, 0.31]] }],
    );
    assert.equal(result.length, 1);
    assert.equal(result[0]!.dim, 1);
    assert.deepEqual(result[0]!.missing, [{ birth: 0.2, death: 0.31 }]);
    assert.deepEqual(result[0]!.unexpected, [{ birth: 0.2, death: 0.3 }]);
    assert.match(describeMismatches(result), /H1: 1 actual bars vs 1 expected/);
  });

  it("counts multiplicities and never matches a finite death with an infinite one", () => {
    const twice = [
      {
        dim: 0,
        pairs: [
          [0, 1],
          [0, 1],
        ] as [number, number | null][],
      },
    ];
    const once = [{ dim: 0, pairs: [[0, 1]] as [number, number | null][] }];
    assert.equal(compareBarcodes(twice, once).length, 1);
    assert.equal(compareBarcodes([{ dim: 0, pairs: [[0, null]] }], once).length, 1);
  });

  it("drops zero-length bars unless asked to keep them", () => {
    const withZero = [{ dim: 1, pairs: [[0.5, 0.5]] as [number, number | null][] }];
    assert.deepEqual(compareBarcodes(withZero, []), []);
    assert.equal(compareBarcodes(withZero, [], { dropZeroLength: false }).length, 1);
  });
});

describe("parseRipserBarcodes (test support)", () => {
  it("reads Ripser's barcode lines and ignores the other lines", () => {
    const text = [
      "value range: [1,1.41421]",
      "distance matrix with 4 points, using threshold at enclosing radius 1",
      "persistence intervals in dim 0:",
      " [0,1)",
      " [0, )",
      "persistence intervals in dim 1:",
      " [1,1.5)",
      " [1.2e-05, )",
      "",
    ].join("\n");
    assert.deepEqual(parseRipserBarcodes(text), [
      {
        dim: 0,
        pairs: [
          [0, 1],
          [0, null],
        ],
      },
      {
        dim: 1,
        pairs: [
          [1, 1.5],
          [1.2e-5, null],
        ],
      },
    ]);
  });
});
