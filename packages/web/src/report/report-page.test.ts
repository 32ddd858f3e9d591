import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { selfContainedPage } from "../self-contained-page.js";
import { fixtureRun, reportData } from "../test-support/fixture-runs.js";
import { type OpenedPage, openPage } from "../test-support/open-page.js";

describe("the report page", () => {
  const directory = mkdtempSync(join(tmpdir(), "nettopo-report-page-"));
  const opened: OpenedPage[] = [];
  after(async () => {
    for (const page of opened) await page.browser.close();
    rmSync(directory, { recursive: true, force: true });
  });
  async function open(name: string, data: unknown): Promise<OpenedPage> {
    const file = join(directory, `${name}.html`);
    writeFileSync(file, await selfContainedPage("report", data));
    const page = await openPage(pathToFileURL(file).href);
    opened.push(page);
    await page.page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    return page;
  }

  it("draws the runs' charts from disk, and its epoch slider changes the diagram and barcode shown", {
    timeout: 120_000,
  }, async () => {
    const run = fixtureRun();
    const { page, errors, networkRequests } = await open(
      "two-runs",
      reportData([run, fixtureRun("bare", false)]),
    );
    assert.deepEqual(
      await page.$$eval("table.runs tbody tr", (rows) =>
        rows.map((r) => r.getAttribute("data-run")),
      ),
      ["mlp-16-16", "bare"],
    );
    assert.match(
      (await page.textContent("table.runs tr[data-run=bare] td:last-child")) ?? "",
      /no topology\.jsonl/,
    );
    const drawn = await page.$$eval("figure.chart[data-rendered=true]", (figures) =>
      figures.map((f) => ({
        id: f.getAttribute("data-chart"),
        marks: f.querySelectorAll("svg .mark-line path, svg .mark-symbol path, svg .mark-rule line")
          .length,
      })),
    );
    const ids = drawn.map((d) => d.id);
    for (const id of [
      "accuracy",
      "loss",
      "gap",
      "betti-h0",
      "betti-h1",
      "diagram",
      "barcode",
      "feature-h1.total",
    ]) {
      assert.ok(ids.includes(id), `${id} drawn (drawn: ${ids.join(", ")})`);
    }
    assert.ok(
      drawn.every((d) => d.marks > 0),
      `every chart has marks: ${JSON.stringify(drawn)}`,
    );

    const last = run.topology!.length - 1;
    assert.equal(await page.inputValue("#epoch-slider"), String(last));
    assert.equal(
      await page.getAttribute("figure[data-chart=diagram]", "data-epoch"),
      String(run.topology![last]!.epoch),
    );
    const pointsAt = () =>
      page.$$eval("figure[data-chart=diagram] svg .mark-symbol path", (p) => p.length);
    const before = await pointsAt();
    await page.fill("#epoch-slider", "0");
    await page.waitForSelector("figure[data-chart=diagram][data-epoch='0'][data-rendered=true]");
    await page.waitForSelector("figure[data-chart=barcode][data-epoch='0'][data-rendered=true]");
    assert.match((await page.textContent("#epoch-label")) ?? "", /^epoch 0 · step 0/);
    assert.match((await page.textContent("figure[data-chart=diagram] svg")) ?? "", /epoch 0/);
    const pairs = run.topology![0]!.repeats[0]!.diagrams.reduce((n, d) => n + d.pairs.length, 0);
    const lastPairs = run.topology![last]!.repeats[0]!.diagrams.reduce(
      (n, d) => n + d.pairs.length,
      0,
    );
    assert.ok(
      before >= lastPairs && (await pointsAt()) >= pairs,
      "the diagram's points follow the slider",
    );
    // A point's tooltip gives its values.
    const point = page.locator("figure[data-chart=accuracy] svg .mark-symbol path").nth(2);
    await point.scrollIntoViewIfNeeded();
    const box = (await point.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector(".chart-tooltip", { state: "visible" });
    assert.match((await page.textContent(".chart-tooltip")) ?? "", /Run.*Epoch.*Accuracy/);
    assert.deepEqual(errors, []);
    assert.deepEqual(networkRequests, []);
  });

  it("says so and shows the training curves when no run has a topology.jsonl", {
    timeout: 120_000,
  }, async () => {
    const { page, errors, networkRequests } = await open(
      "bare",
      reportData([fixtureRun("bare", false)]),
    );
    assert.match(
      (await page.textContent("#no-topology")) ?? "",
      /no neuron topology \(no topology\.jsonl/,
    );
    assert.equal(await page.$$eval("figure.chart[data-rendered=true]", (f) => f.length), 3);
    assert.equal(await page.$("#epoch-slider:visible"), null);
    assert.deepEqual(errors, []);
    assert.deepEqual(networkRequests, []);
  });
});
