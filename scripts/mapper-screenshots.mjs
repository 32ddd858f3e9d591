// Takes the Mapper explorer's screenshots of the README: docs/mapper.png (a
// node clicked: its labels, example inputs and mean activations) and
// docs/mapper-search.png (a label search dimming the other nodes). The
// example is real: an MLP 784-64-10 trained for 2 epochs on Fashion-MNIST
// (seeded, about 15 s), and the Mapper graph of its hidden layer on 5000
// test images, written by `nettopo mapper --html` and opened from disk.
//
// Run: node scripts/mapper-screenshots.mjs [DOCS_DIR]   (after npm run build)
// Needs Chromium (/usr/bin/chromium, or NETTOPO_CHROMIUM) and Debian's
// dataset-fashion-mnist.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [docs = "docs"] = process.argv.slice(2);
const bin = fileURLToPath(new URL("../packages/cli/bin/nettopo.js", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "nettopo-mapper-shots-"));

function nettopo(...args) {
  // In the work directory, so the page names the model by a short relative path.
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: work,
    encoding: "utf8",
    stdio: "pipe",
  });
  if (run.status !== 0) throw new Error(`nettopo ${args.join(" ")}: ${run.stderr}`);
}

nettopo(
  "train",
  "--arch",
  "784-64-10",
  "--dataset",
  "fashion-mnist",
  "--epochs",
  "2",
  "--seed",
  "0",
  "--out",
  "mlp",
);
const html = join(work, "mapper.html");
nettopo(
  "mapper",
  join("mlp", "model"),
  "--layer",
  "dense1_act",
  "--data",
  "fashion-mnist",
  "--limit",
  "5000",
  "--lens",
  "pca",
  "--components",
  "2",
  "--intervals",
  "10",
  "--overlap",
  "0.4",
  "--eps",
  "3",
  "--min-samples",
  "5",
  "--html",
  html,
);
const data = JSON.parse(
  /<script type="application\/json" id="nettopo-data">([\s\S]*?)<\/script>/.exec(
    readFileSync(html, "utf8"),
  )[1],
);
const { nodes } = data.graph;
const names = data.graph.meta.labels.names;

const browser = await chromium.launch({
  executablePath: process.env.NETTOPO_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const errors = [];
page.on("pageerror", (error) => errors.push(String(error)));
page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
await page.goto(pathToFileURL(html).href);
await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
const position = (i) => page.evaluate((node) => window.nettopoMapper.nodePagePosition(node), i);

// 1. The largest node clicked, the pointer resting on it (its tooltip shows).
const largest = nodes.reduce((best, n) => (n.size > best.size ? n : best));
let at = await position(largest.id);
await page.mouse.click(at.x, at.y);
await page.mouse.move(at.x + 1, at.y + 1);
await page.waitForSelector(`#panel h2[data-node="${largest.id}"]`);
await page.waitForTimeout(300);
await page.screenshot({ path: join(docs, "mapper.png") });

// 2. A search for a label: the largest node of it clicked, the others dimmed.
const label = names.indexOf("Ankle boot");
const boots = nodes.filter((n) => n.majority === label);
const boot = boots.reduce((best, n) => (n.size > best.size ? n : best));
await page.fill("#label-search", "boot");
at = await position(boot.id);
await page.mouse.click(at.x, at.y);
await page.mouse.move(5, 5);
await page.waitForSelector(`#panel h2[data-node="${boot.id}"]`);
await page.waitForTimeout(300);
await page.screenshot({ path: join(docs, "mapper-search.png") });

await browser.close();
rmSync(work, { recursive: true, force: true });
if (errors.length > 0) throw new Error(`the page logged errors: ${errors.join("; ")}`);
console.error(`wrote ${join(docs, "mapper.png")} and ${join(docs, "mapper-search.png")}`);
