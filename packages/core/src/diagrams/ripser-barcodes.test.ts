import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PersistenceDiagram } from "../types.js";
import { formatRipserBarcodes } from "./ripser-barcodes.js";

function diagram(...dims: [number[], number[]][]): PersistenceDiagram {
  return {
    dimensions: dims.map(([births, deaths], dim) => ({
      dim,
      births: Float64Array.from(births),
      deaths: Float64Array.from(deaths),
    })),
  };
}

describe("formatRipserBarcodes", () => {
  it("prints a header per dimension and one line per bar as Ripser 1.2.1 does", () => {
    // Ripser 1.2.1 on the lower-distance matrix "\n1\n1,1\n" (three points at distance 1).
    const text = formatRipserBarcodes(
      diagram(
        [
          [0, 0, 0],
          [1, 1, Infinity],
        ],
        [[], []],
      ),
    );
    assert.equal(
      text,
      "persistence intervals in dim 0:\n [0,1)\n [0,1)\n [0, )\npersistence intervals in dim 1:\n",
    );
  });

  it("prints values as std::cout does with precision 6", () => {
    // Ripser 1.2.1 on the point cloud (0,0) (0.000012,0) (1234567,0) (1234567,3.3333333).
    const f32 = (x: number) => Math.fround(x);
    const text = formatRipserBarcodes(
      diagram([
        [0, 0, 0, 0],
        [f32(0.000012), f32(3.3333333), f32(1234567), Infinity],
      ]),
    );
    assert.equal(
      text,
      "persistence intervals in dim 0:\n [0,1.2e-05)\n [0,3.33333)\n [0,1.23457e+06)\n [0, )\n",
    );
  });

  it("omits zero-length bars but keeps essential classes in every dimension", () => {
    const text = formatRipserBarcodes(
      diagram(
        [
          [0, 0],
          [0, Infinity],
        ],
        [
          [0.5, 0.7, 0.25],
          [0.5, 0.9, Infinity],
        ],
      ),
    );
    assert.equal(
      text,
      "persistence intervals in dim 0:\n [0, )\npersistence intervals in dim 1:\n [0.7,0.9)\n [0.25, )\n",
    );
  });

  it("keeps the order of the pairs in the diagram", () => {
    const text = formatRipserBarcodes(
      diagram(
        [[], []],
        [
          [2, 1],
          [3, 4],
        ],
      ),
    );
    assert.equal(
      text,
      "persistence intervals in dim 0:\npersistence intervals in dim 1:\n [2,3)\n [1,4)\n",
    );
  });

  it("returns an empty string for a diagram without dimensions", () => {
    assert.equal(formatRipserBarcodes({ dimensions: [] }), "");
  });

  it("refuses something that is not a diagram with a TypeError", () => {
    assert.throws(() => formatRipserBarcodes(null as never), TypeError);
    assert.throws(() => formatRipserBarcodes({} as never), /dimensions/);
    assert.throws(
      () =>
        formatRipserBarcodes({
          dimensions: [{ dim: 0, births: new Float64Array(2), deaths: new Float64Array(1) }],
        }),
      /2 births but 1 deaths/,
    );
  });
});
