import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { PersistenceDiagram } from "../types.js";
import { diagramFromJSON } from "./diagram-from-json.js";
import { diagramToJSON } from "./diagram-to-json.js";

const circle: PersistenceDiagram = {
  dimensions: [
    { dim: 0, births: Float64Array.of(0, 0, 0), deaths: Float64Array.of(1, 1, Infinity) },
    {
      dim: 1,
      births: Float64Array.of(1),
      deaths: Float64Array.of(1.5),
      cocycles: [{ simplices: Int32Array.of(2, 0, 3, 1), coefficients: Int32Array.of(1, 2) }],
    },
  ],
};

describe("diagramToJSON", () => {
  it("writes pairs per dimension with an infinite death as null", () => {
    assert.equal(
      JSON.stringify(diagramToJSON({ dimensions: [circle.dimensions[0]!] })),
      '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,1],[0,null]]}]}',
    );
  });

  it("writes a cocycle per pair as rows of vertices then coefficient", () => {
    const json = diagramToJSON(circle);
    assert.deepEqual(json.diagrams[1], {
      dim: 1,
      pairs: [[1, 1.5]],
      cocycles: [
        [
          [2, 0, 1],
          [3, 1, 2],
        ],
      ],
    });
    assert.equal("cocycles" in json.diagrams[0]!, false);
  });

  it("refuses births and deaths of different lengths", () => {
    assert.throws(
      () =>
        diagramToJSON({
          dimensions: [{ dim: 0, births: new Float64Array(1), deaths: new Float64Array(2) }],
        }),
      TypeError,
    );
  });
});

describe("diagramFromJSON", () => {
  it("reads back what diagramToJSON writes, through JSON text", () => {
    const back = diagramFromJSON(JSON.parse(JSON.stringify(diagramToJSON(circle))));
    assert.deepEqual(back, circle);
  });

  it("round-trips random diagrams", () => {
    const pair = fc
      .tuple(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        fc.option(fc.double({ noNaN: true, min: 0, max: 1e6, noDefaultInfinity: true })),
      )
      .map(([b, d]) => [b + 0, d === null ? Infinity : b + d + 0] as const); // JSON has no -0
    fc.assert(
      fc.property(fc.array(fc.array(pair), { maxLength: 4 }), (dims) => {
        const diagram: PersistenceDiagram = {
          dimensions: dims.map((pairs, dim) => ({
            dim,
            births: Float64Array.from(pairs, (p) => p[0]),
            deaths: Float64Array.from(pairs, (p) => p[1]),
          })),
        };
        const back = diagramFromJSON(JSON.parse(JSON.stringify(diagramToJSON(diagram))));
        assert.deepEqual(back, diagram);
      }),
      { seed: 2 },
    );
  });

  it("names the path of a bad value and what was expected", () => {
    const cases: [unknown, RegExp, ErrorConstructor][] = [
      [null, /expected an object/, TypeError],
      [{}, /"diagrams" to be an array, got nothing/, TypeError],
      [{ diagrams: [{ dim: 1, pairs: [] }] }, /diagrams\[0\]\.dim to be 0/, RangeError],
      [{ diagrams: [{ dim: 0 }] }, /diagrams\[0\]\.pairs to be an array/, TypeError],
      [{ diagrams: [{ dim: 0, pairs: [[0]] }] }, /pairs\[0\] to be \[birth, death\]/, TypeError],
      [{ diagrams: [{ dim: 0, pairs: [["0", 1]] }] }, /pairs\[0\]\[0\] \(birth\)/, TypeError],
      [
        {
          diagrams: [
            {
              dim: 0,
              pairs: [
                [0, 1],
                [2, 1],
              ],
            },
          ],
        },
        /pairs\[1\]\[1\] \(death\) to be at least/,
        RangeError,
      ],
      [{ diagrams: [{ dim: 0, pairs: [[Number.NaN, 1]] }] }, /finite/, RangeError],
      [
        { diagrams: [{ dim: 0, pairs: [[0, 1]], cocycles: [] }] },
        /one cocycle per pair/,
        RangeError,
      ],
      [
        { diagrams: [{ dim: 0, pairs: [[0, 1]], cocycles: [[[0, 1, 1]]] }] },
        /cocycles\[0\]\[0\] to be \[1 vertices, coefficient\]/,
        TypeError,
      ],
      [
        {
          diagrams: [
            { dim: 0, pairs: [[0, 1]] },
            { dim: 1, pairs: [[0, 1]], cocycles: [[[0, 1, 1]]] },
          ],
        },
        /decreasing order/,
        RangeError,
      ],
      [
        { diagrams: [{ dim: 0, pairs: [[0, 1]], cocycles: [[[-1, 1]]] }] },
        /vertex index\) to be an integer/,
        RangeError,
      ],
      [
        { diagrams: [{ dim: 0, pairs: [[0, 1]], cocycles: [[[1, 0]]] }] },
        /coefficient\) to be an integer in \[1/,
        RangeError,
      ],
    ];
    for (const [value, message, type] of cases) {
      assert.throws(
        () => diagramFromJSON(value),
        (error: unknown) => {
          assert.ok(error instanceof type, `${JSON.stringify(value)}: ${String(error)}`);
          assert.match((error as Error).message, message);
          assert.doesNotMatch((error as Error).message, /\n/);
          return true;
        },
      );
    }
  });

  it("throws only TypeError or RangeError on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          diagramFromJSON({ diagrams: [value] });
          diagramFromJSON(value);
        } catch (error) {
          assert.ok(error instanceof TypeError || error instanceof RangeError, String(error));
        }
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});

describe("diagramToJSON with float32 precision", () => {
  it("writes float32 values with the fewest digits that read back to the same float32", () => {
    const f = Math.fround;
    const json = diagramToJSON(
      {
        dimensions: [
          {
            dim: 0,
            births: Float64Array.of(0, 0, 0),
            deaths: Float64Array.of(f(0.1), f(1 / 3), Infinity),
          },
        ],
      },
      { precision: "float32" },
    );
    assert.equal(
      JSON.stringify(json),
      '{"diagrams":[{"dim":0,"pairs":[[0,0.1],[0,0.33333334],[0,null]]}]}',
    );
  });

  it("keeps values that are not float32 numbers exact", () => {
    const json = diagramToJSON(
      { dimensions: [{ dim: 0, births: Float64Array.of(0), deaths: Float64Array.of(0.1) }] },
      { precision: "float32" },
    );
    assert.deepEqual(json.diagrams[0]!.pairs, [[0, 0.1]]);
  });

  it("reads back the same float32 values", () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true, min: 0 }), (x) => {
        const json = diagramToJSON(
          { dimensions: [{ dim: 0, births: Float64Array.of(0), deaths: Float64Array.of(x) }] },
          { precision: "float32" },
        );
        const back = diagramFromJSON(JSON.parse(JSON.stringify(json)));
        assert.equal(Math.fround(back.dimensions[0]!.deaths[0]!), Math.fround(x));
      }),
      { seed: 6, numRuns: 2000 },
    );
  });
});
