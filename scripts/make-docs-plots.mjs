// Writes the example pictures under docs/plots/ (SVG and PNG) from real
// persistence diagrams computed by @nettopo/core: the 300-point torus of
// examples/data/torus.csv and noisy circles. Run from the repository root
// after building: `npx tsc -b && node scripts/make-docs-plots.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { plotSpec } from "../packages/cli/dist/commands/plot-job.js";
import { renderPng } from "../packages/cli/dist/render/render-png.js";
import { renderSvg } from "../packages/cli/dist/render/render-svg.js";
import {
  barcodeSpec,
  gaussian,
  persistenceDiagramSpec,
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

// The curve and image plots, built as `nettopo plot` builds them (plotSpec
// with the command's defaults).
const defaults = {
  dims: undefined,
  title: undefined,
  width: undefined,
  height: undefined,
  resolution: 200,
  layers: 3,
  power: 1,
  imageSize: [40, 40],
  bandwidth: undefined,
  average: false,
  confidence: 0.95,
  seed: 0,
};
const torusInput = [{ label: "torus", diagram: torus }];
await write(
  "torus-betti",
  plotSpec(torusInput, { ...defaults, kind: "betti", title: "Torus, 300 points: Betti curves" }),
);
await write(
  "torus-landscape",
  plotSpec(torusInput, {
    ...defaults,
    kind: "landscape",
    dims: [1],
    title: "Torus, 300 points: H1 persistence landscape",
  }),
);
await write(
  "torus-image",
  plotSpec(torusInput, {
    ...defaults,
    kind: "image",
    dims: [1],
    title: "Torus, 300 points: H1 persistence image",
  }),
);
// Twenty noisy circles: the mean H1 landscape and its 95% band.
const circles = Array.from({ length: 20 }, (_, k) => ({
  label: `circle ${k + 1}`,
  diagram: ripsPersistence(noisyCircle(60, 0.15, 10 + k)),
}));
await write(
  "circles-mean-landscape",
  plotSpec(circles, {
    ...defaults,
    kind: "landscape",
    dims: [1],
    layers: 2,
    average: true,
    title: "20 noisy circles: mean H1 landscape, 95% bootstrap band",
  }),
);
