// Writes the example pictures under docs/plots/ (SVG and PNG) from real
// persistence diagrams computed by @nettopo/core: the 300-point torus of
// examples/data/torus.csv and noisy circles. Run from the repository root
// after building: `npx tsc -b && node scripts/make-docs-plots.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderPng } from "../packages/cli/dist/render/render-png.js";
import { renderSvg } from "../packages/cli/dist/render/render-svg.js";
import {
  barcodeSpec,
  curvesSpec,
  gaussian,
  persistenceDiagramSpec,
  persistenceImageSpec,
  pointCloud,
  ripsPersistence,
  seededRandom,
} from "../packages/core/dist/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "docs", "plots");
mkdirSync(out, { recursive: true });

/** Reads a CSV of numbers with a header line into a point cloud. */
function readCsvCloud(path) {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const dimension = lines[0].split(",").length;
  const rows = lines.slice(1);
  const coordinates = new Float64Array(rows.length * dimension);
  rows.forEach((line, i) => {
    line.split(",").forEach((cell, k) => {
      coordinates[i * dimension + k] = Number(cell);
    });
  });
  return pointCloud(coordinates, rows.length, dimension);
}

/** `count` points on the unit circle at random angles, with Gaussian noise of deviation `noise`. */
function noisyCircle(count, noise, seed) {
  const random = seededRandom(seed);
  const coordinates = new Float64Array(2 * count);
  for (let i = 0; i < count; i += 1) {
    const angle = 2 * Math.PI * random();
    coordinates[2 * i] = Math.cos(angle) + noise * gaussian(random);
    coordinates[2 * i + 1] = Math.sin(angle) + noise * gaussian(random);
  }
  return pointCloud(coordinates, count, 2);
}

async function write(name, spec) {
  const onWarning = (message) => {
    throw new Error(`${name}: ${message}`);
  };
  const svg = await renderSvg(spec, { onWarning });
  const png = await renderPng(spec, { scale: 2, onWarning });
  writeFileSync(join(out, `${name}.svg`), svg);
  writeFileSync(join(out, `${name}.png`), png);
  console.log(`docs/plots/${name}: svg ${svg.length} bytes, png ${png.length} bytes`);
}

const torus = ripsPersistence(readCsvCloud(join(root, "examples", "data", "torus.csv")), {
  maxDim: 2,
});
await write(
  "torus-diagram",
  persistenceDiagramSpec(torus, { title: "Torus, 300 points: Vietoris–Rips diagram" }),
);
await write("torus-barcode", barcodeSpec(torus, { title: "Torus, 300 points: barcode" }));

const circle = ripsPersistence(noisyCircle(100, 0.1, 1));
await write(
  "circle-diagram",
  persistenceDiagramSpec(circle, { title: "Noisy circle, 100 points: diagram" }),
);
await write("circle-barcode", barcodeSpec(circle, { title: "Noisy circle, 100 points: barcode" }));

const noises = [0.05, 0.2, 0.35];
await write(
  "circles-overlaid",
  persistenceDiagramSpec(
    noises.map((noise, k) => ({
      label: `noise ${noise}`,
      diagram: ripsPersistence(noisyCircle(100, noise, 2 + k)),
    })),
    { title: "Noisy circles: H1 nears the diagonal", dimensions: [1] },
  ),
);

// Synthetic examples of the curve and image plots (the vectorizations that
// compute real ones live elsewhere).
const grid = Float64Array.from({ length: 201 }, (_, i) => i / 100);
const tent = (centre, height) =>
  Float64Array.from(grid, (t) => Math.max(0, height - Math.abs(t - centre)));
await write(
  "curves-example",
  curvesSpec(
    {
      grid,
      series: [0.6, 0.3, 0.15].map((height, k) => {
        const values = tent(0.9 + 0.1 * k, height);
        return {
          label: `λ${k + 1}`,
          values,
          lower: values.map((v) => 0.85 * v),
          upper: values.map((v) => 1.15 * v),
        };
      }),
    },
    {
      title: "Synthetic landscape with a ±15% band",
      yTitle: "Landscape value",
      seriesTitle: "Layer",
    },
  ),
);
const width = 20;
const height = 20;
const values = new Float64Array(width * height);
for (let row = 0; row < height; row += 1) {
  for (let column = 0; column < width; column += 1) {
    values[row * width + column] =
      Math.exp(-((column - 5) ** 2 + (row - 3) ** 2) / 6) +
      0.5 * Math.exp(-((column - 12) ** 2 + (row - 12) ** 2) / 10);
  }
}
await write(
  "image-example",
  persistenceImageSpec(
    { width, height, values, birthRange: [0, 2], persistenceRange: [0, 1.5] },
    { title: "Synthetic persistence image", firstRow: "lowest-persistence" },
  ),
);
