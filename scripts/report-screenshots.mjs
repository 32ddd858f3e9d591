// Takes the screenshots of the README: docs/report.png (`nettopo report` of
// example runs, opened from disk) and docs/dashboard.png (`nettopo serve` of a
// run being written: lines are appended while the page is open).
//
// Run: node scripts/make-example-runs.mjs /tmp/runs
//      node scripts/report-screenshots.mjs /tmp/runs [docs]
// Needs Chromium (/usr/bin/chromium, or NETTOPO_CHROMIUM).
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const [runs, docs = "docs"] = process.argv.slice(2);
if (runs === undefined) {
  console.error("usage: node scripts/report-screenshots.mjs RUNS_DIR [DOCS_DIR]");
  process.exit(2);
}
const bin = fileURLToPath(new URL("../packages/cli/bin/nettopo.js", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "nettopo-shots-"));
const browser = await chromium.launch({
  executablePath: process.env.NETTOPO_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});

// A run without a topology monitor, to show what the report says about it.
const bare = join(work, "mlp-16-16-no-monitor");
cpSync(fileURLToPath(new URL("../fixtures/report-runs/mlp-16-16", import.meta.url)), bare, {
  recursive: true,
});
rmSync(join(bare, "topology.jsonl"));

// 1. The report, from disk.
const html = join(work, "report.html");
const made = spawnSync(
  process.execPath,
  [
    bin,
    "report",
    join(runs, "mlp-32-32"),
    join(runs, "mlp-64-64"),
    bare,
    "--out",
    html,
    "--title",
    "MLPs on ball4",
  ],
  { encoding: "utf8" },
);
if (made.status !== 0) throw new Error(made.stderr);
const report = await browser.newPage({ viewport: { width: 1320, height: 900 } });
await report.goto(`file://${html}`);
await report.waitForSelector("body[data-ready=true]");
await report.fill("#epoch-slider", "8");
await report.$eval("#epoch-slider", (slider) => slider.blur());
await report.waitForSelector("figure[data-chart=diagram][data-epoch='8'][data-rendered=true]");
await report.screenshot({ path: join(docs, "report.png"), fullPage: true });

// 2. The dashboard, served while a run is being written: the 64-64 run cut at epoch 10, then grown.
const live = join(work, "mlp-64-64");
cpSync(join(runs, "mlp-64-64"), live, { recursive: true });
const metrics = readFileSync(join(live, "metrics.jsonl"), "utf8").trim().split("\n");
const topology = readFileSync(join(live, "topology.jsonl"), "utf8").trim().split("\n");
const upTo = (lines, epoch) => lines.filter((l) => JSON.parse(l).epoch <= epoch);
writeFileSync(join(live, "metrics.jsonl"), `${upTo(metrics, 9).join("\n")}\n`);
writeFileSync(join(live, "topology.jsonl"), `${upTo(topology, 9).join("\n")}\n`);
const server = spawn(
  process.execPath,
  [bin, "serve", live, "--port", "0", "--title", "Live: MLP 4-64-64-2 on ball4"],
  {
    stdio: ["ignore", "ignore", "pipe"],
  },
);
const url = await new Promise((resolve) => {
  let text = "";
  server.stderr.setEncoding("utf8").on("data", (d) => {
    text += d;
    const match = /at (http:\/\/\S+) /.exec(text);
    if (match) resolve(match[1]);
  });
});
const dashboard = await browser.newPage({ viewport: { width: 1320, height: 1500 } });
await dashboard.goto(url);
await dashboard.waitForSelector("body[data-ready=true]");
for (const epoch of [10, 11]) {
  for (const line of metrics.filter((l) => JSON.parse(l).epoch === epoch)) {
    appendFileSync(join(live, "metrics.jsonl"), `${line}\n`);
  }
  for (const line of topology.filter((l) => JSON.parse(l).epoch === epoch)) {
    appendFileSync(join(live, "topology.jsonl"), `${line}\n`);
  }
  await dashboard.waitForSelector(
    `figure[data-chart=diagram][data-epoch='${epoch}'][data-rendered=true]`,
  );
}
await dashboard.waitForTimeout(500);
await dashboard.screenshot({ path: join(docs, "dashboard.png") });
server.kill("SIGINT");
await browser.close();
rmSync(work, { recursive: true, force: true });
console.error(`wrote ${join(docs, "report.png")} and ${join(docs, "dashboard.png")}`);
