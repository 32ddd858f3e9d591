import assert from "node:assert/strict";
import { test } from "node:test";
import { barcode, barcodeSpec, persistenceDiagramSpec } from "@nettopo/core";
import { decodePng, pixelsUnlikeFirst } from "../test-support/decode-png.js";
import { svgSize } from "../test-support/svg-structure.js";
import { renderPng } from "./render-png.js";
import { renderSvg } from "./render-svg.js";

const diagram = {
  dimensions: [
    {
      dim: 0,
      ...barcode([
        [0, 0.2],
        [0, null],
      ]),
    },
    { dim: 1, ...barcode([[0.3, 1.5]]) },
  ],
};

test("renderPng writes a PNG scale times the SVG's size, not of one colour", async () => {
  const spec = persistenceDiagramSpec(diagram, { width: 120, height: 120 });
  const { width, height } = svgSize(await renderSvg(spec));
  for (const scale of [1, 2]) {
    const png = decodePng(await renderPng(spec, { scale }));
    assert.equal(png.width, Math.round(width * scale));
    assert.equal(png.height, Math.round(height * scale));
    assert.ok(pixelsUnlikeFirst(png) > 0.01 * png.width * png.height);
  }
  const barcodePng = decodePng(await renderPng(barcodeSpec(diagram)));
  assert.ok(pixelsUnlikeFirst(barcodePng) > 0);
});

/** A white picture holding nothing but `text` (no axes, no marks). */
function textOnly(text: string) {
  return {
    width: 200,
    height: 60,
    data: { values: [{}] },
    mark: { type: "text", text, fontSize: 20, x: 100, y: 30 },
    config: { view: { stroke: null } },
  };
}

test("renderPng draws text with its bundled font: a word makes pixels that an empty label does not", async () => {
  const word = decodePng(await renderPng(textOnly("Birth ∞"), { scale: 1 }));
  const empty = decodePng(await renderPng(textOnly(""), { scale: 1 }));
  assert.equal(pixelsUnlikeFirst(empty), 0, "without text the picture is blank");
  assert.ok(pixelsUnlikeFirst(word) > 100, "the glyphs are drawn");
});

test("renderPng rejects a scale that is not a positive number", async () => {
  const spec = persistenceDiagramSpec(diagram);
  await assert.rejects(
    renderPng(spec, { scale: 0 }),
    /renderPng: options.scale must be a finite number > 0; got 0/,
  );
  await assert.rejects(renderPng(spec, { scale: Number.NaN }), RangeError);
});
