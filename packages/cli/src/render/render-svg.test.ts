import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  barcode,
  barcodeSpec,
  curvesSpec,
  type PersistenceDiagram,
  persistenceDiagramSpec,
  persistenceImageSpec,
  pointCloud,
  ripsPersistence,
} from "@nettopo/core";
import { Resvg } from "@resvg/resvg-js";
import { assertWellFormedSvg, countMarks } from "../test-support/svg-structure.js";
import { renderSvg } from "./render-svg.js";

const diagram: PersistenceDiagram = {
  dimensions: [
    {
      dim: 0,
      ...barcode([
        [0, 0.2],
        [0, 0.3],
        [0, null],
      ]),
    },
    {
      dim: 1,
      ...barcode([
        [0.3, 1.5],
        [0.4, 0.45],
      ]),
    },
  ],
};

/** Renders, failing the test on any warning of vega-lite or vega. */
async function render(spec: Record<string, unknown>): Promise<string> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, { onWarning: (message) => warnings.push(message) });
  assert.deepEqual(warnings, [], "no warning while compiling and rendering");
  assertWellFormedSvg(svg);
  new Resvg(svg); // resvg's strict XML parser accepts it too
  return svg;
}

/** The text of every <text> element. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

test("renderSvg draws a persistence diagram: one point per pair, axis titles, legend, ∞ label", async () => {
  const svg = await render(persistenceDiagramSpec(diagram));
  assert.equal(countMarks(svg, "symbol"), 5);
  const words = texts(svg);
  for (const word of ["Birth", "Death", "Dimension", "H0", "H1", "∞", "Persistence diagram"]) {
    assert.ok(words.includes(word), `the text "${word}" is drawn`);
  }
});

test("renderSvg draws no ∞ label for a diagram whose classes all die", async () => {
  const svg = await render(
    persistenceDiagramSpec({ dimensions: [{ dim: 1, ...barcode([[0.3, 1.5]]) }] }),
  );
  assert.equal(countMarks(svg, "symbol"), 1);
  assert.ok(!texts(svg).includes("∞"));
});

test("renderSvg draws every pair of a real diagram: a circle's Rips persistence", async () => {
  const count = 24;
  const coordinates = new Float64Array(2 * count);
  for (let i = 0; i < count; i += 1) {
    coordinates[2 * i] = Math.cos((2 * Math.PI * i) / count);
    coordinates[2 * i + 1] = Math.sin((2 * Math.PI * i) / count);
  }
  const circle = ripsPersistence(pointCloud(coordinates, count, 2));
  const pairs = circle.dimensions.reduce((sum, d) => sum + d.births.length, 0);
  const svg = await render(persistenceDiagramSpec(circle));
  assert.equal(countMarks(svg, "symbol"), pairs);
});

test("renderSvg draws overlaid diagrams with a second legend naming them", async () => {
  const svg = await render(
    persistenceDiagramSpec([
      { label: "before", diagram },
      { label: "after", diagram: { dimensions: [{ dim: 1, ...barcode([[0.5, 0.9]]) }] } },
    ]),
  );
  assert.equal(countMarks(svg, "symbol"), 6);
  for (const word of ["Diagram", "before", "after"]) assert.ok(texts(svg).includes(word));
});

test("renderSvg draws a barcode: one bar per pair, an arrowhead per essential class", async () => {
  const svg = await render(barcodeSpec(diagram));
  // The bars, plus the dashed line at ∞.
  assert.equal(countMarks(svg, "rule"), 5 + 1);
  assert.equal(countMarks(svg, "symbol"), 1);
  for (const word of ["Filtration value", "H0", "H1", "∞"]) assert.ok(texts(svg).includes(word));
});

test("renderSvg draws curves with their band, and a persistence image cell by cell", async () => {
  const grid = new Float64Array([0, 0.5, 1]);
  const curves = await render(
    curvesSpec(
      {
        grid,
        series: [
          {
            label: "λ1",
            values: grid.map((t) => 1 - t),
            lower: grid.map(() => 0),
            upper: grid.map(() => 1),
          },
          { label: "λ2", values: grid.map((t) => t / 2) },
        ],
      },
      { yTitle: "Landscape" },
    ),
  );
  assert.equal(countMarks(curves, "line"), 2);
  assert.equal(countMarks(curves, "area"), 1);
  for (const word of ["Filtration value", "Landscape", "λ1", "λ2"])
    assert.ok(texts(curves).includes(word));
  const image = await render(
    persistenceImageSpec({
      width: 4,
      height: 3,
      values: Float64Array.from({ length: 12 }, (_, k) => k),
      birthRange: [0, 1],
      persistenceRange: [0, 2],
    }),
  );
  assert.equal(countMarks(image, "rect"), 12);
  for (const word of ["Birth", "Persistence", "Intensity"]) assert.ok(texts(image).includes(word));
});

test("renderSvg draws empty diagrams and barcodes as empty plots, without warnings", async () => {
  for (const empty of [{ dimensions: [] }, { dimensions: [{ dim: 1, ...barcode([]) }] }]) {
    assert.equal(countMarks(await render(persistenceDiagramSpec(empty)), "symbol"), 0);
    assert.equal(countMarks(await render(barcodeSpec(empty)), "rule"), 0);
  }
});

test("renderSvg refuses a spec that loads data from a URL, without fetching it", async () => {
  const spec = {
    data: { url: "http://127.0.0.1:9/data.json" },
    mark: "point",
    encoding: { x: { field: "a", type: "quantitative" } },
  };
  await assert.rejects(
    renderSvg(spec, { onWarning: () => {} }),
    /asks to load "http:\/\/127\.0\.0\.1:9\/data\.json"; only inline data/,
  );
  await assert.rejects(renderSvg([] as unknown as Record<string, unknown>), TypeError);
});

test("renderSvg leaves nothing that keeps the process alive", () => {
  const module = fileURLToPath(new URL("./render-svg.js", import.meta.url));
  const script = `
    const { renderSvg } = await import(${JSON.stringify(module)});
    const svg = await renderSvg({ data: { values: [{ a: 1 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } });
    process.stdout.write(String(svg.startsWith("<svg")));
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(result.signal, null, "the process ended by itself");
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, "true");
});
