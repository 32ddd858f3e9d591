import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type OpenedPage, openPage } from "../../../web/dist/test-support/open-page.js";
import { runCli } from "../test-support/run-cli.js";
import { scratchDirectory } from "../test-support/scratch-directory.js";

const ACTIVATIONS = fileURLToPath(
  new URL("../../../../fixtures/neurons/mlp-relu.npz", import.meta.url),
);
const { dir, file } = scratchDirectory("nettopo-plot-html-");

/** H0: three pairs (one essential); H1: two pairs; H2: one. */
const A = file(
  "a.json",
  '{"diagrams":[{"dim":0,"pairs":[[0,0.5],[0,1],[0,null]]},{"dim":1,"pairs":[[1,3],[2,2.5]]},{"dim":2,"pairs":[[2.6,2.9]]}]}',
);

interface NeuronsJson {
  repeats: { diagrams: { dim: number; pairs: unknown[] }[] }[];
}
const pairCount = (json: NeuronsJson, repeat: number, dim: number) =>
  json.repeats[repeat]!.diagrams.find((d) => d.dim === dim)?.pairs.length ?? 0;

describe("nettopo plot --out view.html, opened from disk in Chromium", () => {
  const boot = join(dir, "boot.json");
  const view = join(dir, "view.html");
  let neurons: NeuronsJson;
  let opened: OpenedPage;

  before(async () => {
    const made = runCli([
      "neurons",
      ACTIVATIONS,
      "--layers",
      "relu1,relu2",
      "--neurons",
      "24",
      "--bootstrap",
      "4",
      "--seed",
      "3",
      "--out",
      boot,
    ]);
    assert.equal(made.status, 0, made.stderr);
    neurons = JSON.parse(readFileSync(boot, "utf8")) as NeuronsJson;
    const plotted = runCli(["plot", A, boot, "--out", view, "--title", "Two files"]);
    assert.equal(plotted.stderr, "");
    assert.equal(plotted.status, 0);
    opened = await openPage(pathToFileURL(view).href);
    await opened.page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  });
  after(async () => {
    await opened?.browser.close();
  });

  /** Waits until every chart shows `choice` (file/repeat/dims), and returns the marks each has. */
  async function chartsAt(choice: string): Promise<Record<string, number>> {
    const { page } = opened;
    await page.waitForSelector("body[data-ready=true]");
    const figures = await page.$$eval("figure.chart", (all) =>
      all.map((f) => ({
        id: f.getAttribute("data-chart")!,
        choice: f.getAttribute("data-choice"),
        rendered: f.getAttribute("data-rendered"),
        marks: f.querySelectorAll(".mark-symbol path, .mark-rule line, .mark-line path").length,
      })),
    );
    for (const f of figures) {
      assert.equal(f.choice, choice, `${f.id} shows ${f.choice}, not ${choice}`);
      assert.equal(f.rendered, "true", `${f.id} is drawn`);
    }
    return Object.fromEntries(figures.map((f) => [f.id, f.marks]));
  }

  const points = () =>
    opened.page.$$eval("figure[data-chart=diagram] .mark-symbol.role-mark path", (p) => p.length);
  const summaryCell = (dim: number, column: number) =>
    opened.page.textContent(`#summary-table tr[data-dim='${dim}'] td:nth-of-type(${column})`);

  it("draws the diagram, barcode and Betti curves of the first file, with its counts, and fetches nothing", async () => {
    const { page, errors, networkRequests } = opened;
    assert.equal(await page.textContent("h1"), "Two files");
    const marks = await chartsAt("0/0/0,1,2");
    for (const id of ["diagram", "barcode", "betti-h0", "betti-h1", "betti-h2"]) {
      assert.ok((marks[id] ?? 0) > 0, `${id} has marks: ${JSON.stringify(marks)}`);
    }
    assert.equal(await points(), 6);
    assert.equal(await summaryCell(1, 1), "2"); // H1 pairs
    assert.equal(await summaryCell(0, 2), "1"); // H0 essential classes
    assert.equal(await summaryCell(1, 3), "2"); // H1 longest bar: 3 - 1
    assert.equal(await page.isVisible("#repeat-control"), false);
    assert.equal(await page.isVisible("#features"), false);
    assert.deepEqual(errors, []);
    assert.deepEqual(networkRequests, []);
  });

  it("shows only the dimensions ticked", async () => {
    const { page } = opened;
    await page.uncheck("#dim-0");
    await page.uncheck("#dim-2");
    const marks = await chartsAt("0/0/1");
    assert.deepEqual(Object.keys(marks).sort(), ["barcode", "betti-h1", "diagram"]);
    assert.equal(await points(), 2);
    assert.deepEqual(await page.$$eval("#summary-table tbody tr", (r) => r.length), 1);
    // The last dimension cannot be unticked: a page with no chart says nothing.
    await page.click("#dim-1");
    assert.equal(await page.isChecked("#dim-1"), true);
  });

  it("gives a point's birth, death and lifetime on hover", async () => {
    const { page } = opened;
    const point = page.locator("figure[data-chart=diagram] .mark-symbol.role-mark path").first();
    const box = (await point.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector(".chart-tooltip", { state: "visible" });
    const text = (await page.textContent(".chart-tooltip")) ?? "";
    assert.match(text, /Dimension\s*H1/);
    assert.match(text, /Birth\s*(1|2)Death\s*(3|2\.5)Lifetime\s*(2|0\.5)/);
  });

  it("shows a bootstrap's repeats overlaid with the mean Betti curve, then one repeat, with the features of the repeats", async () => {
    const { page, errors, networkRequests } = opened;
    await page.selectOption("#file-select", "1");
    await chartsAt("1/all/1");
    const repeats = neurons.repeats.length;
    const allH1 = neurons.repeats.reduce((n, _, r) => n + pairCount(neurons, r, 1), 0);
    assert.equal(await points(), allH1);
    assert.match(
      (await page.textContent("figure[data-chart=betti-h1] svg")) ?? "",
      /H1 Betti curves, mean and band/,
    );
    // The bootstrap band of the file's summary is drawn as an area.
    assert.equal(
      await page.$$eval("figure[data-chart=betti-h1] .mark-area path", (a) => a.length),
      1,
    );
    assert.equal(await page.isVisible("#features-table"), true);
    assert.match((await page.textContent("#features-table")) ?? "", /number of finite bars/);

    await page.selectOption("#repeat-select", "1");
    await chartsAt("1/1/1");
    assert.match(
      (await page.textContent("figure[data-chart=betti-h1] svg")) ?? "",
      new RegExp(`repeat 2.*mean of ${repeats} repeats`),
    );
    assert.equal(await points(), pairCount(neurons, 1, 1));
    assert.equal(await summaryCell(1, 1), String(pairCount(neurons, 1, 1)));
    assert.match(
      (await page.textContent("#features-table tr[data-feature=count]")) ?? "",
      new RegExp(`this repeat: ${pairCount(neurons, 1, 1)}`),
    );
    await page.selectOption("#file-select", "all");
    await chartsAt("all/0/1");
    assert.equal(await points(), 2 + pairCount(neurons, 0, 1));
    // One block of summary rows per file, with exact values.
    const rows = await page.$$eval("#summary-table tbody tr", (all) =>
      all.map((r) => [...r.children].map((c) => c.textContent)),
    );
    assert.deepEqual(rows[0], ["a.json", "H1", "2", "0", "2", "2.5"]);
    assert.deepEqual(rows[1]!.slice(0, 3), [
      "boot.json (repeat 1)",
      "H1",
      String(pairCount(neurons, 0, 1)),
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual(networkRequests, []);
  });

  it("exports a chart as SVG and PNG files", async () => {
    const { page } = opened;
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.click("figure[data-chart=diagram] button[data-export=svg]"),
    ]);
    assert.equal(svg.suggestedFilename(), "a-diagram.svg");
    assert.match(readFileSync((await svg.path())!, "utf8"), /^<svg[^>]*>[\s\S]*Birth/);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.click("figure[data-chart=barcode] button[data-export=png]"),
    ]);
    assert.equal(png.suggestedFilename(), "a-barcode.png");
    assert.deepEqual(
      [...readFileSync((await png.path())!).subarray(0, 4)],
      [0x89, 0x50, 0x4e, 0x47],
    );
  });
});
