// Takes the screenshots of the diagrams page (`nettopo plot ... --out
// view.html`, opened from disk): docs/diagrams.png, the `nettopo ph` diagram
// of the 300-point torus of examples/data, and docs/diagrams-neurons.png, the
// `nettopo neurons --bootstrap 20` of the small CNN of fixtures/onnx on 2000
// Fashion-MNIST test images (its fc1 and relu layers), all repeats overlaid
// with the mean Betti curves and their bands.
//
// Run: node scripts/diagrams-screenshots.mjs [DOCS_DIR]   (about 30 s)
// Needs Chromium (/usr/bin/chromium, or NETTOPO_CHROMIUM) and Debian's
// dataset-fashion-mnist.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const [docs = "docs"] = process.argv.slice(2);
const repo = fileURLToPath(new URL("..", import.meta.url));
const bin = join(repo, "packages/cli/bin/nettopo.js");
const work = mkdtempSync(join(tmpdir(), "nettopo-diagram-shots-"));

/** Runs the CLI in `cwd` (the plots run in the work directory, so the page names its files shortly). */
function nettopoIn(cwd, ...args) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`nettopo ${args.join(" ")}: ${run.stderr}`);
}
const nettopo = (...args) => nettopoIn(repo, ...args);

const torus = join(work, "torus.json");
nettopo("ph", "examples/data/torus.csv", "--dim", "2", "--output", torus);
nettopoIn(work, "plot", "torus.json", "--out", "torus.html", "--title", "Torus: 300 points in R³");

const boot = join(work, "cnn-fc1-relu.json");
nettopo(
  "neurons",
  "fixtures/onnx/cnn.onnx",
  "--data",
  "fashion-mnist",
  "--limit",
  "2000",
  "--layers",
  "fc1,relu",
  "--dim",
  "2",
  "--neurons",
  "48",
  "--bootstrap",
  "20",
  "--seed",
  "1",
  "--out",
  boot,
);
nettopoIn(
  work,
  "plot",
  "cnn-fc1-relu.json",
  "--out",
  "neurons.html",
  "--title",
  "Neurons of a CNN on Fashion-MNIST, 20 bootstrap repeats",
);

const browser = await chromium.launch({
  executablePath: process.env.NETTOPO_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
for (const [page, png] of [
  ["torus.html", "diagrams.png"],
  ["neurons.html", "diagrams-neurons.png"],
]) {
  const tab = await browser.newPage({ viewport: { width: 1320, height: 900 } });
  await tab.goto(`file://${join(work, page)}`);
  await tab.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  await tab.screenshot({ path: join(docs, png), fullPage: true });
  await tab.close();
}
await browser.close();
rmSync(work, { recursive: true, force: true });
console.error(`wrote ${join(docs, "diagrams.png")} and ${join(docs, "diagrams-neurons.png")}`);
